/**
 * The robustness records as four narrow tables for a 980 px notebook output area, instead of
 * one of 22 columns: the layer chosen on all prompts (bootstrap interval, stability), the layer
 * chosen on held-out prompts (split-half delta, held-out interval), the paired tests, and the
 * effect sizes.
 * @module
 */
import type { RobustnessRecord } from "../stats/robustness.ts";
import { type MimeBundle, tableBundle } from "./table.ts";
import { formatTableValue } from "../util/table_text.ts";

/**
 * A p-value as text: three decimals, or three significant digits in exponent form below 0.001,
 * so every p of a column reads the same way and none rounds to 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(pValueText(0.01234), "0.012");
 * assert.equal(pValueText(7.471e-10), "7.47e-10"); // never rounded to 0
 * ```
 */
export function pValueText(value: unknown): string {
  if (typeof value !== "number" || Number.isNaN(value)) return formatTableValue(value);
  return value !== 0 && value < 0.001 ? value.toExponential(2) : value.toFixed(3);
}

/**
 * An interval as "[low, high]" with three decimals.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(intervalText(13.2149, 17.3), "[13.215, 17.300]");
 * ```
 */
export function intervalText(low: number, high: number): string {
  return `[${formatTableValue(low, 3, true)}, ${formatTableValue(high, 3, true)}]`;
}

/**
 * The four robustness tables as MIME bundles, each led by model and concept.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const record = {
 *   model: "4B",
 *   concept: "corrigible",
 *   best_layer: 18,
 *   best_delta: 14.0114,
 *   ci_low: 10.9124,
 *   ci_high: 16.8051,
 *   layer_stability: 1,
 *   split_half_delta: 13.9967,
 *   held_out_layer: 18,
 *   held_out_delta: 16.0949,
 *   held_out_ci_low: 11.0105,
 *   held_out_ci_high: 21.1793,
 *   mean_paired_diff: 14.0114,
 *   d_z: 1.2771,
 *   t: 8.0769,
 *   p: 7.4748e-10,
 *   p_holm: 1.495e-9,
 *   cohens_d: 1.4842,
 *   cohens_d_ci_low: 1.1566,
 *   cohens_d_ci_high: 2.0783,
 *   glass_delta_unsteered: 1.4137,
 *   p_selection: 3.7374e-8,
 * };
 * const [chosen, heldOut, tests, effects] = robustnessTables([record]);
 * assert.ok(chosen["text/plain"].includes("[10.912, 16.805]"));
 * assert.ok(heldOut["text/plain"].includes("[11.011, 21.179]"));
 * assert.ok(tests["text/plain"].includes("7.47e-10"));
 * assert.ok(effects["text/html"].startsWith("<table"));
 * ```
 */
export function robustnessTables(records: readonly RobustnessRecord[]): MimeBundle[] {
  const p = { p: pValueText, p_holm: pValueText, p_selection: pValueText };
  return [
    tableBundle(
      records.map((r) => ({
        model: r.model,
        concept: r.concept,
        best_layer: r.best_layer,
        best_delta: r.best_delta,
        "bootstrap 95% CI": intervalText(r.ci_low, r.ci_high),
        layer_stability: r.layer_stability,
      })),
      {
        caption:
          "Layer chosen on all prompts (a maximum, biased up: its bootstrap interval only describes)",
      },
    ),
    tableBundle(
      records.map((r) => ({
        model: r.model,
        concept: r.concept,
        split_half_delta: r.split_half_delta,
        held_out_layer: r.held_out_layer,
        held_out_delta: r.held_out_delta,
        "held_out 95% CI": intervalText(r.held_out_ci_low, r.held_out_ci_high),
      })),
      {
        caption:
          "Layer chosen on half the prompts, its effect on the other half (paired t interval)",
      },
    ),
    tableBundle(
      records.map((r) => ({
        model: r.model,
        concept: r.concept,
        mean_paired_diff: r.mean_paired_diff,
        d_z: r.d_z,
        t: r.t,
        p: r.p,
        p_holm: r.p_holm,
        p_selection: r.p_selection,
      })),
      { caption: "Paired tests (+1 minus -1 per prompt) at the best layer", formats: p },
    ),
    tableBundle(
      records.map((r) => ({
        model: r.model,
        concept: r.concept,
        cohens_d: r.cohens_d,
        "cohens_d 95% CI": intervalText(r.cohens_d_ci_low, r.cohens_d_ci_high),
        glass_delta_unsteered: r.glass_delta_unsteered,
      })),
      {
        caption: "Effect sizes (glass_delta_unsteered: over the SD of the strength-0 runs)",
      },
    ),
  ];
}
