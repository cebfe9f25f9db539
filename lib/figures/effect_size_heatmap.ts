/**
 * Figure 8 (`effect_size_heatmap`): Cohen's d per model and concept, annotated, on a diverging
 * red-yellow-green scale centred at 0.
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { EffectSizeRow } from "../stats/effect_sizes.ts";
import { axis } from "./axes.ts";
import { chartSize, type FigureOptions, plotChart } from "./chart.ts";
import { composeFigure } from "./compose.ts";
import { formatValue, hoverText } from "./hover.ts";
import { rampLegend } from "./legends.ts";
import { symmetricDivergingScale } from "./scales.ts";
import { conceptTitle, widestText } from "./theme.ts";

/** Sizes of the chart, in pixels: a cell (a concept wide, a model high), the room around the
 * cells, the left margin (at least `minMarginLeft`, else the longest model name plus
 * `labelRoom`) and the colour ramp's width. */
export const EFFECT_HEATMAP_SIZE = {
  cell: { width: 130, height: 50 },
  around: { width: 50, height: 55 },
  margin: { top: 10, bottom: 45 },
  minMarginLeft: 60,
  labelRoom: 32,
  rampWidth: 300,
} as const;

/** The colour scale: RdYlGn centred at 0, symmetric about it. */
export function effectColor(rows: readonly EffectSizeRow[]): Plot.ScaleOptions {
  return symmetricDivergingScale(rows.map((r) => r.cohens_d), {
    scheme: "RdYlGn",
    label: "Cohen's d",
    minExtent: 0.1,
  });
}

/**
 * Hover text of a cell: model, concept, the strengths compared, Cohen's d and the two means.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = {
 *   model: "4B",
 *   concept: "corrigible",
 *   mean_positive: 7,
 *   mean_negative: -7,
 *   delta: 14,
 *   cohens_d: 1.484,
 * };
 * assert.equal(
 *   effectTitle(row).split("\n")[2],
 *   "Cohen's d 1.48 (delta 14.00)",
 * );
 * ```
 */
export function effectTitle(r: EffectSizeRow): string {
  return hoverText(r, [
    "best layer, strength +1.0 vs \u22121.0",
    `Cohen's d ${formatValue(r.cohens_d)} (delta ${formatValue(r.delta)})`,
    `mean at +1.0 ${formatValue(r.mean_positive)}, at \u22121.0 ${formatValue(r.mean_negative)}`,
  ]);
}

/**
 * The Cohen's d heatmap with each cell's value to 2 decimals; pairs with no data say so.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * const row = {
 *   model: "4B",
 *   concept: "corrigible",
 *   mean_positive: 7,
 *   mean_negative: -7,
 *   delta: 14,
 *   cohens_d: 1.484,
 * };
 * const document = createDocument();
 * const fig = effectSizeHeatmap([row], { document, models: ["4B"], concepts: ["corrigible"] });
 * assert.equal(fig.querySelectorAll('g[aria-label="cell"] rect').length, 1);
 * ```
 */
export function effectSizeHeatmap(
  rows: readonly EffectSizeRow[],
  options: FigureOptions,
): HTMLElement {
  const { document, models, concepts } = options;
  const color = effectColor(rows);
  const scale = Plot.scale({ color });
  const ink = (r: EffectSizeRow) => {
    const rgb = String(scale.apply(r.cohens_d)).match(/\d+/g)?.map(Number) ?? [255, 255, 255];
    return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] > 140 ? "black" : "white";
  };
  const size = EFFECT_HEATMAP_SIZE;
  const marginLeft = Math.max(size.minMarginLeft, size.labelRoom + widestText(models, 12));
  const chart = plotChart(document, {
    ...chartSize({
      panel: size.cell,
      columns: concepts.length,
      rows: models.length,
      around: { width: marginLeft + size.around.width, height: size.around.height },
      margin: { ...size.margin, left: marginLeft },
    }),
    x: axis("Concept", { domain: concepts, tickFormat: conceptTitle }),
    y: axis("Model", { domain: models }),
    color,
    marks: [
      // The panel's extent (the cells fill it), not drawn.
      Plot.frame({ stroke: "none" }),
      Plot.cell(rows, {
        x: "concept",
        y: "model",
        fill: "cohens_d",
        inset: 0.5,
        title: effectTitle,
      }),
      Plot.text(rows, {
        x: "concept",
        y: "model",
        text: (r: EffectSizeRow) => r.cohens_d.toFixed(2),
        fill: ink,
        fontSize: 13,
        title: effectTitle,
      }),
      Plot.text(options.missing ?? [], {
        x: "concept",
        y: "model",
        text: () => "no data",
        fill: "#888",
      }),
    ],
  });
  return composeFigure(document, {
    title: "Steering Effect Size (Cohen's d) at Best Layers",
    subtitle: "(mean at +1 − mean at −1) / pooled standard deviation",
    legends: [rampLegend(document, color, { width: size.rampWidth })],
    charts: [chart],
  });
}
