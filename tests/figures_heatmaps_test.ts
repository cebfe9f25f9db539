/**
 * The heatmaps as the notebook draws them, read back from the exported SVGs: the mean logit diff
 * by layer and strength (`heatmap_single_example`, and `heatmap_grid` with one colour scale for
 * every panel, a row per model), and the effect-size heatmaps (`effect_size_heatmap`,
 * `glass_delta_heatmap`) printing the original's values with 2 decimals. Every colour scale is
 * diverging, centred at 0 and symmetric (its ramp's 0 in its middle).
 */
import assert from "node:assert/strict";
import { csvParse } from "d3-dsv";
import { conceptTitle } from "../lib/figures/theme.ts";
import {
  DEFAULT_DATA,
  type NotebookOutputs,
  notebookOutputs,
  sixModelSweep,
  tempSweepOutputs,
} from "./helpers/figure_svgs.ts";
import { chartShapes, type Shape, svgTexts, type TextItem } from "./helpers/svg_geometry.ts";

let run: Promise<NotebookOutputs> | undefined;
/** One notebook run on the default data. */
const defaultOutputs = () => run ??= notebookOutputs(DEFAULT_DATA);

/** The ramp legend of a figure: where its 0 tick is, as a share of the ramp's width. */
function rampZero(svg: string): number {
  const ramp = /<svg [^>]*class="plot-[0-9a-f]+-ramp">.*?<\/svg>/s.exec(svg)?.[0];
  assert.ok(ramp, "a colour ramp legend");
  const image = /<image [^>]*width="([\d.]+)"[^>]*x="([\d.]+)"/.exec(ramp)!;
  const [width, x] = [Number(image[1]), Number(image[2])];
  const zero =
    /<g transform="translate\(([\d.]+),0\)"[^>]*><line [^>]*\/?>(?:<\/line>)?<text [^>]*>0<\/text>/
      .exec(ramp);
  assert.ok(zero, "a 0 tick on the ramp");
  return (Number(zero[1]) - 0.5 - x) / width;
}

