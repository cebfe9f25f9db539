/**
 * Figure 6 (`baseline_distributions`): box plots of the unsteered (strength 0) logit diff at the
 * best layer, per model, one panel per concept.
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { BestSample } from "../stats/best_samples.ts";
import type { Pair } from "../sweep/types.ts";
import { composeFigure } from "./compose.ts";
import { CHART_STYLE, conceptLayout, noDataText } from "./marks.ts";
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

/** Options of {@link baselineDistributions}. */
export interface BaselineOptions {
  document: Document;
  models: string[];
  concepts: string[];
  missing?: readonly Pair[];
}

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
  options: BaselineOptions,
): HTMLElement {
  const { document, models, concepts } = options;
  const baseline = samples.filter((s) => s.strength === 0);
  const layout = conceptLayout(concepts);
  const chart = Plot.plot({
    document,
    style: CHART_STYLE,
    width: Math.max(PANEL_WIDTH, models.length * 60) * layout.columns + 70,
    height: 75 + 285 * layout.rows,
    marginLeft: 60,
    marginTop: 30,
    marginBottom: 45,
    ...layout.scales,
    x: { domain: models, label: "Model", labelAnchor: "center", labelArrow: "none", padding: 0.3 },
    y: {
      label: "Baseline Logit Diff (strength=0)",
      labelAnchor: "center",
      labelArrow: "none",
      grid: true,
    },
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
      noDataText(options.missing ?? [], false, layout.facet),
      layout.titles,
    ],
  }) as unknown as Element;
  return composeFigure(document, {
    title: "Model's Natural Disposition (No Steering)",
    subtitle:
      "Logit diff toward the matching answer at strength 0, best layer; red dashed line: no preference",
    charts: [chart],
  });
}
