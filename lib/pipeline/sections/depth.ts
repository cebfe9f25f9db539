/**
 * The original notebook's last sections: depth and the position of the best layers.
 * @module
 */
import { depthComparison } from "../../figures/depth_comparison.ts";
import { architectureReport, bestLayerPositionReport, hardestToSteer } from "../../report/depth.ts";
import { DEPTH_INTRO, POSITION_INTRO } from "../prose.ts";
import type { Section } from "../steps.ts";
import { figureOptions, fixed, rows } from "../step_kit.ts";

/** The original notebook's last sections: depth and the position of the best layers. */
export const DEPTH_SECTIONS: readonly Section[] = [
  {
    title: "Architecture Depth Analysis",
    intro: DEPTH_INTRO,
    steps: [
      {
        kind: "table",
        name: "models",
        note:
          "What is known of each model: lib's Qwen3 table, overridden by a models.json in the data folder",
        file: false,
        rows: (r) => rows(r.models),
        columns: (r) => Object.keys(r.models[0] ?? {}),
        display: { digits: 1 },
      },
      {
        kind: "table",
        name: "shallow_vs_deep",
        note: "Shallow vs deep average best delta (a file; the report below prints it)",
        show: false,
        rows: (r) => rows(r.analysis.shallowVsDeep),
        columns: fixed([
          "concept",
          "shallow_avg",
          "deep_avg",
          "ratio",
          "n_shallow",
          "n_deep",
          "shallow_models",
          "deep_models",
        ]),
      },
      {
        kind: "report",
        name: "architecture_report",
        note: "Layer counts from each summary.json (or the config cell's overrides)",
        text: (r) => `${architectureReport(r.analysis)}\n\n${hardestToSteer(r.analysis)}`,
      },
      {
        kind: "figure",
        name: "layer_curves_depth_comparison",
        note: "Layer curves comparing shallow vs deep models (deep models dashed)",
        build: (r, d) => depthComparison(r.analysis.layerSummaries, figureOptions(r, d)),
      },
    ],
  },
  {
    title: "Best Layer Position",
    intro: POSITION_INTRO,
    steps: [
      {
        kind: "table",
        name: "best_layer_position",
        note:
          "Best layer position as fraction of total layers (a file; the report below prints it)",
        show: false,
        rows: (r) =>
          r.analysis.bestLayerPosition.map((row) => ({
            model: row.model,
            layers: row.layers,
            ...row.fractions,
          })),
        columns: (r) => ["model", "layers", ...r.sweep.concepts],
      },
      {
        kind: "report",
        name: "best_layer_position_report",
        note: "Best layer position as fraction of total layers",
        text: (r) => bestLayerPositionReport(r.analysis),
      },
    ],
  },
];