/** A colour's red, green and blue. */
function rgb(color: string): number[] {
  const m = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(color);
  if (m) return m.slice(1).map(Number);
  return [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
}

/** The value a heatmap cell's hover text ends with. */
const cellValue = (cell: Shape) => Number(/(-?\d+\.\d+)$/.exec(cell.title)![1]);

Deno.test("the mean logit diff heatmaps: one cell per layer and strength, one colour scale", async () => {
  const { figure, files } = await defaultOutputs();
  const means = csvParse(files.get("heatmap_means.csv")!);
  const byKey = new Map(
    means.map((r) => [`${r.model}, ${r.concept}\nlayer ${r.layer}, strength ${r.strength}`, r]),
  );
  const grid = figure("heatmap_grid");
  const cells = chartShapes(grid).filter((s) => s.mark === "cell");
  assert.equal(cells.length, means.length);
  // A chart (row) per model, in order, each a cell per layer and strength of its pairs.
  const models = ["4B", "8B", "14B", "32B"];
  for (const [i, model] of models.entries()) {
    const own = cells.filter((c) => c.chart === i);
    assert.equal(own.length, means.filter((r) => r.model === model).length, model);
    assert.ok(own.every((c) => c.title.startsWith(`${model}, `)), model);
  }
  const fills = new Map<string, string>();
  for (const cell of cells) {
    const key = cell.title.replace(/: -?\d+\.\d+$/, "");
    const row = byKey.get(key);
    assert.ok(row, `no such cell: ${cell.title}`);
    assert.equal(cellValue(cell).toFixed(3), Number(row.mean_logit_diff).toFixed(3), cell.title);
    // One scale for every panel: one value, one colour, whichever model's row it is in.
    const value = cellValue(cell).toFixed(3);
    assert.equal(
      fills.get(value) ?? cell.fill,
      cell.fill,
      `${cell.title}: not the colour of ${value}`,
    );
    fills.set(value, cell.fill);
    const [r, , b] = rgb(cell.fill);
    if (cellValue(cell) < -0.5) assert.ok(b > r, `${cell.title}: ${cell.fill} is not blue`);
    if (cellValue(cell) > 0.5) assert.ok(r > b, `${cell.title}: ${cell.fill} is not red`);
  }
  assert.equal((grid.match(/-ramp"/g) ?? []).length, 1, "one colour legend for the grid");
  assert.ok(Math.abs(rampZero(grid) - 0.5) < 0.01, `the ramp's 0 at ${rampZero(grid)}`);

  const single = figure("heatmap_single_example");
  assert.match(single, />14B - Corrigible<\/text>/);
  const own = chartShapes(single).filter((s) => s.mark === "cell");
  assert.equal(
    own.length,
    means.filter((r) => r.model === "14B" && r.concept === "corrigible").length,
  );
  for (const cell of own) {
    const row = byKey.get(`14B, corrigible\n${cell.title.replace(/: -?\d+\.\d+$/, "")}`);
    assert.ok(row, cell.title);
    assert.equal(cellValue(cell).toFixed(3), Number(row.mean_logit_diff).toFixed(3), cell.title);
  }
  assert.ok(Math.abs(rampZero(single) - 0.5) < 0.01, `the ramp's 0 at ${rampZero(single)}`);
});

/** The printed value of each cell of an effect-size heatmap, keyed "model/concept". */
function printedCells(svg: string): Map<string, string> {
  const texts = svgTexts(svg);
  const ticks = (axis: string) => texts.filter((t) => t.mark === `${axis}-axis tick label`);
  const nearest = (pool: TextItem[], axis: "x" | "y", at: number) =>
    pool.reduce((a, b) => Math.abs(a[axis] - at) <= Math.abs(b[axis] - at) ? a : b).text;
  const concepts = new Map(
    ["corrigible", "self_awareness", "sycophancy"].map((c) => [conceptTitle(c), c]),
  );
  return new Map(
    texts.filter((t) => t.mark === "text").map((t) => [
      `${nearest(ticks("y"), "y", t.y)}/${concepts.get(nearest(ticks("x"), "x", t.x))}`,
      t.text,
    ]),
  );
}

Deno.test("the Cohen's d heatmap prints the original's values, 2 decimals, RdYlGn about 0", async () => {
  const { figure } = await defaultOutputs();
  const reference = csvParse(
    await Deno.readTextFile(new URL("fixtures/reference/cohens_d_pivot.csv", import.meta.url)),
  ); // pandas' cohens_d_pivot.csv, written by the original notebook
  const expected = new Map(
    reference.flatMap((r) =>
      ["corrigible", "self_awareness", "sycophancy"].map((c) => [
        `${r.model}/${c}`,
        Number(r[c]).toFixed(2),
      ])
    ),
  );
  const svg = figure("effect_size_heatmap");
  assert.deepEqual(printedCells(svg), expected);
  assert.ok(Math.abs(rampZero(svg) - 0.5) < 0.01, `the ramp's 0 at ${rampZero(svg)}`);
  for (const cell of chartShapes(svg).filter((s) => s.mark === "cell")) {
    const [r, g] = rgb(cell.fill);
    assert.ok(g > r, `${cell.title}: a positive d in green, not ${cell.fill}`);
  }
});

Deno.test("the Glass's delta heatmap prints the author's values, 'no data' for a missing pair", async () => {
  const outputs = await tempSweepOutputs(sixModelSweep);
  const reference = csvParse(
    await Deno.readTextFile(
      new URL("fixtures/reference/author_6x3/glass_delta.csv", import.meta.url),
    ),
  ); // the author's pandas glass_delta.csv on the six-model sweep (17 pairs)
  const expected = new Map(
    reference.map((r) => [`${r.model}/${r.concept}`, Number(r.glass_delta).toFixed(2)]),
  );
  expected.set("235B-A22B/sycophancy", "no data");
  const svg = outputs.figure("glass_delta_heatmap");
  assert.deepEqual(
    new Map([...printedCells(svg)].sort()),
    new Map([...expected].sort()),
  );
  assert.ok(Math.abs(rampZero(svg) - 0.5) < 0.01, `the ramp's 0 at ${rampZero(svg)}`);
  const effect = printedCells(outputs.figure("effect_size_heatmap"));
  assert.equal(effect.get("235B-A22B/sycophancy"), "no data");
  assert.equal(effect.size, 18);
});
