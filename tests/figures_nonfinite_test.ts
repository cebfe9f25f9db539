/**
 * The figures of a sweep with non-finite and missing values: missing cells, NaN spellings, an
 * infinite value, a pair with no value at +1 and a pair with no run at all. Every figure renders
 * (no NaN or Infinity in any SVG, a 2x PNG that decodes and is not blank), "no data" stands in
 * the panel of the pair without a run (naming the model where the panel shows others: "no data:
 * 8B"), in the intervals' panels of the pairs without a robustness record and in the effect-size
 * cells of the pairs without one, and no table or JSON file of the run writes NaN or Infinity.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { csvFormat, csvParse } from "d3-dsv";
import { svgSize } from "../lib/export/svg.ts";
import { writeSynthSweep } from "../lib/synth/sweep.ts";
import { FIGURE_NAMES, type NotebookOutputs, notebookOutputs } from "./helpers/figure_svgs.ts";
import { decodePng, pngSize } from "./helpers/png.ts";
import {
  chartShapes,
  panels,
  pointsBox,
  svgTexts,
  type TextItem,
  textOutline,
  within,
} from "./helpers/svg_geometry.ts";

/** Rewrites a run's per-sample rows (or its layer summary) in place. */
async function edit(
  dir: string,
  run: string,
  file: "per_sample_all_layers.csv" | "layer_summary.csv",
  change: (row: Record<string, string>, index: number) => void,
): Promise<void> {
  const path = join(dir, run, file);
  const rows = csvParse(await Deno.readTextFile(path));
  rows.forEach(change);
  await Deno.writeTextFile(path, csvFormat(rows, rows.columns) + "\n");
}

/**
 * A synthetic sweep, 4B, 8B and 32B x alpha, beta, gamma, then spoiled: 4B/alpha has empty and
 * "NaN" logit diffs; 4B/gamma a NaN delta in its layer summary; 8B/alpha an infinite logit diff
 * at +1 on every layer (its Cohen's d cannot be computed); 32B/gamma no value at +1 at all; and
 * 8B/beta has no run.
 */
async function spoiledSweep(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "nonfinite-sweep-" });
  await writeSynthSweep(dir, {
    models: [
      { label: "4B", layers: 36 },
      { label: "8B", layers: 36 },
      { label: "32B", layers: 64 },
    ],
    concepts: ["alpha", "beta", "gamma"],
    prompts: 12,
    seed: 5,
  });
  await edit(dir, "alpha/Qwen_Qwen3_4B", "per_sample_all_layers.csv", (row) => {
    if (row.prompt_idx === "3") row.logit_diff_matching = "";
    if (row.prompt_idx === "4") row.logit_diff_matching = "NaN";
  });
  await edit(dir, "gamma/Qwen_Qwen3_4B", "layer_summary.csv", (row, i) => {
    if (i === 0) row.delta = "NaN";
  });
  await edit(dir, "alpha/Qwen_Qwen3_8B", "per_sample_all_layers.csv", (row) => {
    if (Number(row.strength) === 1 && row.prompt_idx === "0") row.logit_diff_matching = "inf";
  });
  await edit(dir, "gamma/Qwen_Qwen3_32B", "per_sample_all_layers.csv", (row) => {
    if (Number(row.strength) === 1) row.logit_diff_matching = "";
  });
  await Deno.remove(join(dir, "beta/Qwen_Qwen3_8B"), { recursive: true });
  return dir;
}

