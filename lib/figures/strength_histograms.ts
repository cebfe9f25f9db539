/**
 * Figure 7 (`strength_histograms`): models x concepts, overlaid density histograms (30 bins) of
 * the best-layer logit diff for each strength, a dashed line at 0.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
import { type BestSample, groupSamples } from "../stats/best_samples.ts";
import { densityHistogram, type HistogramBin } from "../stats/histogram.ts";
import { axis } from "./axes.ts";
import { chartSize, type FigureOptions, plotChart } from "./chart.ts";
import { composeFigure } from "./compose.ts";
import { paddedDomain, zeroBasedDomain } from "./domains.ts";
import { formatValue, hoverText } from "./hover.ts";
import { swatchLegend } from "./legends.ts";
import { CONCEPT_PANELS, conceptFacet, modelFacet } from "./layout.ts";
import { noDataText, zeroLine } from "./notes.ts";
import { strengthColorScale, strengthsOf } from "./scales.ts";
import { PANEL_WIDTH, strengthColors, strengthLabel, widestText } from "./theme.ts";

/** Sizes of the chart, in pixels: a panel's height (one model row), the room around the
 * panels besides the right margin, which holds the model names (at least `minMarginRight`, else
 * the longest name plus `labelRoom`). */
export const HISTOGRAM_SIZE = {
  panelHeight: 190,
  around: { width: 20, height: 40 },
  minMarginRight: 70,
  labelRoom: 14,
} as const;

/** Options of {@link strengthHistograms}. */
export interface HistogramOptions extends FigureOptions {
  /** Bins per histogram (default 30, as the original). */
  bins?: number;
}

/** A histogram bin of one model, concept and strength. */
export interface StrengthBin extends HistogramBin {
  model: string;
  concept: string;
  layer: number;
  strength: number;
}

/**
 * Density histograms per model, concept and strength, each over its own range (as `ax.hist`).
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
 * assert.equal(strengthBins(samples, 30).length, 3 * 30); // 30 per model, concept and strength
 * ```
 */
export function strengthBins(samples: readonly BestSample[], bins = 30): StrengthBin[] {
  const layers = new Map(samples.map((s) => [`${s.model}/${s.concept}`, s.layer]));
  return groupSamples(samples).flatMap(({ model, concept, strength, values }) => {
    const layer = layers.get(`${model}/${concept}`)!;
    return densityHistogram(values, bins).map((bin) => ({
      model,
      concept,
      layer,
      strength,
      ...bin,
    }));
  });
}

/**
 * Hover text of a bin: model, concept, layer, strength, the bin's range, count and density.
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
 * const [first] = strengthBins(samples, 3); // strength -1: -4, -3, -2, -1 in bins of width 1
 * assert.equal(
 *   binTitle(first),
 *   "4B · Corrigible\nlayer 18, strength \u22121.0\n" +
 *     "logit diff \u22124.00 to \u22123.00: 1 samples (density 0.25)",
 * );
 * ```
 */
export function binTitle(b: StrengthBin): string {
  return hoverText(b, [
    `layer ${b.layer}, strength ${strengthLabel(b.strength)}`,
    `logit diff ${formatValue(b.x1)} to ${formatValue(b.x2)}: ${b.count} samples ` +
    `(density ${formatValue(b.density)})`,
  ]);
}

/**
 * The histogram grid: titled, with the strength legend.
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
 * const options = { document, models: ["4B"], concepts: ["corrigible"], bins: 3 };
 * const fig = strengthHistograms(samples, options);
 * assert.equal(fig.querySelectorAll('g[aria-label="rect"] rect').length, 3 * 3);
 * ```
 */
export function strengthHistograms(
  samples: readonly BestSample[],
  options: HistogramOptions,
): HTMLElement {
  const { document, models, concepts } = options;
  const strengths = strengthsOf(samples);
  const colors = strengthColors(strengths);
  const bins = strengthBins(samples, options.bins);
  const size = HISTOGRAM_SIZE;
  const marginRight = Math.max(size.minMarginRight, widestText(models, 12) + size.labelRoom);
  const chart = plotChart(document, {
    ...chartSize({
      panel: { width: PANEL_WIDTH, height: size.panelHeight },
      columns: concepts.length,
      rows: models.length,
      around: { width: size.around.width + marginRight, height: size.around.height },
      margin: { ...CONCEPT_PANELS.margin, right: marginRight },
    }),
    fx: conceptFacet(concepts),
    fy: modelFacet(models),
    x: axis("Logit Diff", {
      grid: true,
      domain: paddedDomain([0, ...bins.flatMap((b) => [b.x1, b.x2])]),
    }),
    y: axis("Density", { grid: true, domain: zeroBasedDomain(bins.map((b) => b.density)) }),
    color: strengthColorScale(strengths),
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.rectY(bins, {
        x1: "x1",
        x2: "x2",
        y1: 0,
        y2: "density",
        fx: "concept",
        fy: "model",
        fill: "strength",
        fillOpacity: 0.5,
        inset: 0,
        title: binTitle,
      }),
      zeroLine({ direction: "x" }),
      noDataText(options.missing ?? [], { byModel: true }),
    ],
  });
  return composeFigure(document, {
    title: "Logit Diff Distributions by Steering Strength (Best Layers)",
    subtitle: `Density histograms, ${options.bins ?? 30} bins each, overlaid`,
    legends: [
      swatchLegend(
        document,
        "Strength",
        strengths.map((s, i) => ({ label: strengthLabel(s), color: colors[i], opacity: 0.5 })),
      ),
    ],
    charts: [chart],
  });
}
