/**
 * The Robustness section: how much of the findings survives resampling, held-out layers and paired tests.
 * @module
 */
import { effectSizeIntervals } from "../../figures/effect_size_intervals.ts";
import { robustnessTables } from "../../display/robustness.ts";
import { robustnessReport } from "../../report/robustness.ts";
import { ROBUSTNESS_INTRO } from "../prose.ts";
import type { Section } from "../steps.ts";
import { figureOptions, fixed, rows } from "../step_kit.ts";

/** The Robustness section: how much of the findings survives resampling, held-out layers and paired tests. */
export const ROBUSTNESS_SECTIONS: readonly Section[] = [
  {
    title: "Robustness",
    intro: ROBUSTNESS_INTRO,
    steps: [
      {
        kind: "json",
        name: "robustness",
        note: "Four narrow tables instead of one of 22 columns",
        value: (r) => r.robustness,
        show: (r) => robustnessTables(r.robustness),
      },
      {
        kind: "report",
        name: "robustness_report",
        note: "Which claims hold up: every sentence below is computed from the records",
        text: (r) => robustnessReport(r.robustness, r.attributes, r.analysis.groups, r.contrasts),
      },
      {
        kind: "table",
        name: "model_contrasts",
        note:
          "Paired model-vs-model contrasts (A minus B) on the same held-out prompts (a file; the report above prints them)",
        show: false,
        rows: (r) => rows(r.contrasts),
        columns: fixed([
          "concept",
          "model_a",
          "model_b",
          "layer_a",
          "layer_b",
          "n_prompts",
          "mean_difference",
          "ci_low",
          "ci_high",
          "t",
          "p",
        ]),
      },
      {
        kind: "figure",
        name: "effect_size_intervals",
        build: (r, d) => effectSizeIntervals(r.robustness, figureOptions(r, d)),
      },
    ],
  },
];
