/**
 * Robustness of the best-layer findings, per model and concept: bootstrap intervals with the
 * layer re-chosen, layer stability, the split-half (held-out) delta, a held-out interval valid
 * although the layer is chosen as a maximum, paired tests with Holm's correction, and Glass's
 * delta beside Cohen's d.
 *
 * Every random draw of a record is seeded from (seed, model, concept) alone, so a pair's record
 * is the same whichever other models and concepts are loaded with it; only the adjustments
 * across records (`p_holm`, `p_selection`) depend, by definition, on the others.
 *
 * Every layer chosen (the best layer, each resample's, each half's) is chosen among the pair's
 * candidate layers when the options give candidates (`candidates.ts`), else among all layers.
 * @module
 */
import { effectGap } from "../sweep/effect_gap.ts";
import { derivedSeed } from "../util/random.ts";
import type { SweepRun } from "../sweep/types.ts";
import type { BestLayerRow } from "./best_layers.ts";
import { bootstrapBestLayer } from "./bootstrap.ts";
import { type CandidateLayer, candidateLayers, isRuleChoice, layerMask } from "./candidates.ts";
import { cohensD } from "./effect_sizes.ts";
import { type HeldOutProfile, profileInterval, runProfile } from "./held_out.ts";
import { pairedTTest } from "./paired.ts";
import { glassDeltaOf } from "./glass_delta.ts";
import { type PromptMatrix, promptMatrix } from "./prompt_matrix.ts";
import { splitHalfDelta } from "./split_half.ts";

/** One record of `robustness.json`. */
export interface RobustnessRecord {
  model: string;
  concept: string;
  best_layer: number;
  best_delta: number;
  /**
   * Percentile interval of the best-layer delta over bootstrap resamples (layer re-chosen in
   * each). Descriptive: the maximum of noisy deltas is biased upwards, and with no effect this
   * interval still lies above 0 in most sweeps. Use the held-out interval to test.
   */
  ci_low: number;
  ci_high: number;
  layer_stability: number;
  split_half_delta: number;
  /** The layer of largest delta on the selection half of the prompts (`held_out.ts`). */
  held_out_layer: number;
  /** The mean per-prompt difference (+1 minus -1) at `held_out_layer` on the other half. */
  held_out_delta: number;
  /**
   * Paired t interval (95%) of the effect at `held_out_layer`, from the estimation half only:
   * it covers the effect at the layer chosen on the selection half at the nominal rate
   * (tested by simulation), the choice of the layer as a maximum notwithstanding.
   */
  held_out_ci_low: number;
  held_out_ci_high: number;
  mean_paired_diff: number;
  d_z: number;
  t: number;
  p: number;
  p_holm: number;
  cohens_d: number;
  cohens_d_ci_low: number;
  cohens_d_ci_high: number;
  /**
   * Glass's delta with the unsteered runs as control: the mean difference (+1 minus -1) over
   * the strength-0 standard deviation (the author's later glass_delta divides by the SD at -1).
   */
  glass_delta_unsteered: number;
  /**
   * The p-value corrected for choosing the layer too: min(1, p x layers searched (the candidate
   * layers with data)), then Holm across all records. `p` and `p_holm` are conditional on the
   * chosen layer and so optimistic.
   */
  p_selection: number;
}

/** Options of {@link robustness}. */
export interface RobustnessOptions {
  /** Bootstrap resamples (default 2,000). */
  resamples?: number;
  /** Random splits for the split-half delta (default 200). */
  splits?: number;
  /**
   * Base seed (default 1). Each pair's draws are seeded from (seed, model, concept), so results
   * are reproducible and a pair's do not depend on what else is loaded.
   */
  seed?: number;
}

/**
 * {@link RobustnessOptions} and the best-layer rule: the candidate layers (a type of its own, as
 * callers fill in the draws' options whole).
 */
export interface RecordOptions extends RobustnessOptions {
  /**
   * The candidate layers: layer-summary rows (the notebook's rows that pass its predicate; only
   * `model`, `concept` and `layer` are read). Each pair's best layer, and every layer re-chosen
   * (bootstrap, split halves, held-out selection half), is the largest delta among the pair's
   * rows. Every layer when undefined; no record for a pair with no candidate layer with data.
   */
  candidates?: readonly CandidateLayer[];
}

function row(values: Float64Array, layer: number, prompts: number): number[] {
  return Array.from(values.subarray(layer * prompts, (layer + 1) * prompts));
}

const clean = (xs: number[]) => xs.filter((x) => !Number.isNaN(x));

/**
 * The values of a layer at each strength for the effect sizes: every row of the file, in file
 * order, when cells repeat (as the summary's Cohen's d counts them), else the matrix rows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const run = await loadRun(dir, "4B", "corrigible");
 * const m = promptMatrix(run);
 * const at18 = groupsAt(run, m, m.layers.indexOf(18)); // the values at each strength
 * assert.deepEqual([at18.positive.length, at18.negative.length, at18.baseline.length], [40, 40, 40]);
 * ```
 */
export function groupsAt(run: SweepRun, matrix: PromptMatrix, l: number) {
  const P = matrix.prompts.length;
  if (!matrix.repeated) {
    return {
      positive: clean(row(matrix.positive, l, P)),
      negative: clean(row(matrix.negative, l, P)),
      baseline: clean(row(matrix.baseline, l, P)),
    };
  }
  const s = run.samples, layer = matrix.layers[l];
  const groups = { positive: [] as number[], negative: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < s.length; i++) {
    if (s.layer[i] !== layer || Number.isNaN(s.logit_diff_matching[i])) continue;
    const which = s.strength[i] === 1
      ? groups.positive
      : s.strength[i] === -1
      ? groups.negative
      : s.strength[i] === 0
      ? groups.baseline
      : undefined;
    which?.push(s.logit_diff_matching[i]);
  }
  return groups;
}

