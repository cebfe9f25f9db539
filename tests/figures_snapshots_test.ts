/**
 * Snapshot tests: every figure of the pipeline, drawn from small fixed sweeps (committed under
 * tests/fixtures/snapshots/data/), flattened to the SVG the export writes and compared with its
 * golden file (tests/fixtures/snapshots/<case>/<figure>.svg). Update the goldens with
 * `UPDATE_SNAPSHOTS=1 deno task test`; see tests/helpers/snapshot.ts.
 */
import { join } from "node:path";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { figureSteps } from "../lib/pipeline/files.ts";
import { analyseFolder, figureSvgs } from "./helpers/figure_svgs.ts";
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
    name: "wrapped",
    description: "4B x four concepts: the concept panels wrap into two rows",
    figures: [
      "layer_delta_curves",
      "baseline_distributions",
      "effect_size_intervals",
      "layer_curves_by_training",
    ],
  },
];

for (const c of CASES) {
  Deno.test(`figure snapshots, ${c.name} sweep (${c.description})`, async (t) => {
    const analysis = await analyseFolder(join(SNAPSHOTS, "data", c.name));
    const figures = figureSvgs(analysis).filter((f) => !c.figures || c.figures.includes(f.name));
    for (const figure of figures) {
      await t.step(
        figure.name,
        () => assertSnapshot(join(SNAPSHOTS, c.name, `${figure.name}.svg`), figure.svg),
      );
    }
    await assertNoStaleSnapshots(join(SNAPSHOTS, c.name), figures.map((f) => `${f.name}.svg`));
  });
}

Deno.test("the small snapshot case draws every figure of the pipeline", () => {
  const small = CASES.find((c) => c.name === "small")!;
  if (small.figures !== undefined) throw new Error("the small case must draw every figure");
  for (const c of CASES) {
    for (const name of c.figures ?? []) {
      if (!figureSteps(PIPELINE).some((f) => f.name === name)) {
        throw new Error(`${c.name}: no figure ${name}`);
      }
    }
  }
});
