/**
 * The Robustness section: how much of the findings survives resampling, held-out layers and paired tests.
 * @module
 */
import { effectSizeIntervals } from "../../figures/effect_size_intervals.ts";
import { robustnessTables } from "../../display/robustness.ts";
import { robustnessReport } from "../../report/robustness.ts";
import { ROBUSTNESS_INTRO } from "../prose.ts";
import type { Section } from "../steps.ts";
import { figureOptions } from "../step_kit.ts";

/** The Robustness section: how much of the findings survives resampling, held-out layers and paired tests. */
export const ROBUSTNESS_SECTIONS: readonly Section[] = [
  {
    title: "Robustness",
    intro: ROBUSTNESS_INTRO,
    steps: [
      {
        kind: "json",
        name: "robustness",
        note: "Three narrow tables instead of one of 18 columns",
        value: (r) => r.robustness,
        show: (r) => robustnessTables(r.robustness),
      },
      {
        kind: "report",
        name: "robustness_report",
        note: "Which claims hold up: every sentence below is computed from the records",
        text: (r) => robustnessReport(r.robustness, r.models, r.analysis.groups),
      },
      {
        kind: "figure",
        name: "effect_size_intervals",
        build: (r, d) => effectSizeIntervals(r.robustness, figureOptions(r, d)),
      },
    ],
  },
];
