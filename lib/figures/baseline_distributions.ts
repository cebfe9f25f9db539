/**
 * Figure 6 (`baseline_distributions`): box plots of the unsteered (strength 0) logit diff at the
 * best layer, per model, one panel per concept.
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { BestSample } from "../stats/best_samples.ts";
import { boxMarks, type BoxStats, boxStats } from "./box_plot.ts";
import { composeFigure } from "./compose.ts";
import { paddedDomain } from "./domains.ts";
import { axis } from "./axes.ts";
import { type FigureOptions, plotChart } from "./chart.ts";
import { conceptLayout, modelPanel, type ModelPanelSize, panelChart } from "./layout.ts";
import { panelNotes, zeroLine } from "./notes.ts";

/** Sizes of the chart, in pixels: a concept panel's height, and its width per model. */
export const BASELINE_SIZE = {
  panelHeight: 285,
  widthPerModel: 60,
} as const satisfies ModelPanelSize;

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
 * The baseline boxes: one per model and concept with samples at strength 0, in model order.
 *
 * @example
 * ```ts
 * baselineBoxes(analysis.bestSamples, ["4B"], ["corrigible"])[0].label; // "layer 18, strength 0.0"
 * ```
 */
export function baselineBoxes(
  samples: readonly BestSample[],
  models: readonly string[],
  concepts: readonly string[],
): BoxStats[] {
  return concepts.flatMap((concept) =>
    models.flatMap((model) => {
      const own = samples.filter((s) =>
        s.strength === 0 && s.model === model && s.concept === concept
      );
      if (own.length === 0) return [];
      const label = `layer ${own[0].layer}, strength 0.0`;
      return [boxStats({ model, concept, label }, own.map((s) => s.logit_diff_matching))];
    })
  );
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
  options: FigureOptions,
): HTMLElement {
  const { document, models, concepts } = options;
  const boxes = baselineBoxes(samples, models, concepts);
  const drawn = boxes.flatMap((b) => [b.low, b.high, ...b.outliers]);
  const layout = conceptLayout(concepts);
  const chart = plotChart(document, {
    ...panelChart(layout, modelPanel(models.length, BASELINE_SIZE)),
    x: axis("Model", { domain: models, padding: 0.3 }),
    y: axis("Baseline Logit Diff (strength=0)", {
      grid: true,
      domain: paddedDomain([0, ...drawn]),
    }),
    color: { type: "ordinal", domain: models, range: models.map((_, i) => SET2[i % SET2.length]) },
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      ...boxMarks(boxes, layout.facet, { fill: "model", stroke: "#444" }),
      zeroLine({ stroke: "red", strokeOpacity: 0.6, strokeDasharray: "5,3" }),
      ...panelNotes(layout, options.missing),
    ],
  });
  return composeFigure(document, {
    title: "Model's Natural Disposition (No Steering)",
    subtitle:
      "Logit diff toward the matching answer at strength 0, best layer; red dashed line: no preference",
    charts: [chart],
  });
}
