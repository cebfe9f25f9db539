/**
 * Robustness figure (`effect_size_intervals`): per concept, each model's best-layer delta with
 * its 95% bootstrap interval (layer re-chosen in each resample), beside the split-half delta of a
 * layer chosen on held-out prompts.
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { RobustnessRecord } from "../stats/robustness.ts";
import { composeFigure } from "./compose.ts";
import { paddedDomain } from "./domains.ts";
import { formatValue, hoverText } from "./hover.ts";
import { axis, modelIndexAxis } from "./axes.ts";
import { type FigureOptions, plotChart } from "./chart.ts";
import { swatchLegend } from "./legends.ts";
import { conceptLayout, modelPanel, type ModelPanelSize, panelChart } from "./layout.ts";
import { panelNotes, zeroLine } from "./notes.ts";

/** Sizes of the chart, in pixels: a concept panel's height, and its width per model. */
export const INTERVAL_SIZE = {
  panelHeight: 285,
  widthPerModel: 70,
} as const satisfies ModelPanelSize;

const NAIVE = "#1f77b4", HELD_OUT = "#d62728", OFFSET = 0.15;

/**
 * Hover text of the naive estimate and its interval: layer, delta, interval, layer stability.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { RobustnessRecord } from "../stats/robustness.ts";
 * const record = {
 *   model: "4B",
 *   concept: "corrigible",
 *   best_layer: 18,
 *   best_delta: 14.01,
 *   ci_low: 12.5,
 *   ci_high: 15.2,
 *   layer_stability: 0.93,
 *   split_half_delta: 13.98,
 * } as RobustnessRecord; // the fields the figure uses
 * assert.equal(
 *   naiveTitle(record),
 *   "4B · Corrigible\nbest layer 18\n" +
 *     "delta 14.01, 95% interval 12.50 to 15.20\nlayer stability 93%",
 * );
 * ```
 */
export function naiveTitle(r: RobustnessRecord): string {
  return hoverText(r, [
    `best layer ${r.best_layer}`,
    `delta ${formatValue(r.best_delta)}, 95% interval ${formatValue(r.ci_low)} to ${
      formatValue(r.ci_high)
    }`,
    `layer stability ${(100 * r.layer_stability).toFixed(0)}%`,
  ]);
}

/**
 * Hover text of the split-half estimate.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { RobustnessRecord } from "../stats/robustness.ts";
 * const record = {
 *   model: "4B",
 *   concept: "corrigible",
 *   best_layer: 18,
 *   best_delta: 14.01,
 *   ci_low: 12.5,
 *   ci_high: 15.2,
 *   layer_stability: 0.93,
 *   split_half_delta: 13.98,
 * } as RobustnessRecord; // the fields the figure uses
 * assert.equal(
 *   heldOutTitle(record),
 *   "4B · Corrigible\nlayer chosen on held-out prompts\nsplit-half delta 13.98",
 * );
 * ```
 */
export function heldOutTitle(r: RobustnessRecord): string {
  return hoverText(r, [
    "layer chosen on held-out prompts",
    `split-half delta ${formatValue(r.split_half_delta)}`,
  ]);
}

/**
 * The interval figure: titled, with a legend for the two estimates.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * import type { RobustnessRecord } from "../stats/robustness.ts";
 * const record = {
 *   model: "4B",
 *   concept: "corrigible",
 *   best_layer: 18,
 *   best_delta: 14.01,
 *   ci_low: 12.5,
 *   ci_high: 15.2,
 *   layer_stability: 0.93,
 *   split_half_delta: 13.98,
 * } as RobustnessRecord; // the fields the figure uses
 * const document = createDocument();
 * const options = { document, models: ["4B"], concepts: ["corrigible"] };
 * const fig = effectSizeIntervals([record], options);
 * const estimates = fig.querySelectorAll('g[aria-label="dot"] circle, g[aria-label="dot"] path');
 * assert.equal(estimates.length, 2); // the naive estimate and the split-half one
 * ```
 */
export function effectSizeIntervals(
  records: readonly RobustnessRecord[],
  options: FigureOptions,
): HTMLElement {
  const { document, models, concepts } = options;
  const layout = conceptLayout(concepts);
  const x = (r: RobustnessRecord) => models.indexOf(r.model);
  const chart = plotChart(document, {
    ...panelChart(layout, modelPanel(models.length, INTERVAL_SIZE)),
    x: modelIndexAxis(models),
    y: axis("Delta at the best layer", {
      grid: true,
      domain: paddedDomain(
        [0, ...records.flatMap((r) => [r.ci_low, r.ci_high, r.best_delta, r.split_half_delta])],
      ),
    }),
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      zeroLine(),
      Plot.ruleX(records, {
        x: (r: RobustnessRecord) => x(r) - OFFSET,
        y1: "ci_low",
        y2: "ci_high",
        stroke: NAIVE,
        strokeWidth: 2,
        ...layout.facet,
        title: naiveTitle,
      }),
      Plot.dot(records, {
        x: (r: RobustnessRecord) => x(r) - OFFSET,
        y: "best_delta",
        fill: NAIVE,
        r: 4,
        ...layout.facet,
        title: naiveTitle,
      }),
      Plot.dot(records, {
        x: (r: RobustnessRecord) => x(r) + OFFSET,
        y: "split_half_delta",
        stroke: HELD_OUT,
        strokeWidth: 2,
        symbol: "diamond",
        r: 4,
        ...layout.facet,
        title: heldOutTitle,
      }),
      ...panelNotes(layout, options.missing),
    ],
  });
  return composeFigure(document, {
    title: "Best-Layer Delta: Naive Maximum vs Held-Out Layer Choice",
    subtitle:
      "Dots: delta at the best layer with its 95% bootstrap interval (layer re-chosen in each resample); " +
      "diamonds: split-half delta",
    legends: [
      swatchLegend(document, "Estimate", [
        { label: "naive maximum, 95% interval", color: NAIVE, shape: "line" },
        { label: "split-half (held out)", color: HELD_OUT },
      ]),
    ],
    charts: [chart],
  });
}
