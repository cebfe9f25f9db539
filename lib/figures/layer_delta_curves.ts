/**
 * Figures 1 and 2: delta by layer (or by layer / layer count), one panel per concept, one line
 * per model.
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { LayerSummaryWithFraction } from "../stats/depth.ts";
import { isDeep } from "../stats/depth.ts";
import { composeFigure, type SwatchItem, swatchLegend } from "./compose.ts";
import {
  axis,
  CHART_STYLE,
  conceptLayout,
  type FigureOptions,
  modelColorScale,
  panelNotes,
} from "./marks.ts";
import { modelColors, PANEL_WIDTH } from "./theme.ts";

/** Options of the layer-curve charts. */
export interface LayerCurveOptions extends FigureOptions {
  /** The x value: the layer (default) or its fraction of the model's depth. */
  x?: "layer" | "layer_frac";
  /** Dots on the lines (default true, as figures 1 and 2). */
  dots?: boolean;
  /** Layer counts: when given, deep models are drawn dashed and thicker (figure 8). */
  layerCounts?: Readonly<Record<string, number>>;
  /** y-axis label. */
  yLabel?: string;
  /** Show the concept titles above the panels (default true). */
  facetAxis?: boolean;
}

const X_LABEL = { layer: "Layer", layer_frac: "Normalized Layer Position" };

/**
 * The chart alone: one panel per concept (shared y), a line per model, a dashed rule at 0.
 *
 * @example
 * ```ts
 * layerCurvesChart(analysis.layerSummaries, { document, models, concepts });
 * ```
 */
export function layerCurvesChart(
  rows: readonly LayerSummaryWithFraction[],
  options: LayerCurveOptions,
): Element {
  const { document, models, concepts, layerCounts } = options;
  const x = options.x ?? "layer";
  const layout = conceptLayout(concepts);
  const wrapped = layout.rows > 1;
  const deep = (model: string) => layerCounts !== undefined && isDeep(layerCounts[model]);
  const line = (keep: (r: LayerSummaryWithFraction) => boolean, dashed: boolean) =>
    Plot.lineY(rows.filter(keep), {
      x,
      y: "delta",
      z: "model",
      stroke: "model",
      ...layout.facet,
      strokeWidth: dashed ? 2.2 : 1.5,
      strokeOpacity: 0.85,
      ...(dashed ? { strokeDasharray: "6,3" } : {}),
    });
  return Plot.plot({
    document,
    style: CHART_STYLE,
    width: PANEL_WIDTH * layout.columns + 70,
    height: 60 + 280 * layout.rows,
    marginLeft: 60,
    marginTop: options.facetAxis === false && !wrapped ? 10 : 30,
    marginBottom: 45,
    fx: { ...layout.scales.fx, ...(options.facetAxis === false ? { axis: null } : {}) },
    fy: layout.scales.fy,
    x: axis(X_LABEL[x], { grid: true }),
    y: axis(options.yLabel ?? "Delta", { grid: true }),
    color: modelColorScale(models),
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.ruleY([0], { stroke: "black", strokeOpacity: 0.4, strokeDasharray: "4,3" }),
      line((r) => !deep(r.model), false),
      line((r) => deep(r.model), true),
      options.dots === false ? null : Plot.dot(rows, {
        x,
        y: "delta",
        fill: "model",
        ...layout.facet,
        r: 2,
        tip: true,
        title: (r: LayerSummaryWithFraction) =>
          `${r.model} ${r.concept}\nlayer ${r.layer}\ndelta ${r.delta.toFixed(3)}`,
      }),
      ...panelNotes(layout, options.missing),
    ],
  }) as unknown as Element;
}

/**
 * The legend of the model lines (dashed for deep models when layer counts are given).
 *
 * @example
 * ```ts
 * modelLineLegend(document, ["4B", "32B"], { "4B": 36, "32B": 64 });
 * ```
 */
export function modelLineLegend(
  document: Document,
  models: readonly string[],
  layerCounts?: Readonly<Record<string, number>>,
): Element {
  const colors = modelColors(models);
  const items: SwatchItem[] = models.map((model, i) => {
    const deep = layerCounts !== undefined && isDeep(layerCounts[model]);
    return {
      label: layerCounts ? `${model} (${layerCounts[model]}L)` : model,
      color: colors[i],
      shape: "line",
      ...(deep ? { dash: "6,3", strokeWidth: 2.2 } : {}),
    };
  });
  return swatchLegend(document, "Model", items);
}

/**
 * Figure 1 (`layer_delta_curves`) or, with `x: "layer_frac"`, figure 2
 * (`layer_delta_curves_normalized`): titled, with the model legend.
 *
 * @example
 * ```ts
 * layerDeltaCurves(analysis.layerSummaries, { document, models, concepts });
 * ```
 */
export function layerDeltaCurves(
  rows: readonly LayerSummaryWithFraction[],
  options: LayerCurveOptions,
): HTMLElement {
  const normalized = options.x === "layer_frac";
  return composeFigure(options.document, {
    title: normalized
      ? "Steering Effect by Normalized Layer Position"
      : "Steering Effect (Delta) by Layer",
    subtitle: normalized
      ? "Layer index divided by the model's layer count, to compare model sizes"
      : "Delta = mean logit diff at +1.0 steering − mean at −1.0 steering",
    legends: [modelLineLegend(options.document, options.models)],
    charts: [
      layerCurvesChart(rows, {
        ...options,
        yLabel: normalized ? "Delta" : "Delta (logit diff: +1.0 steering − (−1.0 steering))",
      }),
    ],
  });
}
