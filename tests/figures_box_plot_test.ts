import assert from "node:assert/strict";
import { boxStats, boxTitle } from "../lib/figures/box_plot.ts";
import { baselineBoxes, baselineDistributions } from "../lib/figures/baseline_distributions.ts";
import { createDocument } from "../lib/figures/dom.ts";
import { markElements } from "./helpers/small_analysis.ts";
import { tempSweep } from "./helpers/temp_sweep.ts";
import { withTempSweep } from "./helpers/figure_svgs.ts";
import type { Results } from "../lib/pipeline/results.ts";

Deno.test("boxStats: linear quartiles, whiskers to the furthest value within 1.5 IQR", () => {
  const b = boxStats({ model: "4B", concept: "c", label: "x" }, [100, 3, 1, NaN, 2, 4]);
  // sorted 1 2 3 4 100: quartiles at positions 1, 2, 3; IQR 2; fences -1 and 7
  assert.deepEqual(
    [b.n, b.q1, b.median, b.q3, b.low, b.high, b.outliers],
    [5, 2, 3, 4, 1, 4, [100]],
  );
  assert.match(boxTitle(b), /^4B · C\nx\n5 samples, median 3\.00\n/);
});

Deno.test("baselineBoxes: one box per pair at strength 0, every sample counted", async () => {
  await withTempSweep(() => tempSweep(), checkBoxes);
});

function checkBoxes({ analysis }: Results): void {
  const { models, concepts } = analysis.sweep;
  const boxes = baselineBoxes(analysis.bestSamples, models, concepts);
  assert.equal(boxes.length, models.length * concepts.length);
  const zero = analysis.bestSamples.filter((s) => s.strength === 0).length;
  assert.equal(boxes.reduce((n, b) => n + b.n, 0), zero);
  const fig = baselineDistributions(analysis.bestSamples, {
    document: createDocument(),
    models,
    concepts,
  });
  assert.equal(markElements(fig, "bar").length, boxes.length);
  assert.equal(
    markElements(fig, "dot").length,
    boxes.reduce((n, b) => n + b.outliers.length, 0),
  );
}
