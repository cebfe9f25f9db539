/**
 * Figures 1 and 2: delta by layer (or by layer / layer count), one panel per concept, one line
 * per model.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
import type { LayerSummaryWithFraction } from "../stats/depth.ts";
import { axis } from "./axes.ts";
import { chartSize, type FigureOptions, plotChart } from "./chart.ts";
import { composeFigure } from "./compose.ts";
import { paddedDomain } from "./domains.ts";
import { formatValue, hoverText } from "./hover.ts";
import { type SwatchItem, swatchLegend } from "./legends.ts";
import { CURVE_STROKE, type CurveStyle, depthStyles, layerCountLabel } from "./curve_styles.ts";
import { CONCEPT_PANELS, conceptLayout } from "./layout.ts";
import { panelNotes, zeroLine } from "./notes.ts";
import { modelColorScale } from "./scales.ts";
import { modelColors, PANEL_WIDTH } from "./theme.ts";

/** Sizes of the chart, in pixels: a panel's height, the room around the panels, and the top
 * margin when no concept titles are drawn above the panels. */
export const CURVES_SIZE = {
  panelHeight: 280,
  around: { width: 70, height: 60 },
  bareMarginTop: 10,
} as const;

/** Options of the layer-curve charts. */
export interface LayerCurveOptions extends FigureOptions {
  /** The x value: the layer (default) or its fraction of the model's depth. */
  x?: "layer" | "layer_frac";
  /** Dots on the lines (default true, as figures 1 and 2); when false the points still show their
   * hover text, on invisible dots. */
  dots?: boolean;
  /** Layer counts, for the legend's labels. */
  layerCounts?: Readonly<Record<string, number>>;
  /** The deep models (see `modelGroups`): drawn dashed and thicker (figure 9 only). */
  deep?: readonly string[];
  /** How each model's lines are drawn, overriding `deep` (see `depthStyles`). */
  styles?: readonly CurveStyle[];
  /** y-axis label. */
  yLabel?: string;
  /** Show the concept titles above the panels (default true). */
  facetAxis?: boolean;
}

const X_LABEL = { layer: "Layer", layer_frac: "Normalized Layer Position" };

/**
 * Hover text of one point of a curve: model, concept, layer (and its fraction of the depth), delta.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const point = { model: "4B", concept: "corrigible", layer: 18, layer_frac: 0.5, delta: 14.01 };
 * assert.equal(pointTitle(point), "4B · Corrigible\nlayer 18 (0.50 of depth)\ndelta 14.01");
 * ```
 */
export function pointTitle(
  r: Pick<LayerSummaryWithFraction, "model" | "concept" | "layer" | "layer_frac" | "delta">,
): string {
  return hoverText(r, [
    `layer ${r.layer} (${r.layer_frac.toFixed(2)} of depth)`,
    `delta ${formatValue(r.delta)}`,
  ]);
}

/**
 * Hover text of a whole curve: its model and concept and where its delta peaks.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const rows = [16, 17, 18].map((layer) => ({
 *   model: "4B",
 *   concept: "corrigible",
 *   layer,
 *   layer_frac: layer / 36,
 *   baseline_mean: 0,
 *   positive_mean: layer - 10,
 *   negative_mean: -2,
 *   delta: layer - 8,
 * }));
 * const title = curveTitles(rows).get("4B/corrigible");
 * assert.equal(title, "4B · Corrigible\npeak delta 10.00 at layer 18");
 * ```
 */
export function curveTitles(rows: readonly LayerSummaryWithFraction[]): Map<string, string> {
  const peaks = new Map<string, LayerSummaryWithFraction>();
  for (const r of rows) {
    const key = `${r.model}/${r.concept}`, best = peaks.get(key);
    if (!best || r.delta > best.delta || Number.isNaN(best.delta)) peaks.set(key, r);
  }
  return new Map(
    [...peaks].map((
      [key, r],
    ) => [key, hoverText(r, [`peak delta ${formatValue(r.delta)} at layer ${r.layer}`])]),
  );
}

/**
 * The chart alone: one panel per concept (shared y), a line per model, a dashed rule at 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * const rows = [16, 17, 18].map((layer) => ({
 *   model: "4B",
 *   concept: "corrigible",
 *   layer,
 *   layer_frac: layer / 36,
 *   baseline_mean: 0,
 *   positive_mean: layer - 10,
 *   negative_mean: -2,
 *   delta: layer - 8,
 * }));
 * const chart = layerCurvesChart(rows, {
 *   document: createDocument(),
 *   models: ["4B"],
 *   concepts: ["corrigible"],
 * });
 * assert.equal(chart.querySelectorAll('g[aria-label="dot"] circle').length, 3);
 * ```
 */
