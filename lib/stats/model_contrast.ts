/**
 * Paired model-vs-model comparisons. The sweeps ask every model the same prompts, so "is model A
 * harder to steer than model B (concept c)" is a paired question: per prompt, the difference
 * (+1 minus -1) at A's chosen layer minus the difference at B's chosen layer, matched on
 * `prompt_idx`.
 *
 * Each model's layer is chosen on the selection half of the prompts (`held_out.ts`; the halves
 * depend on the seed, the concept and the prompts only, so models with the same prompts share
 * them; otherwise only prompts held out in both count) and
 * the contrast is measured on the estimation half: the choice of each layer as a maximum does
 * not bias it. What it estimates is the effect at A's chosen layer minus the effect at B's.
 *
 * Only prompts held out in both models and with both strengths at both layers count; when the
 * models' prompts do not match, the others are left out, and with no matched prompt there is no
 * comparison.
 *
 * With candidate layers (`candidates.ts`), each model's layer is chosen among its candidates.
 *
 * A contrast needs only the two runs' held-out profiles (`held_out.ts`), not their matrices:
 * {@link contrastsOf} computes every contrast from the profiles the robustness records came
 * with (`pairResult` in robustness.ts).
 * @module
 */
import { runOf, type Sweep, type SweepRun } from "../sweep/types.ts";
import type { RobustnessRecord } from "./robustness.ts";
import { assertCandidate, type CandidateLayer, candidateLayers } from "./candidates.ts";
import { type HeldOutProfile, heldOutProfile, runProfile } from "./held_out.ts";
import { pairedTInterval, pairedTTest } from "./paired.ts";
import type { PromptMatrix } from "./prompt_matrix.ts";

/** One paired comparison of two models on a concept: A minus B. */
export interface ModelContrast {
  concept: string;
  model_a: string;
  model_b: string;
  /** The layers chosen on the selection half, in each model. */
  layer_a: number;
  layer_b: number;
  /** Matched held-out prompts. */
  n_prompts: number;
  /** Mean over matched prompts of A's difference minus B's (negative: A is steered less). */
  mean_difference: number;
  /**
   * Paired t interval of the mean difference (NaN below 2 prompts): the interval of the t-test
   * below, so the two never disagree (a percentile bootstrap under-covers with 20 prompts).
   */
  ci_low: number;
  ci_high: number;
  /** Paired t-test of the per-prompt contrasts against 0 (two-sided). */
  t: number;
  p: number;
}

/** Options of {@link modelContrast}. */
export interface ContrastOptions {
  /** Base seed (default 1): the split's, as in the robustness records. */
  seed?: number;
  /** Interval coverage (default 0.95). */
  level?: number;
  /**
   * The candidate layers (layer-summary rows, as the robustness records'): each model's layer
   * is chosen among its pair's. Every layer when undefined.
   */
  candidates?: readonly CandidateLayer[];
}

/** A profile's held-out prompts with a difference, by prompt_idx, in the profile's order. */
function heldOutDifferences(profile: HeldOutProfile): Map<number, number> {
  const byPrompt = new Map<number, number>();
  profile.prompts.forEach((prompt, p) => {
    const x = profile.differences[p];
    if (profile.selection[p] === 0 && !Number.isNaN(x)) byPrompt.set(prompt, x);
  });
  return byPrompt;
}

/**
 * The paired contrast of two runs' held-out profiles (A minus B, one concept), or undefined
 * when no prompt matches. The profiles must come from the same base seed (then the halves
 * agree). B minus A is exactly the negative of A minus B, interval included.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const profile = (model: string, differences: number[]) => ({
 *   model, concept: "c", layer: 18, prompts: Int32Array.from([0, 1, 2, 3, 4]),
 *   selection: Uint8Array.from([1, 0, 0, 1, 0]), differences: Float64Array.from(differences),
 * });
 * const c = profileContrast(profile("8B", [0, 5, 6, 0, 7]), profile("32B", [0, 1, 1, 0, NaN]))!;
 * assert.equal(c.n_prompts, 2); // prompts 1 and 2: held out, with a difference in both
 * assert.equal(c.mean_difference, 4.5);
 * ```
 */
