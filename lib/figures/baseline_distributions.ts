/**
 * Figure 6 (`baseline_distributions`): box plots of the unsteered (strength 0) logit diff at the
 * best layer, per model, one panel per concept.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
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
 * import assert from "node:assert/strict";
 * const samples = [-1, 0, 1].flatMap((strength) =>
 *   [0, 1, 2, 3].map((prompt_idx) => ({
 *     model: "4B",
 *     concept: "corrigible",
 *     layer: 18,
 *     strength,
 *     prompt_idx,
 *     matching_answer: "(A)",
 *     logit_diff_matching: 4 * strength + prompt_idx,
 *   }))
 * );
 * const [box] = baselineBoxes(samples, ["4B", "8B"], ["corrigible"]); // 8B has no samples: no box
 * assert.deepEqual([box.label, box.median], ["layer 18, strength 0.0", 1.5]);
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
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * const samples = [-1, 0, 1].flatMap((strength) =>
 *   [0, 1, 2, 3].map((prompt_idx) => ({
 *     model: "4B",
 *     concept: "corrigible",
 *     layer: 18,
 *     strength,
 *     prompt_idx,
 *     matching_answer: "(A)",
 *     logit_diff_matching: 4 * strength + prompt_idx,
 *   }))
 * );
 * const document = createDocument();
 * const options = { document, models: ["4B"], concepts: ["corrigible"] };
 * const fig = baselineDistributions(samples, options);
 * assert.equal(fig.querySelector("h2")?.textContent, "Model's Natural Disposition (No Steering)");
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