/** A record before the adjustments across records, with the (candidate) layers it searched. */
export type PairRecord = Omit<RobustnessRecord, "p_holm" | "p_selection"> & { searched: number };

/**
 * The record of one pair (model, concept) at its best layer, or undefined when the pair has no
 * effect size there (no +1 or no -1 values: missing, as in analysis_summary.json) or, with
 * `options.candidates`, no candidate layer with data. Its draws are seeded from (seed, model,
 * concept) only, so runs can be computed in any order or place (one worker per run) and give
 * the same record. With candidates, `chosen` must be the rule's choice among them (the largest
 * delta of the run's layer summary among its candidate layers): else an error, never a record
 * of one rule with intervals of another.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * const record = pairRecord(run, { layer: 18, delta: 14.011423444747924 }, { resamples: 20 });
 * assert.equal(record?.best_layer, 18);
 * assert.equal(record?.searched, 25); // layers 11 to 35
 * const candidates = [28, 30, 32].map((layer) => ({ model: "4B", concept: "corrigible", layer }));
 * const rule = run.layers.filter((d) => [28, 30, 32].includes(d.layer)); // rows of 28, 30, 32
 * const best = rule.reduce((a, b) => b.delta > a.delta ? b : a); // the largest delta among them
 * const deep = pairRecord(run, best, { resamples: 20, candidates })!;
 * assert.ok([28, 30, 32].includes(deep.best_layer) && [28, 30, 32].includes(deep.held_out_layer));
 * assert.equal(deep.searched, 3);
 * assert.throws(() => pairRecord(run, { layer: 18, delta: 14 }, { candidates })); // another rule
 * ```
 */
export function pairRecord(
  run: SweepRun,
  chosen: Pick<BestLayerRow, "layer" | "delta">,
  options: RecordOptions = {},
): PairRecord | undefined {
  return pairResult(run, chosen, options).record;
}

/** A run's record (when it has one) and its held-out profile, for the model contrasts. */
export interface PairResult {
  record: PairRecord | undefined;
  profile: HeldOutProfile;
}

/**
 * {@link pairRecord} with the run's held-out profile (`held_out.ts`), computed from the same
 * matrix: a worker returns both, and the contrasts are `contrastsOf` the profiles
 * (`model_contrast.ts`). The profile is also remembered for the run, so
 * `modelContrasts` on the same run objects builds no matrix again.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * const { record, profile } = pairResult(run, { layer: 18, delta: 14.011423444747924 }, {
 *   resamples: 20,
 * });
 * assert.equal(profile.layer, record?.held_out_layer);
 * assert.equal(profile.prompts.length, 40);
 * ```
 */
export function pairResult(
  run: SweepRun,
  chosen: Pick<BestLayerRow, "layer" | "delta">,
  options: RecordOptions = {},
): PairResult {
  const seed = options.seed ?? 1;
  const layers = candidateLayers(options.candidates, run.model, run.concept);
  const matrix = promptMatrix(run);
  const profile = runProfile(run, seed, matrix, layers);
  return { record: recordOf(run, matrix, profile, chosen, options, layers), profile };
}

/**
 * The record of a run from its matrix and profile (undefined without an effect size or without
 * a candidate layer), every layer chosen among the candidate `layers` (all when undefined).
 */
function recordOf(
  run: SweepRun,
  matrix: PromptMatrix,
  profile: HeldOutProfile,
  chosen: Pick<BestLayerRow, "layer" | "delta">,
  options: RobustnessOptions,
  layers: readonly number[] | undefined,
): PairRecord | undefined {
  const { model, concept } = run, seed = options.seed ?? 1;
  if (layers && !isRuleChoice(run, chosen.layer, layers)) return undefined;
  const l = matrix.layers.indexOf(chosen.layer);
  if (l < 0) return undefined;
  const mask = layerMask(matrix.layers, layers);
  const groups = groupsAt(run, matrix, l);
  if (effectGap(groups.positive, groups.negative) !== undefined) return undefined;
  const P = matrix.prompts.length;
  const pos = row(matrix.positive, l, P), neg = row(matrix.negative, l, P);
  const test = pairedTTest(pos.map((x, p) => x - neg[p]));
  const boot = bootstrapBestLayer(matrix, {
    resamples: options.resamples,
    seed: derivedSeed(seed, model, concept, "bootstrap"),
    layers,
  });
  const splitSeed = derivedSeed(seed, model, concept, "split-half");
  const heldOut = profileInterval(profile);
  return {
    model,
    concept,
    best_layer: chosen.layer,
    best_delta: chosen.delta,
    ci_low: boot.ci[0],
    ci_high: boot.ci[1],
    layer_stability: boot.stability,
    split_half_delta: splitHalfDelta(matrix, { splits: options.splits, seed: splitSeed, layers }),
    held_out_layer: heldOut.layer,
    held_out_delta: heldOut.delta,
    held_out_ci_low: heldOut.ci[0],
    held_out_ci_high: heldOut.ci[1],
    mean_paired_diff: test.mean,
    d_z: test.d_z,
    t: test.t,
    p: test.p,
    cohens_d: cohensD(groups.positive, groups.negative),
    cohens_d_ci_low: boot.cohensDCi[0],
    cohens_d_ci_high: boot.cohensDCi[1],
    glass_delta_unsteered: glassDeltaOf(groups.positive, groups.negative, groups.baseline),
    searched: mask ? mask.reduce((n, m) => n + m, 0) : matrix.layers.length,
  };
}
