/**
 * Robustness figure (`effect_size_intervals`): per concept, each model's best-layer delta with
 * its 95% bootstrap interval (layer re-chosen in each resample), beside the split-half delta of a
 * layer chosen on held-out prompts.
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { RobustnessRecord } from "../stats/robustness.ts";
import { composeFigure, swatchLegend } from "./compose.ts";
import {
  axis,
  conceptLayout,
  type FigureOptions,
  modelIndexAxis,
  panelChart,
  panelNotes,
} from "./marks.ts";
import { PANEL_WIDTH } from "./theme.ts";

const NAIVE = "#1f77b4", HELD_OUT = "#d62728", OFFSET = 0.15;

/**
 * The interval figure: titled, with a legend for the two estimates.
 *
 * @example
 * ```ts
 * effectSizeIntervals(records, { document, models, concepts });
 * ```
 */
export function effectSizeIntervals(
  records: readonly RobustnessRecord[],
  options: FigureOptions,
): HTMLElement {
  const { document, models, concepts } = options;
  const layout = conceptLayout(concepts);
  const x = (r: RobustnessRecord) => models.indexOf(r.model);
  const chart = Plot.plot({
    document,
    ...panelChart(layout, Math.max(PANEL_WIDTH, models.length * 70), 285),
    x: modelIndexAxis(models),
    y: axis("Delta at the best layer", { grid: true }),
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.ruleY([0], { stroke: "black", strokeOpacity: 0.4, strokeDasharray: "4,3" }),
      Plot.ruleX(records, {
        x: (r: RobustnessRecord) => x(r) - OFFSET,
        y1: "ci_low",
        y2: "ci_high",
        stroke: NAIVE,
        strokeWidth: 2,
        ...layout.facet,
      }),
      Plot.dot(records, {
        x: (r: RobustnessRecord) => x(r) - OFFSET,
        y: "best_delta",
        fill: NAIVE,
        r: 4,
        ...layout.facet,
        tip: true,
        title: (r: RobustnessRecord) =>
          `${r.model} ${r.concept}, layer ${r.best_layer}\nbest delta ${r.best_delta.toFixed(2)} ` +
          `[${r.ci_low.toFixed(2)}, ${r.ci_high.toFixed(2)}]\nlayer stability ${
            (100 * r.layer_stability).toFixed(0)
          }%`,
      }),
      Plot.dot(records, {
        x: (r: RobustnessRecord) => x(r) + OFFSET,
        y: "split_half_delta",
        stroke: HELD_OUT,
        strokeWidth: 2,
        symbol: "diamond",
        r: 4,
        ...layout.facet,
      }),
      ...panelNotes(layout, options.missing),
    ],
  }) as unknown as Element;
  return composeFigure(document, {
    title: "Best-Layer Delta: Naive Maximum vs Held-Out Layer Choice",
    subtitle:
      "Dots: delta at the best layer with its 95% bootstrap interval (layer re-chosen in each resample); " +
      "diamonds: split-half delta",
    legends: [
      swatchLegend(document, "Estimate", [
        { label: "naive maximum, 95% interval", color: NAIVE },
        { label: "split-half (held out)", color: HELD_OUT },
      ]),
    ],
    charts: [chart],
  });
}
