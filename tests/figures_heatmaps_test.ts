/**
 * The heatmaps as the notebook draws them, read back from the exported SVGs: the mean logit diff
 * by layer and strength (`heatmap_single_example`, and `heatmap_grid` with one colour scale for
 * every panel, a row per model), each sized by the layers that have data (4 px a layer, 120 to
 * 600 px in all) and labelling a layer every 24 px or more, its strength columns abutting; and the effect-size heatmaps
 * (`effect_size_heatmap`, `glass_delta_heatmap`) printing the original's values with 2 decimals,
 * white on dark cells. Every colour scale is diverging, centred at 0 and symmetric (its ramp's 0
 * in its middle), its legend in the figures' 12 px font.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { conceptTitle, strengthLabel } from "../lib/figures/theme.ts";
import { writeSynthSweep } from "../lib/synth/sweep.ts";
import {
  DEFAULT_DATA,
  type NotebookOutputs,
  notebookOutputs,
  sixModelSweep,
  tempSweepOutputs,
} from "./helpers/figure_svgs.ts";
import { SNAPSHOTS } from "./helpers/snapshot.ts";
import {
  chartShapes,
  outlinesOverlap,
  type Shape,
  svgTexts,
  type TextItem,
  textOutline,
} from "./helpers/svg_geometry.ts";

const MODELS = ["4B", "8B", "14B", "32B"];

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
  // Hover text: the model, the concept as a title, the layer and the strength as "+1.0".
  const cellKey = (r: Record<string, string>) =>
    `layer ${r.layer}, strength ${strengthLabel(Number(r.strength))}`;
  const byKey = new Map(
    means.map((r) => [`${r.model}, ${conceptTitle(r.concept)}\n${cellKey(r)}`, r]),
  );
  const grid = figure("heatmap_grid");
  const cells = chartShapes(grid).filter((s) => s.mark === "cell");
  assert.equal(cells.length, means.length);
  // A chart (row) per model, in order, each a cell per layer and strength of its pairs.
  for (const [i, model] of MODELS.entries()) {
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
    const row = byKey.get(`14B, Corrigible\n${cell.title.replace(/: -?\d+\.\d+$/, "")}`);
    assert.ok(row, cell.title);
    assert.equal(cellValue(cell).toFixed(3), Number(row.mean_logit_diff).toFixed(3), cell.title);
  }
  assert.ok(Math.abs(rampZero(single) - 0.5) < 0.01, `the ramp's 0 at ${rampZero(single)}`);
});

/** A chart of a mean logit diff heatmap: a model's row of the grid, or the single example. */
interface HeatmapChart {
  /** Its model ("4B" from "4B layer"), "" for the single example ("Layer"). */
  model: string;
  /** Its height, and the layers that have cells, ascending. */
  height: number;
  layers: number[];
  cells: Shape[];
  /** Its layer axis' labels, top to bottom, and its strength axis' (all panels). */
  yTicks: TextItem[];
  xTicks: string[];
}

/** The charts of a mean logit diff heatmap figure. */
function heatmapCharts(svg: string): HeatmapChart[] {
  const shapes = chartShapes(svg), texts = svgTexts(svg);
  const cells = shapes.filter((s) => s.mark === "cell");
  return [...new Set(cells.map((c) => c.chart))].map((chart) => {
    const own = cells.filter((c) => c.chart === chart);
    const layers = [...new Set(own.map((c) => Number(/layer (\d+),/.exec(c.title)![1])))]
      .sort((a, b) => a - b);
    const label = texts.find((t) => t.chart === chart && t.mark === "y-axis label")!.text;
    const ticks = (axis: string) => texts.filter((t) => t.chart === chart && t.mark === axis);
    return {
      model: label.replace(/ ?layer$/i, ""),
      height: own[0].viewport.y2 - own[0].viewport.y1,
      layers,
      cells: own,
      yTicks: ticks("y-axis tick label").sort((a, b) => a.y - b.y),
      xTicks: ticks("x-axis tick label").map((t) => t.text),
    };
  });
}

/**
 * What makes a heatmap chart illegible, as "model: what" ("" for the single example's model):
 * layers drawn under 3 px tall (`cells`), layer labels that overlap (`labels`).
 */
function illegible(chart: HeatmapChart): string[] {
  const heights = chart.cells.map((c) => c.box.y2 - c.box.y1);
  const outlines = chart.yTicks.map(textOutline);
  const overlap = outlines.some((a, i) => outlines.slice(i + 1).some((b) => outlinesOverlap(a, b)));
  return [
    ...(Math.min(...heights) < 3 ? [`${chart.model}: cells`] : []),
    ...(overlap ? [`${chart.model}: labels`] : []),
  ].map((s) => s.replace(/^: /, ""));
}

/** The cells' height of a heatmap row with `n` layers (cell "plot_heatmap": `layerHeight`). */
const layerHeight = (n: number) => Math.min(600, Math.max(120, 4 * n));

