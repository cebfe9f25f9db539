/**
 * Robustness figure (`effect_size_intervals`): per concept, each model's best-layer delta with
 * its 95% bootstrap interval (layer re-chosen in each resample; descriptive, biased up by the
 * choice of the maximum), beside the held-out estimate (the layer chosen on half the prompts, its
 * effect on the other half with a paired t 95% interval) and the split-half delta.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
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

const NAIVE = "#1f77b4", HELD_OUT = "#d62728", SPLIT_HALF = "#555555", OFFSET = 0.22;

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
 *   held_out_layer: 19,
 *   held_out_delta: 13.5,
 *   held_out_ci_low: 11.25,
 *   held_out_ci_high: 15.75,
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
 * Hover text of the held-out estimate and its interval: the layer chosen on half the prompts,
 * its delta on the other half, the paired t interval.
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
 *   held_out_layer: 19,
 *   held_out_delta: 13.5,
 *   held_out_ci_low: 11.25,
 *   held_out_ci_high: 15.75,
 * } as RobustnessRecord; // the fields the figure uses
 * assert.equal(
 *   heldOutIntervalTitle(record),
 *   "4B · Corrigible\nlayer 19, chosen on half the prompts\n" +
 *     "delta 13.50 on the other half, 95% interval 11.25 to 15.75",
 * );
 * ```
 */
export function heldOutIntervalTitle(r: RobustnessRecord): string {
  return hoverText(r, [
    `layer ${r.held_out_layer}, chosen on half the prompts`,
    `delta ${formatValue(r.held_out_delta)} on the other half, 95% interval ${
      formatValue(r.held_out_ci_low)
    } to ${formatValue(r.held_out_ci_high)}`,
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
 *   held_out_layer: 19,
 *   held_out_delta: 13.5,
 *   held_out_ci_low: 11.25,
 *   held_out_ci_high: 15.75,
 * } as RobustnessRecord; // the fields the figure uses
 * assert.equal(
 *   heldOutTitle(record),
 *   "4B · Corrigible\nlayer chosen on held-out prompts, averaged over random splits\n" +
 *     "split-half delta 13.98",
 * );
 * ```
 */
export function heldOutTitle(r: RobustnessRecord): string {
  return hoverText(r, [
    "layer chosen on held-out prompts, averaged over random splits",
    `split-half delta ${formatValue(r.split_half_delta)}`,
  ]);
}

/**
 * The interval figure: titled, with a legend for the three estimates.
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
 *   held_out_layer: 19,
 *   held_out_delta: 13.5,
 *   held_out_ci_low: 11.25,
 *   held_out_ci_high: 15.75,
 * } as RobustnessRecord; // the fields the figure uses
 * const document = createDocument();
 * const options = { document, models: ["4B"], concepts: ["corrigible"] };
 * const fig = effectSizeIntervals([record], options);
 * const estimates = fig.querySelectorAll('g[aria-label="dot"] circle, g[aria-label="dot"] path');
 * assert.equal(estimates.length, 3); // the naive estimate, the held-out one, the split-half one
 * ```
 */
export function effectSizeIntervals(
  records: readonly RobustnessRecord[],
  options: FigureOptions,
): HTMLElement {
  const { document, models, concepts } = options;
  const layout = conceptLayout(concepts);
  const x = (r: RobustnessRecord) => models.indexOf(r.model);
  const values = records.flatMap((r) => [
    r.ci_low,
    r.ci_high,
    r.best_delta,
    r.split_half_delta,
    r.held_out_ci_low,
    r.held_out_ci_high,
    r.held_out_delta,
  ]);
  const chart = plotChart(document, {
    ...panelChart(layout, modelPanel(models.length, INTERVAL_SIZE)),
    x: modelIndexAxis(models),
    y: axis("Delta at the chosen layer", { grid: true, domain: paddedDomain([0, ...values]) }),
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      zeroLine(),
      ...estimate(records, layout, {
        x: (r) => x(r) - OFFSET,
        low: "ci_low",
        high: "ci_high",
        point: "best_delta",
        color: NAIVE,
        title: naiveTitle,
      }),
      ...estimate(records, layout, {
        x: (r) => x(r) + OFFSET,
        low: "held_out_ci_low",
        high: "held_out_ci_high",
        point: "held_out_delta",
        color: HELD_OUT,
        title: heldOutIntervalTitle,
      }),
      Plot.dot(records, {
        x,
        y: "split_half_delta",
        stroke: SPLIT_HALF,
        strokeWidth: 1.5,
        symbol: "diamond",
        r: 4,
        ...layout.facet,
        title: heldOutTitle,
      }),
      ...panelNotes(layout, options.missing),
    ],
  });
  return composeFigure(document, {
    title: "Delta at the Chosen Layer: Naive Maximum vs Held-Out Layer Choice",
    subtitle: "Blue intervals describe the maximum's spread; red ones, from prompts not used to " +
      "choose the layer, hold 95%",
    legends: [
      swatchLegend(document, "Estimate", [
        { label: "naive maximum, bootstrap interval (descriptive)", color: NAIVE, shape: "line" },
        { label: "held-out layer, 95% t interval", color: HELD_OUT, shape: "line" },
        { label: "split-half delta (diamonds)", color: SPLIT_HALF },
      ]),
    ],
    charts: [chart],
  });
}

/** Where and how one estimate is drawn: its interval as a rule, its value as a dot. */
interface EstimateStyle {
  x: (r: RobustnessRecord) => number;
  low: keyof RobustnessRecord;
  high: keyof RobustnessRecord;
  point: keyof RobustnessRecord;
  color: string;
  title: (r: RobustnessRecord) => string;
}

/** An estimate's interval and value, in each concept's panel. */
function estimate(
  records: readonly RobustnessRecord[],
  layout: ReturnType<typeof conceptLayout>,
  style: EstimateStyle,
) {
  const { x, color, title } = style;
  return [
    Plot.ruleX(records, {
      x,
      y1: style.low,
      y2: style.high,
      stroke: color,
      strokeWidth: 2,
      ...layout.facet,
      title,
    }),
    Plot.dot(records, { x, y: style.point, fill: color, r: 4, ...layout.facet, title }),
  ];
}
