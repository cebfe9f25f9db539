/**
 * Legends survive the export: the legends of Plot's own colour scales (`color: { legend: true }`)
 * that the notebook's figure cells draw are flattened into each exported SVG as SVG text (swatch
 * legends: a swatch in the scale's colour, then its label; ramp legends: the ramp with its label
 * and ticks), in the figures' 12 px font, and they show in the PNG the render task writes.
 */
import assert from "node:assert/strict";
import { FONT_SIZE, modelColorOf, strengthColors, textWidth } from "../lib/figures/theme.ts";
import { groupLabel } from "../lib/models/groups.ts";
import {
  DEFAULT_DATA,
  FIGURE_NAMES,
  type NotebookOutputs,
  notebookOutputs,
} from "./helpers/figure_svgs.ts";
import { type DecodedPng, decodePng } from "./helpers/png.ts";
import { svgTexts } from "./helpers/svg_geometry.ts";

/** A swatch legend's entry as the export flattens it. */
interface Swatch {
  label: string;
  color: string;
  /** The swatch's box and the label's anchor (its baseline's start) and font size. */
  x: number;
  y: number;
  size: number;
  labelX: number;
  labelY: number;
  fontSize: number;
}

/** The swatch legends' entries of a flattened figure: `<svg fill=…><rect/></svg><text>…</text>`. */
function swatches(svg: string): Swatch[] {
  const pattern = new RegExp(
    '<svg x="([\\d.]+)" y="([\\d.]+)" fill="([^"]+)" height="([\\d.]+)" width="[\\d.]+">' +
      '<rect [^>]*/?>(?:</rect>)?</svg><text x="([\\d.]+)" y="([\\d.]+)" font-size="([\\d.]+)"' +
      "[^>]*>([^<]*)</text>",
    "g",
  );
  return Array.from(svg.matchAll(pattern), (m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    color: m[3],
    size: Number(m[4]),
    labelX: Number(m[5]),
    labelY: Number(m[6]),
    fontSize: Number(m[7]),
    label: m[8].replaceAll("&amp;", "&").replaceAll("&#39;", "'").replaceAll("&apos;", "'"),
  }));
}

/** What each figure's legend says on the default data: swatch labels and colours, or a ramp. */
function expectedLegends(): Record<string, { swatches?: [string, string][]; ramp?: string }> {
  const MODELS = ["4B", "8B", "14B", "32B"];
  const LAYERS: Record<string, number> = { "4B": 36, "8B": 36, "14B": 40, "32B": 64 };
  const byModel = (label: (m: string) => string) =>
    MODELS.map((m): [string, string] => [label(m), modelColorOf(m)]);
  const [neg, zero, pos] = strengthColors([-1, 0, 1]);
  const strengths: [string, string][] = [["\u22121.0", neg], ["0.0", zero], ["+1.0", pos]];
  const training = (m: string) =>
    `${m} (${groupLabel(m === "32B" ? "full-rl" : "distilled")}, ${groupLabel("dense")})`;
  return {
    layer_delta_curves: { swatches: byModel((m) => m) },
    layer_delta_curves_normalized: { swatches: byModel((m) => m) },
    best_layer_violins: { swatches: strengths },
    heatmap_single_example: { ramp: "Mean Logit Diff" },
    heatmap_grid: { ramp: "Mean Logit Diff" },
    baseline_distributions: {}, // the boxes are coloured by model, named on the x axis
    strength_histograms: { swatches: strengths },
    effect_size_heatmap: { ramp: "Cohen's d" },
    layer_curves_depth_comparison: { swatches: byModel((m) => `${m} (${LAYERS[m]}L)`) },
    effect_size_intervals: {
      swatches: [
        ["best layer (bootstrap)", "#1f77b4"],
        ["held out (paired t)", "#d62728"],
        ["split-half delta", "#555555"],
      ],
    },
    glass_delta_heatmap: { ramp: "Glass's delta" },
    layer_curves_by_training: { swatches: byModel(training) },
    cohens_d_by_group: { // d3's Dark2
      swatches: [["Corrigible", "#1b9e77"], ["Self Awareness", "#d95f02"], [
        "Sycophancy",
        "#7570b3",
      ]],
    },
  };
}

/** A ramp legend's `<svg>` (position, size) and its colour ramp image. */
const RAMP_IMAGE = new RegExp(
  '<svg overflow="visible" x="([\\d.]+)" y="([\\d.]+)" [^>]*class="plot-[0-9a-f]+-ramp">' +
    '(?:<style>[^<]*</style>)?<image [^>]*height="([\\d.]+)" width="([\\d.]+)" y="([\\d.]+)"',
  "g",
);

