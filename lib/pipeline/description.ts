/**
 * The analysis, described once: which tables, JSON files, figures and reports exist, what each
 * is built from, and in what order, section by section as the original notebook reads (each
 * group of sections in its own file under `sections/`). The render task writes the files of
 * these steps; the notebook is generated from these sections and shows each step. To add an
 * output, add a step to its section (with its builder and its test).
 * @module
 */
import type { Section } from "./steps.ts";
import { SUMMARY_SECTIONS } from "./sections/summary.ts";
import { DISTRIBUTION_SECTIONS } from "./sections/distributions.ts";
import { ROBUSTNESS_SECTIONS } from "./sections/robustness.ts";
import { DEPTH_SECTIONS } from "./sections/depth.ts";
import { COMPARISON_SECTIONS } from "./sections/comparisons.ts";

/**
 * The sections of the analysis, in the original notebook's order (after loading the data), with
 * the Robustness section before the original's depth sections and the Model Comparisons (the
 * author's later analyses) after them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(PIPELINE[0].title, "Summary Statistics");
 * assert.ok(PIPELINE.some((s) => s.title === "Robustness"));
 * ```
 */
export const PIPELINE: readonly Section[] = [
  ...SUMMARY_SECTIONS,
  ...DISTRIBUTION_SECTIONS,
  ...ROBUSTNESS_SECTIONS,
  ...DEPTH_SECTIONS,
  ...COMPARISON_SECTIONS,
];
