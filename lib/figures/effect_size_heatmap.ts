/**
 * Figure 8 (`effect_size_heatmap`): Cohen's d per model and concept, annotated, on a diverging
 * red-yellow-green scale centred at 0.
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { EffectSizeRow } from "../stats/effect_sizes.ts";
import { composeFigure } from "./compose.ts";
import { axis, CHART_STYLE, type FigureOptions, rampLegend } from "./marks.ts";

/** The colour scale: RdYlGn centred at 0, symmetric about it. */
export function effectColor(rows: readonly EffectSizeRow[]): Plot.ScaleOptions {
  const extent = Math.max(0.1, ...rows.map((r) => Math.abs(r.cohens_d)));
  return {
    type: "diverging",
    scheme: "RdYlGn",
    pivot: 0,
    domain: [-extent, extent],
    label: "Cohen's d",
  };
}

/**
 * The Cohen's d heatmap with each cell's value to 2 decimals; pairs with no data say so.
 *
 * @example
 * ```ts
 * effectSizeHeatmap(analysis.effectSizes, { document, models, concepts });
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
  const chart = Plot.plot({
    document,
    style: CHART_STYLE,
    width: 110 + 130 * concepts.length,
    height: 60 + 50 * models.length,
    marginLeft: 60,
    marginBottom: 45,
    x: axis("Concept", { domain: concepts }),
    y: axis("Model", { domain: models }),
    color,
    marks: [
      Plot.cell(rows, { x: "concept", y: "model", fill: "cohens_d", inset: 0.5 }),
      Plot.text(rows, {
        x: "concept",
        y: "model",
        text: (r: EffectSizeRow) => r.cohens_d.toFixed(2),
        fill: ink,
        fontSize: 13,
      }),
      Plot.text(options.missing ?? [], {
        x: "concept",
        y: "model",
        text: () => "no data",
        fill: "#888",
      }),
    ],
  }) as unknown as Element;
  return composeFigure(document, {
    title: "Steering Effect Size (Cohen's d) at Best Layers",
    subtitle: "(mean at +1 − mean at −1) / pooled standard deviation",
    legends: [rampLegend(document, color, 300)],
    charts: [chart],
  });
}
