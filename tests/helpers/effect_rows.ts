/** Test helper: an effect-size row (analysis.effectSizes) with only what a test sets. */
import type { EffectSizeRow } from "../../lib/stats/effect_sizes.ts";

/** A row of `model` and `concept` with its Cohen's d and delta; the means are not used. */
export function effectRow(
  model: string,
  concept: string,
  cohens_d: number,
  delta: number,
): EffectSizeRow {
  return { model, concept, mean_positive: NaN, mean_negative: NaN, delta, cohens_d };
}
