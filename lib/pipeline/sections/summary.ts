/**
 * The original notebook's first sections: the best layers, and the delta curves by layer.
 * @module
 */
import { pivotRecords } from "../../stats/pivot.ts";
import { layerDeltaCurves } from "../../figures/layer_delta_curves.ts";
import { rule } from "../../report/format.ts";
import type { Section } from "../steps.ts";
import { figureOptions, fixed, rows } from "../step_kit.ts";

/** The original notebook's first sections: the best layers, and the delta curves by layer. */
export const SUMMARY_SECTIONS: readonly Section[] = [
  {
    title: "Summary Statistics",
    steps: [
      {
        kind: "table",
        name: "best_layers",
        note: "Best layer per model/concept",
        heading: `Best Layer per Model/Concept (by max delta):\n${rule(80)}`,
        rows: (r) => rows(r.analysis.bestLayers),
        columns: fixed([
          "model",
          "concept",
          "layer",
          "delta",
          "baseline_mean",
          "positive_mean",
          "negative_mean",
        ]),
      },
      {
        kind: "table",
        name: "best_delta_pivot",
        note: "Pivot table of best deltas",
        heading: `\nBest Delta by Model/Concept:\n${rule(50)}`,
        rows: (r) => rows(pivotRecords(r.analysis.bestDeltaPivot)),
        columns: (r) => [r.analysis.bestDeltaPivot.index, ...r.analysis.bestDeltaPivot.columns],
        display: { digits: 2 },
      },
      {
        kind: "table",
        name: "counts",
        note: "Rows per run (a file for checking the load; not shown)",
        show: false,
        rows: (r) => rows(r.analysis.counts),
        columns: fixed([
          "model",
          "concept",
          "present",
          "per_sample_rows",
          "summary_rows",
          "best_layer_samples",
        ]),
      },
    ],
  },
  {
    title: "Layer-wise Delta Curves",
    intro: "How does steering effect (delta = positive - negative) vary across layers?",
    steps: [
      {
        kind: "figure",
        name: "layer_delta_curves",
        build: (r, d) => layerDeltaCurves(r.analysis.layerSummaries, figureOptions(r, d)),
      },
    ],
  },
  {
    title: "Normalized Layer Curves",
    intro: "Normalize layer index to [0, 1] to compare across model sizes.",
    steps: [
      {
        kind: "figure",
        name: "layer_delta_curves_normalized",
        note: "layer_frac = layer / layer count (from each summary.json), computed when loading",
        build: (r, d) =>
          layerDeltaCurves(r.analysis.layerSummaries, { ...figureOptions(r, d), x: "layer_frac" }),
      },
      {
        kind: "table",
        name: "layer_summaries",
        note: "Every layer summary with its layer_frac (a file; the curves above show it)",
        show: false,
        rows: (r) => rows(r.analysis.layerSummaries),
        columns: fixed([
          "layer",
          "baseline_mean",
          "positive_mean",
          "negative_mean",
          "delta",
          "model",
          "concept",
          "layer_frac",
        ]),
      },
    ],
  },
];
