/**
 * Figure 3 (`best_layer_violins`): per concept, a violin per model and strength of the logit
 * diff at the best layer, with quartile lines, cut at the data range (seaborn `cut=0`).
 * @module
 */
import * as Plot from "@observablehq/plot";
import { quantile } from "d3-array";
import type { BestSample } from "../stats/best_samples.ts";
import { densityCurve, gaussianKde, scottBandwidth } from "../stats/kde.ts";
import { composeFigure, swatchLegend } from "./compose.ts";
import {
  axis,
  conceptLayout,
  type FigureOptions,
  modelIndexAxis,
  panelChart,
  panelNotes,
  strengthColorScale,
  strengthsOf,
} from "./marks.ts";
import { PANEL_WIDTH, strengthColors, strengthLabel } from "./theme.ts";

/** One point of a violin's outline: y is the value, left and right its x extent. */
export interface ViolinPoint {
  id: string;
  concept: string;
  strength: number;
  value: number;
  left: number;
  right: number;
}

/** A quartile line across a violin. */
export interface QuartileLine {
  concept: string;
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
 * const { outlines, quartiles } = violinShapes(samples, ["4B"], ["corrigible"]);
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
        const values = samples
          .filter((s) => s.model === model && s.concept === concept && s.strength === strength)
          .map((s) => s.logit_diff_matching);
        if (values.length === 0) continue;
        const center = i + (k - (strengths.length - 1) / 2) * slot;
        const bandwidth = scottBandwidth(values);
        shapes.push({ model, strength, values, center, bandwidth, curve: densityCurve(values) });
      }
    }
    const peak = Math.max(0, ...shapes.flatMap((s) => s.curve.map((p) => p.density)));
    const half = (density: number) => peak > 0 ? (density / peak) * slot * 0.48 : slot * 0.48;
    for (const s of shapes) {
      const id = `${concept}/${s.model}/${s.strength}`;
      for (const p of s.curve) {
        const w = half(p.density);
        outlines.push({
          id,
          concept,
          strength: s.strength,
          value: p.value,
          left: s.center - w,
          right: s.center + w,
        });
      }
      const sorted = [...s.values].sort((a, b) => a - b);
      const kde = s.bandwidth > 0 ? gaussianKde(s.values, s.bandwidth) : () => peak;
      for (const q of [0.25, 0.5, 0.75]) {
        const value = quantile(sorted, q)!;
        const w = half(kde(value));
        quartiles.push({
          concept,
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
 * The violin figure: titled, with the strength legend.
 *
 * @example
 * ```ts
 * bestLayerViolins(analysis.bestSamples, { document, models, concepts });
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
  const chart = Plot.plot({
    document,
    ...panelChart(layout, Math.max(PANEL_WIDTH, models.length * 90), 305),
    x: modelIndexAxis(models),
    y: axis("Logit Diff (matching direction)", { grid: true }),
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
      }),
      Plot.ruleY(quartiles, {
        y: "value",
        x1: "left",
        x2: "right",
        ...layout.facet,
        stroke: "#333",
        strokeWidth: (q: QuartileLine) => q.median ? 1.4 : 1,
        strokeDasharray: "3,2",
      }),
      Plot.ruleY([0], { stroke: "black", strokeOpacity: 0.4, strokeDasharray: "4,3" }),
      ...panelNotes(layout, options.missing),
    ],
  }) as unknown as Element;
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
