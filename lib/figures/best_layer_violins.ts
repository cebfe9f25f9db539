/**
 * Figure 3 (`best_layer_violins`): per concept, a violin per model and strength of the logit
 * diff at the best layer, with quartile lines, cut at the data range (seaborn `cut=0`).
 * @module
 */
import defer * as Plot from "@observablehq/plot";
import { quantile } from "d3-array";
import type { BestSample } from "../stats/best_samples.ts";
import { densityCurve, gaussianKde, scottBandwidth } from "../stats/kde.ts";
import { composeFigure } from "./compose.ts";
import { paddedDomain } from "./domains.ts";
import { formatValue, hoverText } from "./hover.ts";
import { axis, modelIndexAxis } from "./axes.ts";
import { type FigureOptions, plotChart } from "./chart.ts";
import { swatchLegend } from "./legends.ts";
import { conceptLayout, modelPanel, type ModelPanelSize, panelChart } from "./layout.ts";
import { panelNotes, zeroLine } from "./notes.ts";
import { strengthColorScale, strengthsOf } from "./scales.ts";
import { strengthColors, strengthLabel } from "./theme.ts";

/** Sizes of the chart, in pixels: a concept panel's height, and its width per model. */
export const VIOLIN_SIZE = {
  panelHeight: 305,
  widthPerModel: 90,
} as const satisfies ModelPanelSize;

/** One point of a violin's outline: y is the value, left and right its x extent. */
export interface ViolinPoint {
  id: string;
  model: string;
  concept: string;
  layer: number;
  /** Samples in the violin, and their median. */
  n: number;
  median: number;
  strength: number;
  value: number;
  left: number;
  right: number;
}

/** A quartile line across a violin. */
export interface QuartileLine {
  model: string;
  concept: string;
  layer: number;
  strength: number;
  value: number;
  left: number;
  right: number;
  median: boolean;
}

/**
 * The violins' outlines and quartile lines in x units where model i is centred at i, strengths
 * dodged within 0.8, widths scaled by the largest density in each concept (seaborn's "area").
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
 * const { outlines, quartiles } = violinShapes(samples, ["4B"], ["corrigible"]);
 * assert.equal(quartiles.length, 3 * 3); // three strengths, three quartiles each
 * assert.ok(outlines.every((p) => p.left <= p.right));
 * ```
 */
export function violinShapes(
  samples: readonly BestSample[],
  models: readonly string[],
  concepts: readonly string[],
): { outlines: ViolinPoint[]; quartiles: QuartileLine[] } {
  const strengths = strengthsOf(samples);
  const slot = 0.8 / Math.max(1, strengths.length);
  const outlines: ViolinPoint[] = [], quartiles: QuartileLine[] = [];
  for (const concept of concepts) {
    const shapes = [];
    for (const [i, model] of models.entries()) {
      for (const [k, strength] of strengths.entries()) {
        const own = samples
          .filter((s) => s.model === model && s.concept === concept && s.strength === strength);
        const values = own.map((s) => s.logit_diff_matching);
        if (values.length === 0) continue;
        const layer = own[0].layer;
        const center = i + (k - (strengths.length - 1) / 2) * slot;
        const bandwidth = scottBandwidth(values);
        shapes.push({
          model,
          layer,
          strength,
          values,
          center,
          bandwidth,
          curve: densityCurve(values),
        });
      }
    }
    const peak = Math.max(0, ...shapes.flatMap((s) => s.curve.map((p) => p.density)));
    const half = (density: number) => peak > 0 ? (density / peak) * slot * 0.48 : slot * 0.48;
    for (const s of shapes) {
      const id = `${concept}/${s.model}/${s.strength}`;
      const sorted = [...s.values].sort((a, b) => a - b);
      const median = quantile(sorted, 0.5)!;
      for (const p of s.curve) {
        const w = half(p.density);
        outlines.push({
          id,
          model: s.model,
          concept,
          layer: s.layer,
          n: s.values.length,
          median,
          strength: s.strength,
          value: p.value,
          left: s.center - w,
          right: s.center + w,
        });
      }
      const kde = s.bandwidth > 0 ? gaussianKde(s.values, s.bandwidth) : () => peak;
      for (const q of [0.25, 0.5, 0.75]) {
        const value = quantile(sorted, q)!;
        const w = half(kde(value));
        quartiles.push({
          model: s.model,
          concept,
          layer: s.layer,
          strength: s.strength,
          value,
          left: s.center - w,
          right: s.center + w,
          median: q === 0.5,
        });
      }
    }
  }
  return { outlines, quartiles };
}

