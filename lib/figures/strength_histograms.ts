/**
 * Figure 7 (`strength_histograms`): models x concepts, overlaid density histograms (30 bins) of
 * the best-layer logit diff for each strength, a dashed line at 0.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type BestSample, groupSamples } from "../stats/best_samples.ts";
import { densityHistogram, type HistogramBin } from "../stats/histogram.ts";
import { composeFigure, swatchLegend } from "./compose.ts";
import {
  axis,
  CHART_STYLE,
  conceptFacet,
  type FigureOptions,
  modelFacet,
  noDataText,
  strengthColorScale,
  strengthsOf,
} from "./marks.ts";
import { PANEL_WIDTH, strengthColors, strengthLabel } from "./theme.ts";

/** Options of {@link strengthHistograms}. */
export interface HistogramOptions extends FigureOptions {
  /** Bins per histogram (default 30, as the original). */
  bins?: number;
}

/** A histogram bin of one model, concept and strength. */
export interface StrengthBin extends HistogramBin {
  model: string;
  concept: string;
  strength: number;
}

/**
 * Density histograms per model, concept and strength, each over its own range (as `ax.hist`).
 *
 * @example
 * ```ts
 * strengthBins(analysis.bestSamples, 30).length; // 30 per model, concept and strength
 * ```
 */
export function strengthBins(samples: readonly BestSample[], bins = 30): StrengthBin[] {
  return groupSamples(samples).flatMap(({ model, concept, strength, values }) =>
    densityHistogram(values, bins).map((bin) => ({ model, concept, strength, ...bin }))
  );
}

/**
 * The histogram grid: titled, with the strength legend.
 *
 * @example
 * ```ts
 * strengthHistograms(analysis.bestSamples, { document, models, concepts });
 * ```
 */
export function strengthHistograms(
  samples: readonly BestSample[],
  options: HistogramOptions,
): HTMLElement {
  const { document, models, concepts } = options;
  const strengths = strengthsOf(samples);
  const colors = strengthColors(strengths);
  const chart = Plot.plot({
    document,
    style: CHART_STYLE,
    width: PANEL_WIDTH * concepts.length + 90,
    height: 40 + 190 * models.length,
    marginLeft: 60,
    marginRight: 70,
    marginTop: 30,
    marginBottom: 45,
    fx: conceptFacet(concepts),
    fy: modelFacet(models),
    x: axis("Logit Diff", { grid: true }),
    y: axis("Density", { grid: true }),
    color: strengthColorScale(strengths),
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.rectY(strengthBins(samples, options.bins), {
        x1: "x1",
        x2: "x2",
        y1: 0,
        y2: "density",
        fx: "concept",
        fy: "model",
        fill: "strength",
        fillOpacity: 0.5,
        inset: 0,
      }),
      Plot.ruleX([0], { stroke: "black", strokeOpacity: 0.4, strokeDasharray: "4,3" }),
      noDataText(options.missing ?? [], true),
    ],
  }) as unknown as Element;
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