export function profileContrast(
  a: HeldOutProfile,
  b: HeldOutProfile,
  options: ContrastOptions = {},
): ModelContrast | undefined {
  const theirs = heldOutDifferences(b);
  const contrasts: number[] = [];
  for (const [prompt, x] of heldOutDifferences(a)) {
    const y = theirs.get(prompt);
    if (y !== undefined) contrasts.push(x - y);
  }
  if (contrasts.length === 0) return undefined;
  const test = pairedTTest(contrasts);
  const [ci_low, ci_high] = pairedTInterval(contrasts, options.level);
  return {
    concept: a.concept,
    model_a: a.model,
    model_b: b.model,
    layer_a: a.layer,
    layer_b: b.layer,
    n_prompts: test.n,
    mean_difference: test.mean,
    ci_low,
    ci_high,
    t: test.t,
    p: test.p,
  };
}

/**
 * The contrasts of every two profiles of each concept: concepts in the order they first come,
 * model A before model B in the profiles' order. With the profiles of the runs that have a
 * robustness record, in the sweep's order, these are {@link modelContrasts}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const profile = (model: string, concept: string) => ({
 *   model, concept, layer: 1, prompts: Int32Array.from([0, 1, 2, 3]),
 *   selection: Uint8Array.from([1, 0, 1, 0]), differences: Float64Array.from([1, 2, 3, 4]),
 * });
 * const profiles = ["a", "b"].flatMap((c) => ["4B", "8B", "32B"].map((m) => profile(m, c)));
 * const contrasts = contrastsOf(profiles);
 * assert.equal(contrasts.length, 2 * 3); // 3 pairs of models x 2 concepts
 * assert.deepEqual([contrasts[2].concept, contrasts[2].model_a, contrasts[2].model_b], ["a", "8B", "32B"]);
 * ```
 */
export function contrastsOf(
  profiles: readonly HeldOutProfile[],
  options: ContrastOptions = {},
): ModelContrast[] {
  const byConcept = new Map<string, HeldOutProfile[]>();
  for (const p of profiles) byConcept.set(p.concept, [...(byConcept.get(p.concept) ?? []), p]);
  const out: ModelContrast[] = [];
  for (const group of byConcept.values()) {
    group.forEach((a, i) =>
      group.slice(i + 1).forEach((b) => {
        const contrast = profileContrast(a, b, options);
        if (contrast) out.push(contrast);
      })
    );
  }
  return out;
}

/**
 * The paired contrast of two runs of one concept (A minus B), or undefined when no prompt
 * matches: {@link profileContrast} of their held-out profiles.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const run = (folder: string, model: string) =>
 *   loadRun(`results/logit_diff_sweep/corrigible/${folder}`, model, "corrigible");
 * const a = promptMatrix(await run("Qwen_Qwen3_4B", "4B"));
 * const b = promptMatrix(await run("Qwen_Qwen3_32B", "32B"));
 * const c = modelContrast(a, b, { seed: 1 })!;
 * assert.equal(c.n_prompts, 20); // the 20 prompts held out of both layer choices
 * assert.ok(c.ci_low <= c.mean_difference && c.mean_difference <= c.ci_high);
 * assert.equal(modelContrast(b, a, { seed: 1 })!.mean_difference, -c.mean_difference);
 * ```
 */
export function modelContrast(
  a: PromptMatrix,
  b: PromptMatrix,
  options: ContrastOptions = {},
): ModelContrast | undefined {
  const seed = options.seed ?? 1;
  const profile = (m: PromptMatrix) =>
    heldOutProfile(m, seed, candidateLayers(options.candidates, m.model, m.concept));
  return profileContrast(profile(a), profile(b), options);
}

