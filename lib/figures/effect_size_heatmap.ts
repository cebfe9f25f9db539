/**
 * Figure 8 (`effect_size_heatmap`): Cohen's d per model and concept, annotated, on a diverging
 * red-yellow-green scale centred at 0. The heatmap itself takes any per-pair measure
 * ({@link HeatmapMeasure}), so other effect sizes (Glass's delta) are drawn the same way.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
import type { EffectSizeRow } from "../stats/effect_sizes.ts";
import type { Pair } from "../sweep/types.ts";
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

/** What an effect-size heatmap shows: each pair's value, its name on the colour ramp, the
 * figure's title and subtitle, and each cell's hover text. */
export interface HeatmapMeasure<R extends Pair> {
  value: (r: R) => number;
  label: string;
  title: string;
  subtitle: string;
  hover: (r: R) => string;
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

/** The original's figure 8: Cohen's d. */
export const COHENS_D: HeatmapMeasure<EffectSizeRow> = {
  value: (r) => r.cohens_d,
  label: "Cohen's d",
  title: "Steering Effect Size (Cohen's d) at Best Layers",
  subtitle: "(mean at +1 − mean at −1) / pooled standard deviation",
  hover: effectTitle,
};

/**
 * The colour scale of a measure: RdYlGn centred at 0, symmetric about it, at least ±0.1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const rows = [{ model: "4B", concept: "c", d: -0.5 }, { model: "8B", concept: "c", d: 1.5 }];
 * const measure = { value: (r: { d: number }) => r.d, label: "d", title: "", subtitle: "", hover: () => "" };
 * assert.deepEqual(effectColor(rows, measure).domain, [-1.5, 1.5]);
 * ```
 */
export function effectColor<R extends Pair>(
  rows: readonly R[],
  measure: HeatmapMeasure<R>,
): Plot.ScaleOptions {
  return symmetricDivergingScale(rows.map(measure.value), {
    scheme: "RdYlGn",
    label: measure.label,
    minExtent: 0.1,
  });
}

/**
 * A heatmap of a per-pair measure, models by concepts, each cell's value to 2 decimals; pairs
 * with no data, or whose value is not finite, say "no data".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * const rows = [{ model: "4B", concept: "corrigible", d: 1.2 }];
 * const measure = {
 *   value: (r: { d: number }) => r.d,
 *   label: "d",
 *   title: "An effect size",
 *   subtitle: "",
 *   hover: () => "4B · Corrigible\nbest layer\nd 1.20",
 * };
 * const document = createDocument();
 * const fig = effectHeatmap(rows, { document, models: ["4B"], concepts: ["corrigible"] }, measure);
 * assert.equal(fig.querySelectorAll('g[aria-label="cell"] rect').length, 1);
 * ```
 */
export function effectHeatmap<R extends Pair>(
  rows: readonly R[],
  options: FigureOptions,
  measure: HeatmapMeasure<R>,
): HTMLElement {
  const { document, models, concepts } = options;
  const cells = rows.filter((r) => Number.isFinite(measure.value(r)));
  const noValue = rows.filter((r) => !Number.isFinite(measure.value(r)));
  const color = effectColor(cells, measure);
  const scale = Plot.scale({ color });
  const ink = (r: R) => {
    const rgb = String(scale.apply(measure.value(r))).match(/\d+/g)?.map(Number) ??
      [255, 255, 255];
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
      Plot.cell(cells, {
        x: "concept",
        y: "model",
        fill: measure.value,
        inset: 0.5,
        title: measure.hover,
      }),
      Plot.text(cells, {
        x: "concept",
        y: "model",
        text: (r: R) => measure.value(r).toFixed(2),
        fill: ink,
        fontSize: 13,
        title: measure.hover,
      }),
      Plot.text([...(options.missing ?? []), ...noValue], {
        x: "concept",
        y: "model",
        text: () => "no data",
        fill: "#888",
      }),
    ],
  });
  return composeFigure(document, {
    title: measure.title,
    subtitle: measure.subtitle,
    legends: [rampLegend(document, color, { width: size.rampWidth })],
    charts: [chart],
  });
}

/**
 * The Cohen's d heatmap (figure 8) with each cell's value to 2 decimals; pairs with no data say so.
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
  return effectHeatmap(rows, options, COHENS_D);
}
