/**
 * Figure 6 (`baseline_distributions`): box plots of the unsteered (strength 0) logit diff at the
 * best layer, per model, one panel per concept.
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { BestSample } from "../stats/best_samples.ts";
import { composeFigure } from "./compose.ts";
import { axis, conceptLayout, type FigureOptions, panelChart, panelNotes } from "./marks.ts";
import { PANEL_WIDTH } from "./theme.ts";

/** seaborn's Set2 palette, the original's box colours. */
export const SET2 = [
  "#66c2a5",
  "#fc8d62",
  "#8da0cb",
  "#e78ac3",
  "#a6d854",
  "#ffd92f",
  "#e5c494",
  "#b3b3b3",
];

/**
 * The baseline box plots (whiskers at 1.5 IQR, outliers as dots, as seaborn), a red dashed line
 * at 0 (no preference).
 *
 * @example
 * ```ts
 * baselineDistributions(analysis.bestSamples, { document, models, concepts });
 * ```
 */
export function baselineDistributions(
  samples: readonly BestSample[],
  options: FigureOptions,
): HTMLElement {
  const { document, models, concepts } = options;
  const baseline = samples.filter((s) => s.strength === 0);
  const layout = conceptLayout(concepts);
  const chart = Plot.plot({
    document,
    ...panelChart(layout, Math.max(PANEL_WIDTH, models.length * 60), 285),
    x: axis("Model", { domain: models, padding: 0.3 }),
    y: axis("Baseline Logit Diff (strength=0)", { grid: true }),
    color: { type: "ordinal", domain: models, range: models.map((_, i) => SET2[i % SET2.length]) },
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.boxY(baseline, {
        x: "model",
        y: "logit_diff_matching",
        ...layout.facet,
        fill: "model",
        stroke: "#444",
      }),
      Plot.ruleY([0], { stroke: "red", strokeOpacity: 0.6, strokeDasharray: "5,3" }),
      ...panelNotes(layout, options.missing),
    ],
  }) as unknown as Element;
  return composeFigure(document, {
    title: "Model's Natural Disposition (No Steering)",
    subtitle:
      "Logit diff toward the matching answer at strength 0, best layer; red dashed line: no preference",
    charts: [chart],
  });
}