Deno.test("the heatmaps' layout: a row per layer with data, 4 px a layer, labels 24 px apart", async () => {
  const { figure } = await defaultOutputs();
  for (const [name, base] of [["heatmap_single_example", 96], ["heatmap_grid", 94]] as const) {
    const charts = heatmapCharts(figure(name));
    assert.deepEqual(charts.map((c) => c.model), name === "heatmap_grid" ? MODELS : [""], name);
    for (const chart of charts) {
      const where = `${name}: ${chart.model || "14B"}`, n = chart.layers.length;
      // Sized by the layers that have data (never by the largest layer number), at most 600 px.
      const rowBase = name === "heatmap_grid" && chart.model !== MODELS[0] ? base - 20 : base;
      assert.equal(chart.height, rowBase + layerHeight(n), where);
      assert.deepEqual(illegible(chart), [], where);
      // Labels: layers present, evenly spread from the first, the last too, 24 px or more apart.
      const labels = chart.yTicks.map((t) => Number(t.text));
      const every = Math.ceil((24 * n) / layerHeight(n));
      const expected = chart.layers.filter((_, i) => i % every === 0 && i <= n - 1 - every);
      assert.deepEqual(labels, [...expected, chart.layers.at(-1)], where);
      assert.ok(labels.length >= 4, `${where}: ${labels}`);
      // Strengths as "+1.0", their columns abutting (no padding), layers abutting too.
      const panels = new Set(chart.cells.map((c) => c.origin)).size;
      assert.deepEqual(
        chart.xTicks,
        Array.from({ length: panels }, () => ["\u22121.0", "0.0", "+1.0"]).flat(),
        where,
      );
      for (const [key, lo, hi] of [["y1", "x1", "x2"], ["x1", "y1", "y2"]] as const) {
        const lines = Map.groupBy(chart.cells, (c) => `${c.origin} ${c.box[key]}`);
        for (const line of lines.values()) {
          line.sort((a, b) => a.box[lo] - b.box[lo]);
          for (let i = 1; i < line.length; i++) {
            const gap = line[i].box[lo] - line[i - 1].box[hi];
            assert.ok(Math.abs(gap) < 0.01, `${where}: a ${gap} px gap at ${line[i].title}`);
          }
        }
      }
    }
    // The ramp legend in the figures' 12 px font: its label and its ticks.
    const ramp = svgTexts(figure(name)).filter((t) =>
      t.chart === -1 && (t.text === "Mean Logit Diff" || /^\u2212?\d+$/.test(t.text))
    );
    assert.ok(ramp.length >= 3, `${name}: the ramp's label and ticks`);
    assert.ok(ramp.every((t) => t.fontSize === 12), `${name}: ${ramp.map((t) => t.fontSize)}`);
  }
});

Deno.test("the heatmaps with few layers, and with many: legible", async () => {
  const few = await notebookOutputs(join(SNAPSHOTS, "data", "small"));
  for (const name of ["heatmap_single_example", "heatmap_grid"]) {
    const problems = heatmapCharts(few.figure(name)).flatMap(illegible);
    assert.deepEqual(problems, [], `few layers: ${name}`);
  }
  // A model with 168 layers of data: 4 px a layer would be 672 px; at most 600.
  const many = await tempSweepOutputs(async () => {
    const dir = await Deno.makeTempDir({ prefix: "many-layers-sweep-" });
    await writeSynthSweep(dir, {
      models: [{ label: "deep", layers: 240 }],
      concepts: ["alpha"],
      prompts: 3,
      seed: 6,
    });
    return dir;
  });
  for (const [name, base] of [["heatmap_single_example", 96], ["heatmap_grid", 94]] as const) {
    const [chart] = heatmapCharts(many.figure(name));
    assert.equal(chart.layers.length, 168, name);
    assert.equal(chart.height, base + 600, name);
    assert.ok(chart.cells.every((c) => c.box.y2 - c.box.y1 >= 2), `${name}: cells drawn`);
    assert.deepEqual(illegible(chart).filter((p) => p.endsWith("labels")), [], name);
  }
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

/**
 * Checks an effect-size heatmap's printing: white on the dark cells (|value| above 1.5), black
 * on the others, and no "Model" label on the y axis (the model names are enough).
 */
function checkPrinting(svg: string, name: string): void {
  const texts = svgTexts(svg);
  const values = texts.filter((t) => t.mark === "text" && /^-?\d+\.\d\d$/.test(t.text));
  assert.ok(values.length > 0, name);
  for (const t of values) {
    assert.equal(t.fill, Math.abs(Number(t.text)) > 1.5 ? "white" : "black", `${name}: ${t.text}`);
  }
  assert.deepEqual(texts.filter((t) => t.mark === "y-axis label"), [], `${name}: a y label`);
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
  checkPrinting(svg, "effect_size_heatmap");
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
  checkPrinting(svg, "glass_delta_heatmap");
  checkPrinting(outputs.figure("effect_size_heatmap"), "effect_size_heatmap, six models");
  const effect = printedCells(outputs.figure("effect_size_heatmap"));
  assert.equal(effect.get("235B-A22B/sycophancy"), "no data");
  assert.equal(effect.size, 18);
});
