/**
 * The figures as the render task exports them: every figure the notebook saves, as a titled
 * standalone SVG that fits a 980 px notebook column and a PNG at twice its size whose pixels
 * decode; on the default data (PNGs drawn by the render task's PNG workers), and on the six-model
 * and a synthetic six-by-six sweep (SVGs). Legibly: no text runs off the figure's edges and no
 * two tick labels of a chart overlap (text widths estimated as the export does), but for the
 * known gaps listed below.
 */
import assert from "node:assert/strict";
import { svgSize } from "../lib/export/svg.ts";
import {
  DEFAULT_DATA,
  FIGURE_NAMES,
  type NotebookOutputs,
  notebookOutputs,
  sixModelSweep,
  synthSixBySix,
  tempSweepOutputs,
} from "./helpers/figure_svgs.ts";
import { decodePng, pngSize } from "./helpers/png.ts";
import { svgTexts, type TextItem } from "./helpers/svg_geometry.ts";
import { textWidth } from "../lib/figures/theme.ts";

/** The width of a notebook column (Jupyter's default), in CSS pixels. */
const COLUMN = 980;

/**
 * The texts that run off their figure's left or right edge, as "figure: mark text" (widths
 * estimated as the export does, 0.6 em a character; rotated axis labels left out).
 */
function textsOffFigure(outputs: NotebookOutputs): string[] {
  return outputs.figures.flatMap(({ name, svg }) => {
    const { width } = svgSize(svg);
    return svgTexts(svg).filter((t) => {
      if (t.rotated || t.text.trim() === "") return false;
      const box = textBox(t);
      return box.x1 < 0 || box.x2 > width;
    }).map((t) => `${name}: ${t.mark} ${t.text}`);
  });
}

/**
 * Texts of the notebook's figure cells that run off the figure with the long names of the
 * six-model sweep: known gaps, reported to the notebook's owner (the histograms' model names on
 * the right, past `marginRight`; the effect-size heatmaps' model names on the left, past
 * `marginLeft: 60`). The test fails when another text runs off, and when one of these no longer
 * does (then remove it from here).
 */
const KNOWN_OFF_FIGURE_SIX_MODELS = [
  "strength_histograms: fy-axis tick label 30B-A3B",
  "strength_histograms: fy-axis tick label 235B-A22B",
  "effect_size_heatmap: y-axis tick label 235B-A22B",
  "glass_delta_heatmap: y-axis tick label 235B-A22B",
];

/** Where a text is drawn, estimated as the export does (0.6 em a character). */
function textBox(t: TextItem): { x1: number; x2: number; y1: number; y2: number } {
  const w = textWidth(t.text, Number.isNaN(t.fontSize) ? 10 : t.fontSize);
  const x1 = t.anchor === "end" ? t.x - w : t.anchor === "middle" ? t.x - w / 2 : t.x;
  return { x1, x2: x1 + w, y1: t.y - t.fontSize, y2: t.y };
}

/** The figures in which two tick labels of a chart overlap (illegible), sorted. */
function overlappingTickLabels(outputs: NotebookOutputs): string[] {
  return outputs.figures.filter(({ svg }) => {
    const labels = svgTexts(svg).filter((t) =>
      !t.rotated && t.text.trim() !== "" && t.mark.endsWith("tick label")
    );
    return labels.some((a, i) =>
      labels.slice(i + 1).some((b) => {
        if (a.chart !== b.chart) return false;
        const [p, q] = [textBox(a), textBox(b)];
        return Math.min(p.x2, q.x2) > Math.max(p.x1, q.x1) &&
          Math.min(p.y2, q.y2) > Math.max(p.y1, q.y1);
      })
    );
  }).map((f) => f.name).sort();
}

/**
 * Figures whose model names overlap on the x axis with six models (a slot per model of a
 * concept panel is narrower than "30B-A3B" or "235B-A22B"): known gaps, reported to the
 * notebook's owner. The tests fail when another figure's tick labels overlap, and when one of
 * these no longer do (then remove it from here).
 */
const KNOWN_OVERLAPPING_SIX_MODELS = [
  "baseline_distributions",
  "best_layer_violins",
  "cohens_d_by_group",
];
/** The same with six concept panels in a row: the intervals' model names overlap too. */
const KNOWN_OVERLAPPING_SIX_BY_SIX = [
  ...KNOWN_OVERLAPPING_SIX_MODELS,
  "effect_size_intervals",
].sort();

/** Checks every figure's SVG: all 13, each at most a column wide, titled. */
function checkSvgs(outputs: NotebookOutputs, sweep: string): void {
  assert.deepEqual(outputs.figures.map((f) => f.name), [...FIGURE_NAMES], sweep);
  for (const { name, svg } of outputs.figures) {
    const { width, height } = svgSize(svg);
    const where = `${sweep}: ${name} is ${width}x${height}`;
    assert.ok(width > 200 && height > 150, where);
    assert.ok(width <= COLUMN, `${where}: wider than a ${COLUMN} px notebook column`);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/, where);
    assert.match(svg, /<text [^>]*font-weight="bold">[^<]+<\/text>/, `${where}: no title`);
  }
}

Deno.test("every figure exports as a titled SVG within 980 px and a 2x PNG that decodes", async () => {
  const outputs = await notebookOutputs(DEFAULT_DATA, {}, { png: true });
  checkSvgs(outputs, "default data");
  assert.deepEqual(textsOffFigure(outputs), [], "no text runs off its figure");
  assert.deepEqual(overlappingTickLabels(outputs), [], "no tick labels overlap");
  assert.deepEqual([...outputs.pngs.keys()], [...FIGURE_NAMES]);
  for (const { name, svg } of outputs.figures) {
    const { width, height } = svgSize(svg);
    const bytes = outputs.pngs.get(name)!;
    assert.deepEqual(pngSize(bytes), { width: 2 * width, height: 2 * height }, name);
    const png = decodePng(bytes);
    assert.equal(png.rgba.length, 4 * png.width * png.height, name);
    let inked = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      assert.equal(png.rgba[i + 3], 255, `${name}: a transparent pixel`);
      if (png.rgba[i] < 250 || png.rgba[i + 1] < 250 || png.rgba[i + 2] < 250) inked++;
    }
    const share = inked / (png.width * png.height);
    assert.ok(share > 0.01 && share < 0.9, `${name}: ${(100 * share).toFixed(1)}% inked`);
  }
});

Deno.test("every figure fits a 980 px column with six models, legibly", async () => {
  const outputs = await tempSweepOutputs(sixModelSweep);
  checkSvgs(outputs, "six-model sweep");
  assert.deepEqual(textsOffFigure(outputs), KNOWN_OFF_FIGURE_SIX_MODELS);
  assert.deepEqual(overlappingTickLabels(outputs), KNOWN_OVERLAPPING_SIX_MODELS);
});

Deno.test("every figure fits a 980 px column with six models and six concepts, legibly", async () => {
  const outputs = await tempSweepOutputs(synthSixBySix);
  checkSvgs(outputs, "synthetic six-by-six sweep");
  assert.deepEqual(textsOffFigure(outputs), KNOWN_OFF_FIGURE_SIX_MODELS);
  assert.deepEqual(overlappingTickLabels(outputs), KNOWN_OVERLAPPING_SIX_BY_SIX);
});
