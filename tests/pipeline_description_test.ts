/**
 * The pipeline description: one list of steps that the render task writes and the notebook
 * shows. These tests hold the contract both front ends rely on.
 */
import assert from "node:assert/strict";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { dataSteps, figureSteps, fileName } from "../lib/pipeline/files.ts";
import { notebookCells, stepCode } from "../lib/pipeline/notebook.ts";
import { stepNamed, stepsOf } from "../lib/pipeline/steps.ts";
import { heatmapExample } from "../lib/stats/heatmap.ts";
import { REFERENCE } from "./helpers/golden.ts";
import { smallAnalysis } from "./helpers/small_analysis.ts";

Deno.test("the nine figures carry the original's file names, in its order, then the added ones", () => {
  const original = [
    "layer_delta_curves",
    "layer_delta_curves_normalized",
    "best_layer_violins",
    "heatmap_single_example",
    "heatmap_grid",
    "baseline_distributions",
    "strength_histograms",
    "effect_size_heatmap",
    "layer_curves_depth_comparison",
  ];
  const names = figureSteps(PIPELINE).map((f) => f.name);
  assert.deepEqual(names.filter((n) => original.includes(n)), original);
  assert.deepEqual(names.filter((n) => !original.includes(n)), [
    "effect_size_intervals",
    "glass_delta_heatmap",
    "layer_curves_by_training",
    "cohens_d_by_group",
  ]);
});

Deno.test("step names are unique (they are file names and the notebook's handles)", () => {
  const names = stepsOf(PIPELINE).map((s) => s.name);
  assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
});

Deno.test("the render task writes every table of the pandas reference, and the summary first", async () => {
  const written = dataSteps(PIPELINE).map(fileName);
  assert.equal(written[0], "analysis_summary.json");
  assert.ok(written.includes("robustness.json"));
  for await (const entry of Deno.readDir(REFERENCE)) {
    if (entry.name.endsWith(".csv")) assert.ok(written.includes(entry.name), entry.name);
  }
});

Deno.test("the notebook has one cell per shown step, in the description's order", () => {
  const code = notebookCells().filter((c) => c.cell_type === "code").map((c) => c.source.join(""));
  const shown = stepsOf(PIPELINE).filter((s) => !(s.kind === "table" && s.show === false));
  const cells = code.filter((c) => c.includes("await show(results,"));
  assert.deepEqual(cells, shown.map(stepCode));
  // a file-only table says why it is not shown
  for (const step of stepsOf(PIPELINE)) {
    if (step.kind === "table" && step.show === false) assert.match(step.note ?? "", /\(a file/);
  }
});

Deno.test("a step added to the description appears in both front ends", () => {
  const extra = { kind: "report" as const, name: "extra_report", text: () => "extra" };
  const sections = [...PIPELINE, { title: "Extra", steps: [extra] }];
  assert.equal(stepNamed(sections, "extra_report"), extra);
  const cells = notebookCells(sections).map((c) => c.source.join(""));
  assert.ok(cells.includes("## Extra"));
  assert.ok(cells.includes('await show(results, "extra_report");'));
  const table = { kind: "table" as const, name: "extra", rows: () => [], columns: () => ["a"] };
  assert.ok(dataSteps([{ title: "T", steps: [table] }]).map(fileName).includes("extra.csv"));
});

Deno.test("stepNamed names the known steps when a name is wrong", () => {
  assert.throws(() => stepNamed(PIPELINE, "best_layer"), /no step named "best_layer".*best_layers/);
});

Deno.test("heatmapExample falls back to the first pair when 14B corrigible is absent", async () => {
  assert.deepEqual(heatmapExample((await smallAnalysis()).sweep), {
    model: "4B",
    concept: "alpha",
  });
});
