/**
 * Figure 9 (`layer_curves_depth_comparison`): the layer curves against the raw layer (top) and
 * the normalized layer (bottom), deep models dashed and thicker.
 * @module
 */
import type { LayerSummaryWithFraction } from "../stats/depth.ts";
import { numberRange } from "../util/format.ts";
import { composeFigure } from "./compose.ts";
import { layerCurvesChart, modelLineLegend } from "./layer_delta_curves.ts";
import type { FigureOptions } from "./chart.ts";

/** Options of {@link depthComparison}. */
export interface DepthComparisonOptions extends FigureOptions {
  layerCounts: Readonly<Record<string, number>>;
  /** The deep models (see `modelGroups`); the others are shallow. */
  deep: readonly string[];
}

/**
 * Which models are shallow and which deep, as the figure's subtitle says it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   depthSubtitle(["4B", "32B"], { "4B": 36, "32B": 64 }, ["32B"]),
 *   "Solid = shallow (36 layers: 4B), dashed = deep (64 layers: 32B)",
 * );
 * ```
 */
export function depthSubtitle(
  models: readonly string[],
  layerCounts: Readonly<Record<string, number>>,
  deepModels: readonly string[],
): string {
  const part = (name: string, group: string[]) =>
    group.length === 0
      ? `${name} (none in this sweep)`
      : `${name} (${numberRange(group.map((m) => layerCounts[m]), "\u2013")} layers: ${
        group.join(", ")
      })`;
  const deep = models.filter((m) => deepModels.includes(m));
  const shallow = models.filter((m) => !deepModels.includes(m));
  return `Solid = ${part("shallow", shallow)}, dashed = ${part("deep", deep)}`;
}

/**
 * The two-row depth comparison: titled, subtitled with the shallow/deep split, legend with layer
 * counts.
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
 * const fig = depthComparison(rows, {
 *   document: createDocument(),
 *   models: ["4B"],
 *   concepts: ["corrigible"],
 *   layerCounts: { "4B": 36 },
 *   deep: [],
 * });
 * assert.equal(fig.querySelectorAll("svg.sweep-legend").length, 1);
 * assert.match(fig.textContent ?? "", /dashed = deep \(none in this sweep\)/);
 * ```
 */
export function depthComparison(
  rows: readonly LayerSummaryWithFraction[],
  options: DepthComparisonOptions,
): HTMLElement {
  const common = { ...options, dots: false };
  return composeFigure(options.document, {
    title: "Layer Curves: Shallow vs Deep Models",
    subtitle: depthSubtitle(options.models, options.layerCounts, options.deep),
    legends: [
      modelLineLegend(options.document, options.models, options.layerCounts, options.deep),
    ],
    charts: [
      layerCurvesChart(rows, { ...common, x: "layer" }),
      layerCurvesChart(rows, { ...common, x: "layer_frac", facetAxis: false }),
    ],
  });
}