/**
 * The contrasts of every two models of each concept that both have a robustness record (model
 * A before model B in the sweep's model order), concept by concept: {@link contrastsOf} the
 * runs' profiles (remembered from the records when computed here: no matrix is built twice).
 * Pass the records' `candidates` too: each layer is then chosen among the pair's candidates.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * import { bestLayers } from "./best_layers.ts";
 * import { robustness } from "./robustness_sweep.ts";
 * import { analyse } from "./analysis.ts";
 * import { bestAmong } from "./candidates.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B", "8B", "32B"] });
 * const records = robustness(sweep, bestLayers(sweep), { resamples: 20, seed: 1 });
 * const contrasts = modelContrasts(sweep, records, { seed: 1 });
 * assert.equal(contrasts.length, 3 * 3); // 3 pairs of models x 3 concepts
 * const first = contrasts[0];
 * assert.deepEqual([first.concept, first.model_a, first.model_b], ["corrigible", "4B", "8B"]);
 * const record = records.find((r) => r.model === "4B" && r.concept === "corrigible")!;
 * assert.equal(first.layer_a, record.held_out_layer); // the same split as the records'
 * const candidates = analyse(sweep).layerSummaries.filter((d) => d.layer_frac >= 0.6); // a rule
 * const deep = robustness(sweep, bestAmong(candidates), { resamples: 20, candidates });
 * const [c] = modelContrasts(sweep, deep, { seed: 1, candidates });
 * assert.ok(c.layer_a === deep[0].held_out_layer && c.layer_a >= 0.6 * 36); // a candidate of 4B
 * ```
 */
export function modelContrasts(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  records: readonly Pick<RobustnessRecord, "model" | "concept">[],
  options: ContrastOptions = {},
): ModelContrast[] {
  const seed = options.seed ?? 1;
  const recorded = (run: SweepRun) =>
    records.some((r) => r.model === run.model && r.concept === run.concept);
  const layers = (run: SweepRun) => candidateLayers(options.candidates, run.model, run.concept);
  const profileOf = (run: SweepRun) =>
    recorded(run) ? runProfile(run, seed, undefined, layers(run)) : undefined;
  return sweepContrasts(sweep, profileOf, options);
}

/**
 * The contrasts of a sweep, concept by concept, models in the sweep's order: {@link contrastsOf}
 * the profile of each run that has one (`profileOf`: computed here, or by the worker that read
 * the run; undefined for a run without a robustness record). With `options.candidates`, a
 * profile whose layer is not among its pair's candidates (another rule's) is an error.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * import { heldOutProfile } from "./held_out.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B", "32B"] });
 * const contrasts = sweepContrasts(sweep, (run) => heldOutProfile(promptMatrix(run), 1));
 * assert.deepEqual(contrasts.map((c) => `${c.concept}: ${c.model_a} - ${c.model_b}`), [
 *   "corrigible: 4B - 32B",
 *   "self_awareness: 4B - 32B",
 *   "sycophancy: 4B - 32B",
 * ]);
 * ```
 */
export function sweepContrasts(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  profileOf: (run: SweepRun) => HeldOutProfile | undefined,
  options: ContrastOptions = {},
): ModelContrast[] {
  const profiles: HeldOutProfile[] = [];
  for (const concept of sweep.concepts) {
    for (const model of sweep.models) {
      const run = runOf(sweep, model, concept);
      const profile = run && profileOf(run);
      if (!profile) continue;
      assertCandidate(options.candidates, profile, profile.layer, "held-out layer");
      profiles.push(profile);
    }
  }
  return contrastsOf(profiles, options);
}

/**
 * A contrast read from `first`'s side: as given when `first` is model A, else B minus A (mean,
 * t and interval negated; p and the prompts unchanged).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const c = {
 *   concept: "c", model_a: "8B", model_b: "32B", layer_a: 18, layer_b: 30, n_prompts: 20,
 *   mean_difference: 1.2, ci_low: 0.4, ci_high: 2, t: 3, p: 0.01,
 * };
 * const flipped = orientContrast(c, "32B");
 * assert.deepEqual([flipped.model_a, flipped.layer_a, flipped.model_b], ["32B", 30, "8B"]);
 * assert.deepEqual([flipped.mean_difference, flipped.ci_low, flipped.ci_high], [-1.2, -2, -0.4]);
 * assert.equal(orientContrast(c, "8B"), c);
 * ```
 */
export function orientContrast(contrast: ModelContrast, first: string): ModelContrast {
  if (contrast.model_a === first) return contrast;
  const c = contrast;
  return {
    concept: c.concept,
    model_a: c.model_b,
    model_b: c.model_a,
    layer_a: c.layer_b,
    layer_b: c.layer_a,
    n_prompts: c.n_prompts,
    mean_difference: -c.mean_difference,
    ci_low: -c.ci_high,
    ci_high: -c.ci_low,
    t: -c.t,
    p: c.p,
  };
}
