/**
 * Snapshot tests: every figure the notebook saves, drawn by a run of its cells on small fixed
 * sweeps (committed under tests/fixtures/snapshots/data/), as the standalone SVG the render task
 * writes, compared with its golden file (tests/fixtures/snapshots/<case>/<figure>.svg). Update
 * the goldens with `UPDATE_SNAPSHOTS=1 deno task test`; see tests/helpers/snapshot.ts.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { FIGURE_NAMES, notebookOutputs } from "./helpers/figure_svgs.ts";
import { assertNoStaleSnapshots, assertSnapshot, SNAPSHOTS } from "./helpers/snapshot.ts";

/** A snapshot case: a fixed sweep and the figures drawn from it (default: all). */
interface SnapshotCase {
  name: string;
  description: string;
  figures?: readonly string[];
}

const CASES: readonly SnapshotCase[] = [
  {
    name: "small",
    description: "4B (36 layers) and 32B (64, deep) x alpha, beta_gamma; 32B/beta_gamma missing",
  },
  {
    name: "four_concepts",
    description: "4B x four concepts: four concept panels in a row",
    figures: [
      "layer_delta_curves",
      "best_layer_violins",
      "heatmap_grid",
      "baseline_distributions",
      "effect_size_intervals",
      "layer_curves_by_training",
    ],
  },
];

/** The bootstrap of the runs (the intervals of `effect_size_intervals` depend on it): pinned. */
const PINNED = { resamples: 50, seed: 1 };

for (const c of CASES) {
  Deno.test(`figure snapshots, ${c.name} sweep (${c.description})`, async (t) => {
    const outputs = await notebookOutputs(join(SNAPSHOTS, "data", c.name), PINNED);
    const figures = outputs.figures.filter((f) => !c.figures || c.figures.includes(f.name));
    assert.deepEqual(
      figures.map((f) => f.name),
      FIGURE_NAMES.filter((n) => figures.some((f) => f.name === n)),
    );
    for (const figure of figures) {
      await t.step(
        figure.name,
        () => assertSnapshot(join(SNAPSHOTS, c.name, `${figure.name}.svg`), figure.svg),
      );
    }
    await assertNoStaleSnapshots(join(SNAPSHOTS, c.name), figures.map((f) => `${f.name}.svg`));
  });
}

Deno.test("the small snapshot case draws every figure; the others name figures that exist", async () => {
  const small = CASES.find((c) => c.name === "small")!;
  assert.equal(small.figures, undefined, "the small case must draw every figure");
  const drawn = (await notebookOutputs(join(SNAPSHOTS, "data", "small"), PINNED)).figures;
  assert.deepEqual(drawn.map((f) => f.name), [...FIGURE_NAMES]);
  for (const c of CASES) {
    for (const name of c.figures ?? []) {
      assert.ok((FIGURE_NAMES as readonly string[]).includes(name), `${c.name}: no figure ${name}`);
    }
  }
});