let run: Promise<NotebookOutputs> | undefined;
/** The spoiled sweep's outputs, PNGs included (one run; the sweep's folder is removed). */
const spoiled = () =>
  run ??= (async () => {
    const dir = await spoiledSweep();
    try {
      return await notebookOutputs(dir, {}, { png: true });
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  })();

Deno.test("a sweep with NaN, infinite and missing values renders every figure", async () => {
  const { figures, pngs } = await spoiled();
  assert.deepEqual(figures.map((f) => f.name), [...FIGURE_NAMES]);
  for (const { name, svg } of figures) {
    const attributes = Array.from(svg.matchAll(/="([^"]*)"/g), (m) => m[1]).join(" ");
    assert.doesNotMatch(attributes, /NaN|Infinity/, `${name}: a non-finite coordinate`);
    const { width, height } = svgSize(svg);
    const bytes = pngs.get(name)!;
    assert.deepEqual(pngSize(bytes), { width: 2 * width, height: 2 * height }, name);
    const png = decodePng(bytes);
    assert.ok(png.rgba.some((v, i) => i % 4 !== 3 && v < 128), `${name}: a blank PNG`);
  }
});

/** The text of those nearest to a position along x (or y). */
function nearest(texts: readonly TextItem[], axis: "x" | "y", at: number): string | undefined {
  const distance = (t: TextItem) => Math.abs(t[axis] - at);
  return texts.reduce<TextItem | undefined>(
    (best, t) => !best || distance(t) < distance(best) ? t : best,
    undefined,
  )?.text;
}

/**
 * The "no data" notes of a figure, each as the title of its panel's column (the nearest concept
 * title), with its row's (the nearest model name) when the panels have rows, then its text ("Beta:
 * no data: 8B"). A note in a chart with frames must lie in one of them, all of its text.
 */
function noDataNotes(svg: string): string[] {
  const texts = svgTexts(svg), framed = panels(chartShapes(svg)).filter((p) => p.kind === "frame");
  const columns = texts.filter((t) => t.mark === "fx-axis tick label");
  const rows = texts.filter((t) => t.mark === "fy-axis tick label");
  return texts.filter((t) => t.text.startsWith("no data")).map((note) => {
    const own = framed.filter((p) => p.chart === note.chart);
    const box = pointsBox(textOutline(note));
    assert.ok(
      own.length === 0 || own.some((p) => within(box, p.box)),
      `"${note.text}" outside every panel at ${note.x}, ${note.y}`,
    );
    const row = nearest(rows, "y", note.y);
    return `${nearest(columns, "x", note.x)}${row ? ` (${row})` : ""}: ${note.text}`;
  });
}

Deno.test("a pair with no run says 'no data' in its panel of every panelled figure", async () => {
  const { figure } = await spoiled();
  const notes = (name: string) => noDataNotes(figure(name));
  // A concept's panel that shows other models' data names the model it lacks.
  for (
    const name of [
      "layer_delta_curves",
      "layer_delta_curves_normalized",
      "best_layer_violins",
      "baseline_distributions",
    ]
  ) assert.deepEqual(notes(name), ["Beta: no data: 8B"], name);
  for (const name of ["layer_curves_depth_comparison", "layer_curves_by_training"]) {
    assert.deepEqual(notes(name), ["Beta: no data: 8B", "Beta: no data: 8B"], `${name}: both`);
  }
  // The intervals note every pair without a robustness record: 8B/alpha (an infinite value),
  // 32B/gamma (no value at +1) and 8B/beta (no run).
  assert.deepEqual(
    notes("effect_size_intervals"),
    ["Alpha: no data: 8B", "Beta: no data: 8B", "Gamma: no data: 32B"],
    "effect_size_intervals",
  );
  // A panel per model and concept: the panel itself is the pair's.
  assert.deepEqual(notes("strength_histograms"), ["Beta (8B): no data"], "strength_histograms");
  // A row per model, each its own chart: the note is in 8B's, the second.
  assert.deepEqual(notes("heatmap_grid"), ["Beta: no data"], "heatmap_grid");
  const grid = svgTexts(figure("heatmap_grid")).find((t) => t.text === "no data")!;
  assert.equal(grid.chart, 1, "heatmap_grid: in 8B's row");
});

Deno.test("the effect-size heatmaps say 'no data' in the cell of each pair without one", async () => {
  const { figure, files } = await spoiled();
  const summary = JSON.parse(files.get("analysis_summary.json")!);
  const missing = summary.missing_pairs.map((p: { model: string; concept: string }) =>
    `${p.model}/${p.concept}`
  ).sort();
  assert.deepEqual(missing, ["32B/gamma", "8B/alpha", "8B/beta"]);
  for (const name of ["effect_size_heatmap", "glass_delta_heatmap"]) {
    const texts = svgTexts(figure(name));
    const ticks = (axis: string) => texts.filter((t) => t.mark === `${axis}-axis tick label`);
    const notes = texts.filter((t) => t.text === "no data")
      .map((t) =>
        `${nearest(ticks("y"), "y", t.y)}/${nearest(ticks("x"), "x", t.x)!.toLowerCase()}`
      )
      .sort();
    assert.deepEqual(notes, missing, name);
    const values = texts.filter((t) => t.mark === "text" && /^-?\d+\.\d\d$/.test(t.text));
    assert.equal(values.length, 9 - missing.length, `${name}: a value in every other cell`);
  }
});

Deno.test("no table or JSON file of the run writes NaN or Infinity", async () => {
  const { files } = await spoiled();
  assert.ok(files.size > 20, `${files.size} files`);
  for (const [name, text] of files) assert.doesNotMatch(text, /NaN|Infinity|\binf\b/i, name);
  const summary = JSON.parse(files.get("analysis_summary.json")!);
  const effects = summary.effect_sizes.map((r: { model: string; concept: string }) =>
    `${r.model}/${r.concept}`
  );
  for (const pair of ["8B/alpha", "8B/beta", "32B/gamma"]) assert.ok(!effects.includes(pair));
  const pivot = csvParse(files.get("cohens_d_pivot.csv")!);
  const cell = (model: string, concept: string) => pivot.find((r) => r.model === model)![concept];
  assert.equal(cell("8B", "alpha"), "");
  assert.equal(cell("32B", "gamma"), "");
  assert.match(cell("4B", "alpha"), /^-?\d/);
});
