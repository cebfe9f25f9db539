/**
 * The robustness records as three narrow tables for a 980 px notebook output area, instead of
 * one of 18 columns: the chosen layer (bootstrap interval, stability, held-out delta), the paired
 * tests, and the effect sizes.
 * @module
 */
import type { RobustnessRecord } from "../stats/robustness.ts";
import { formatTableValue, type MimeBundle, tableBundle } from "./table.ts";

/**
 * A p-value as text: three decimals, or three significant digits in exponent form below 0.001,
 * so every p of a column reads the same way and none rounds to 0.
 *
 * @example
 * ```ts
 * pValueText(0.01234);   // "0.012"
 * pValueText(7.471e-10); // "7.47e-10"
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
 * intervalText(13.2149, 17.3); // "[13.215, 17.300]"
 * ```
 */
export function intervalText(low: number, high: number): string {
  return `[${formatTableValue(low, 3, true)}, ${formatTableValue(high, 3, true)}]`;
}

/**
 * The three robustness tables as MIME bundles, each led by model and concept.
 *
 * @example
 * ```ts
 * robustnessTables(records).length; // 3
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
        "95% CI": intervalText(r.ci_low, r.ci_high),
        layer_stability: r.layer_stability,
        split_half_delta: r.split_half_delta,
      })),
      { caption: "The chosen layer: bootstrap interval, stability, held-out delta" },
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
      { caption: "Paired tests (+1 minus -1 per prompt)", formats: p },
    ),
    tableBundle(
      records.map((r) => ({
        model: r.model,
        concept: r.concept,
        cohens_d: r.cohens_d,
        "cohens_d 95% CI": intervalText(r.cohens_d_ci_low, r.cohens_d_ci_high),
        glass_delta: r.glass_delta,
      })),
      { caption: "Effect sizes" },
    ),
  ];
}