/**
 * Hover text of a violin: model, concept, layer, strength, sample count and median.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const point = { model: "4B", concept: "corrigible", layer: 18, strength: -1 };
 * const outline = { ...point, n: 100, median: -7.123, id: "", value: 0, left: 0, right: 0 };
 * assert.equal(
 *   violinTitle(outline),
 *   "4B · Corrigible\nlayer 18, strength \u22121.0\n100 samples, median \u22127.12",
 * );
 * ```
 */
export function violinTitle(p: ViolinPoint): string {
  return hoverText(p, [
    `layer ${p.layer}, strength ${strengthLabel(p.strength)}`,
    `${p.n} samples, median ${formatValue(p.median)}`,
  ]);
}

/**
 * Hover text of a quartile line: which quartile, and its value.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const line = { model: "4B", concept: "corrigible", layer: 18, strength: -1, value: -7.123 };
 * const title = quartileTitle({ ...line, left: 0, right: 0, median: true });
 * assert.equal(title, "4B · Corrigible\nlayer 18, strength \u22121.0\nmedian \u22127.12");
 * ```
 */
export function quartileTitle(q: QuartileLine): string {
  return hoverText(q, [
    `layer ${q.layer}, strength ${strengthLabel(q.strength)}`,
    `${q.median ? "median" : "quartile"} ${formatValue(q.value)}`,
  ]);
}

/**
 * The violin figure: titled, with the strength legend.
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
 * const fig = bestLayerViolins(samples, { document, models: ["4B"], concepts: ["corrigible"] });
 * assert.equal(fig.querySelector("h2")?.textContent, "Logit Diff Distributions at Best Layers");
 * ```
 */
export function bestLayerViolins(
  samples: readonly BestSample[],
  options: FigureOptions,
): HTMLElement {
  const { document, models, concepts } = options;
  const { outlines, quartiles } = violinShapes(samples, models, concepts);
  const strengths = strengthsOf(samples);
  const layout = conceptLayout(concepts);
  const chart = plotChart(document, {
    ...panelChart(layout, modelPanel(models.length, VIOLIN_SIZE)),
    x: modelIndexAxis(models),
    y: axis("Logit Diff (matching direction)", {
      grid: true,
      domain: paddedDomain([0, ...outlines.map((p) => p.value), ...quartiles.map((q) => q.value)]),
    }),
    color: strengthColorScale(strengths),
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.areaX(outlines, {
        y: "value",
        x1: "left",
        x2: "right",
        z: "id",
        ...layout.facet,
        fill: "strength",
        fillOpacity: 0.75,
        stroke: "#555",
        strokeWidth: 1,
        title: violinTitle,
      }),
      Plot.ruleY(quartiles, {
        y: "value",
        x1: "left",
        x2: "right",
        ...layout.facet,
        stroke: "#333",
        strokeWidth: (q: QuartileLine) => q.median ? 1.4 : 1,
        strokeDasharray: "3,2",
        title: quartileTitle,
      }),
      zeroLine(),
      ...panelNotes(layout, options.missing),
    ],
  });
  const colors = strengthColors(strengths);
  return composeFigure(document, {
    title: "Logit Diff Distributions at Best Layers",
    subtitle:
      "Best layer per model; dashed lines mark the quartiles, violins end at the data range",
    legends: [
      swatchLegend(
        document,
        "Strength",
        strengths.map((s, i) => ({ label: strengthLabel(s), color: colors[i], opacity: 0.75 })),
      ),
    ],
    charts: [chart],
  });
}