let run: Promise<NotebookOutputs> | undefined;
/** The default data's figures with their PNGs, as the render task makes them (one run). */
const rendered = () => run ??= notebookOutputs(DEFAULT_DATA, {}, { png: true });

/** Pixels of a box (in SVG units) of a 2x PNG that are not white. */
function inked(png: DecodedPng, box: { x1: number; y1: number; x2: number; y2: number }): number {
  let n = 0;
  for (let y = Math.floor(box.y1 * 2); y < Math.ceil(box.y2 * 2); y++) {
    for (let x = Math.floor(box.x1 * 2); x < Math.ceil(box.x2 * 2); x++) {
      const i = 4 * (y * png.width + x);
      if (png.rgba[i] < 200 || png.rgba[i + 1] < 200 || png.rgba[i + 2] < 200) n++;
    }
  }
  return n;
}

/** The colour of a pixel (in SVG units) of a 2x PNG, as #rrggbb. */
function pixel(png: DecodedPng, x: number, y: number): string {
  const i = 4 * (Math.round(y * 2) * png.width + Math.round(x * 2));
  return "#" + [0, 1, 2].map((k) => png.rgba[i + k].toString(16).padStart(2, "0")).join("");
}

/** A colour as #rrggbb (from #rrggbb, #rgb or rgb(r, g, b)). */
function hex(color: string): string {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  if (short) return `#${short.slice(1).map((c) => c + c).join("")}`.toLowerCase();
  const rgb = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(color);
  if (!rgb) return color.toLowerCase();
  return "#" + rgb.slice(1).map((c) => Number(c).toString(16).padStart(2, "0")).join("");
}

Deno.test("each figure's legend is in its SVG: swatches in the scale's colours, labelled", async () => {
  const { figures } = await rendered();
  const expected = expectedLegends();
  assert.deepEqual(Object.keys(expected), [...FIGURE_NAMES]);
  for (const { name, svg } of figures) {
    const want = expected[name];
    const got = swatches(svg).map((s): [string, string] => [s.label, hex(s.color)]);
    assert.deepEqual(got, (want.swatches ?? []).map(([l, c]) => [l, hex(c)]), name);
    // In the figures' font size (the kit's scales), not Plot's 10 px.
    const sizes = swatches(svg).map((s) => s.fontSize);
    assert.ok(sizes.every((size) => size === FONT_SIZE), `${name}: swatch labels at ${sizes}`);
    const ramps = svgTexts(svg).filter((t) => t.chart === -1 && t.text === want.ramp);
    assert.equal(ramps.length, want.ramp ? 1 : 0, `${name}: the ramp's label`);
    assert.ok(ramps.every((t) => t.fontSize === FONT_SIZE), `${name}: the ramp's label size`);
    assert.equal((svg.match(/-ramp"/g) ?? []).length, want.ramp ? 1 : 0, `${name}: one ramp`);
  }
});

Deno.test("the legends show in the PNG: each swatch in its colour, each label inked", async () => {
  const { figures, pngs } = await rendered();
  for (const { name, svg } of figures) {
    const png = decodePng(pngs.get(name)!);
    for (const s of swatches(svg)) {
      const where = `${name}: legend entry "${s.label}"`;
      assert.equal(pixel(png, s.x + s.size / 2, s.y + s.size / 2), hex(s.color), where);
      const width = textWidth(s.label, s.fontSize);
      const box = { x1: s.labelX, y1: s.labelY - s.fontSize, x2: s.labelX + width, y2: s.labelY };
      assert.ok(inked(png, box) > 4 * s.label.length, `${where}: its label is not drawn`);
    }
    const ramp = expectedLegends()[name].ramp;
    for (const t of svgTexts(svg).filter((t) => t.chart === -1 && t.text === ramp)) {
      const box = {
        x1: t.x,
        y1: t.y - t.fontSize,
        x2: t.x + textWidth(t.text, t.fontSize),
        y2: t.y,
      };
      assert.ok(inked(png, box) > 4 * t.text.length, `${name}: the ramp's label is not drawn`);
    }
    const images = Array.from(svg.matchAll(RAMP_IMAGE));
    assert.equal(images.length, ramp ? 1 : 0, `${name}: the ramp's image`);
    for (const m of images) {
      const [x, y, height, width, imageY] = m.slice(1, 6).map(Number);
      const row = y + imageY + height / 2;
      const colours = [0.05, 0.5, 0.95].map((f) => pixel(png, x + f * width, row));
      assert.equal(new Set(colours).size, 3, `${name}: the ramp ${colours}`);
      assert.ok(!colours.includes("#ffffff") || colours[1] === "#ffffff", `${name}: ${colours}`);
    }
  }
});