export function layerCurvesChart(
  rows: readonly LayerSummaryWithFraction[],
  options: LayerCurveOptions,
): Element {
  const { document, models, concepts } = options;
  const x = options.x ?? "layer";
  const layout = conceptLayout(concepts);
  const wrapped = layout.rows > 1;
  const titles = curveTitles(rows);
  const line = (style: CurveStyle) =>
    Plot.lineY(rows.filter((r) => style.keep(r.model)), {
      x,
      y: "delta",
      z: "model",
      stroke: "model",
      ...layout.facet,
      strokeWidth: style.strokeWidth,
      strokeOpacity: 0.85,
      ...(style.dash ? { strokeDasharray: style.dash } : {}),
      title: (r: LayerSummaryWithFraction) => titles.get(`${r.model}/${r.concept}`),
    });
  const bare = options.facetAxis === false && !wrapped;
  return plotChart(document, {
    ...chartSize({
      panel: { width: PANEL_WIDTH, height: CURVES_SIZE.panelHeight },
      columns: layout.columns,
      rows: layout.rows,
      around: CURVES_SIZE.around,
      margin: { ...CONCEPT_PANELS.margin, ...(bare ? { top: CURVES_SIZE.bareMarginTop } : {}) },
    }),
    fx: { ...layout.scales.fx, ...(options.facetAxis === false ? { axis: null } : {}) },
    fy: layout.scales.fy,
    x: axis(X_LABEL[x], { grid: true, domain: paddedDomain(rows.map((r) => r[x])) }),
    y: axis(options.yLabel ?? "Delta", {
      grid: true,
      domain: paddedDomain([0, ...rows.map((r) => r.delta)]),
    }),
    color: modelColorScale(models),
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      zeroLine(),
      ...(options.styles ?? depthStyles(options.deep ?? [])).map(line),
      Plot.dot(rows, {
        x,
        y: "delta",
        fill: "model",
        ...layout.facet,
        r: options.dots === false ? 3 : 2,
        fillOpacity: options.dots === false ? 0 : 1,
        title: pointTitle,
      }),
      ...panelNotes(layout, options.missing),
    ],
  });
}

/**
 * The legend of the model lines (dashed for deep models when layer counts are given).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * const legend = modelLineLegend(createDocument(), ["4B", "32B"], { "4B": 36, "32B": 64 }, ["32B"]);
 * const labels = Array.from(legend.querySelectorAll("text"), (t) => t.textContent);
 * assert.deepEqual(labels, ["Model", "4B (36L)", "32B (64L)"]);
 * assert.equal(legend.querySelectorAll("line")[1].getAttribute("stroke-dasharray"), "6,3");
 * ```
 */
export function modelLineLegend(
  document: Document,
  models: readonly string[],
  layerCounts?: Readonly<Record<string, number>>,
  deepModels: readonly string[] = [],
): Element {
  const colors = modelColors(models);
  const items: SwatchItem[] = models.map((model, i) => {
    const deep = deepModels.includes(model);
    return {
      label: layerCountLabel(model, layerCounts),
      color: colors[i],
      shape: "line",
      ...(deep ? { dash: CURVE_STROKE.deepDash, strokeWidth: CURVE_STROKE.deep } : {}),
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
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * const rows = [16, 17, 18].map((layer) => ({
 *   model: "4B",
 *   concept: "corrigible",
 *   layer,
 *   layer_frac: layer / 36,
 *   baseline_mean: 0,
 *   positive_mean: layer - 10,
 *   negative_mean: -2,
 *   delta: layer - 8,
 * }));
 * const document = createDocument();
 * const fig = layerDeltaCurves(rows, { document, models: ["4B"], concepts: ["corrigible"] });
 * assert.equal(fig.querySelector("h2")?.textContent, "Steering Effect (Delta) by Layer");
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
      // Solid lines for every model, as the original's figures 1 and 2 and the legend: only the
      // depth comparison dashes deep models.
      layerCurvesChart(rows, {
        ...options,
        deep: undefined,
        yLabel: normalized ? "Delta" : "Delta (logit diff: +1.0 steering − (−1.0 steering))",
      }),
    ],
  });
}
