/**
 * Held-out inference at a chosen layer. The prompts are split in two: on the selection half the
 * layer of largest delta is chosen (among the candidate layers when given: `candidates.ts`), on
 * the estimation half the effect at that layer is estimated with a paired t interval of the
 * per-prompt differences (+1 minus -1). The estimation prompts
 * play no part in the choice, so the interval keeps its coverage although the layer was chosen
 * as a maximum. What it covers is the effect at the layer chosen on the selection half (not the
 * largest effect over all layers, which it may fall short of when another layer wins by chance).
 *
 * The split depends only on the seed, the concept and the prompts' `prompt_idx` (ranked by a
 * hash), never on the model or the data: models swept on the same prompts get the same halves,
 * so their held-out effects can be compared prompt by prompt (`model_contrast.ts`; with
 * different prompt sets the halves may differ, and a contrast counts only the prompts held out
 * in both). All either needs of a run is its held-out
 * profile (the split, the chosen layer, each prompt's difference there): a few numbers per
 * prompt, computed once per run (with its record, in a worker or not) and kept for the contrasts.
 * @module
 */
import { derivedSeeds } from "../util/random.ts";
import { layerMask } from "./candidates.ts";
import { firstMaxIndex } from "./difference_layout.ts";
import { pairedTInterval, pairedTTest } from "./paired.ts";
import type { SweepRun } from "../sweep/types.ts";
import { layerDeltas, type PromptMatrix, promptMatrix } from "./prompt_matrix.ts";

/** Options of {@link heldOutInterval}. */
export interface HeldOutOptions {
  /** Base seed of the split (default 1). */
  seed?: number;
  /** Interval coverage (default 0.95). */
  level?: number;
  /** The candidate layers (layer numbers) chosen among (`candidates.ts`); every layer if undefined. */
  layers?: readonly number[];
}

/** The held-out estimate of one run. */
export interface HeldOutInterval {
  /** The layer chosen on the selection half (NaN when none can be). */
  layer: number;
  /** Mean per-prompt difference at that layer on the estimation half. */
  delta: number;
  /** Its paired t interval. */
  ci: [number, number];
  /** Estimation prompts with both strengths at that layer. */
  n: number;
}

/**
 * The selection half of a concept's prompts as weights (1 = selection, 0 = estimation): the
 * prompts ranked by a hash of (seed, concept, prompt_idx), the first floor(P / 2) selected. The
 * same prompts give the same halves in every model (another prompt set may split differently).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const prompts = Int32Array.from({ length: 10 }, (_, i) => i);
 * const w = selectionWeights(prompts, "corrigible", 1);
 * assert.equal(w.reduce((a, b) => a + b, 0), 5); // half of the prompts select the layer
 * assert.deepEqual(selectionWeights(prompts, "corrigible", 1), w); // reproducible
 * assert.ok(selectionWeights(prompts, "corrigible", 2).some((x, i) => x !== w[i])); // another seed
 * ```
 */
export function selectionWeights(
  prompts: Int32Array,
  concept: string,
  seed: number,
): Float64Array {
  const keys = derivedSeeds(seed, [concept, "held-out"], prompts);
  const order = Array.from(prompts, (_, i) => i)
    .sort((a, b) => keys[a] - keys[b] || prompts[a] - prompts[b]);
  const weights = new Float64Array(prompts.length);
  for (const i of order.slice(0, Math.floor(prompts.length / 2))) weights[i] = 1;
  return weights;
}

/**
 * The per-prompt differences (+1 minus -1) at layer index `l`, NaN where a strength is absent
 * (each cell's mean when cells repeat).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * const d = promptDifferences(m, m.layers.indexOf(18));
 * const mean = d.reduce((a, b) => a + b, 0) / d.length;
 * assert.ok(Math.abs(mean - 14.011423444747924) < 1e-9); // the layer's delta
 * ```
 */
export function promptDifferences(matrix: PromptMatrix, l: number): Float64Array {
  const P = matrix.prompts.length, offset = l * P;
  return Float64Array.from(
    { length: P },
    (_, p) => matrix.positive[offset + p] - matrix.negative[offset + p],
  );
}

/**
 * The index of the layer of largest delta on the prompts of weight 1, among the candidate
 * `layers` when given (-1 when no candidate layer has one).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * const all = new Float64Array(m.prompts.length).fill(1);
 * assert.equal(m.layers[chosenLayer(m, all)], 18); // the best layer on every prompt
 * assert.equal(m.layers[chosenLayer(m, all, [11, 12, 13])], 12); // the best of 11 to 13
 * assert.equal(chosenLayer(m, all, [99]), -1); // no data at the candidate
 * ```
 */
export function chosenLayer(
  matrix: PromptMatrix,
  selection: Float64Array,
  layers?: readonly number[],
): number {
  const deltas = layerDeltas(matrix, selection);
  return firstMaxIndex(deltas, deltas.length, layerMask(matrix.layers, layers));
}

/**
 * What the held-out estimate and the model contrasts need of a run: its prompts, the selection
 * half, the layer chosen there and every prompt's difference at it. Small (a few numbers per
 * prompt) and plain, so a worker can send it back with the run's record.
 */
export interface HeldOutProfile {
  model: string;
  concept: string;
  /** The layer chosen on the selection half (NaN when none can be). */
  layer: number;
  /** The run's prompt_idx values, ascending (the matrix's prompts). */
  prompts: Int32Array;
  /** 1 where the prompt is in the selection half ({@link selectionWeights}), else 0. */
  selection: Uint8Array;
  /** Each prompt's difference (+1 minus -1) at `layer`; NaN where absent or without a layer. */
  differences: Float64Array;
}

/**
 * The held-out profile of a run's matrix for a base seed, its layer chosen on the selection
 * half among the candidate `layers` (every layer when undefined).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const profile = heldOutProfile(promptMatrix(await loadRun(dir, "4B", "corrigible")), 1);
 * assert.equal(profile.prompts.length, 40);
 * assert.equal(profile.selection.reduce((a, b) => a + b, 0), 20); // half of the prompts select
 * assert.ok(Number.isInteger(profile.layer));
 * const deep = heldOutProfile(promptMatrix(await loadRun(dir, "4B", "corrigible")), 1, [30, 35]);
 * assert.ok(deep.layer === 30 || deep.layer === 35);
 * assert.deepEqual(deep.selection, profile.selection); // the same halves
 * ```
 */
export function heldOutProfile(
  matrix: PromptMatrix,
  seed = 1,
  layers?: readonly number[],
): HeldOutProfile {
  const selection = selectionWeights(matrix.prompts, matrix.concept, seed);
  const l = chosenLayer(matrix, selection, layers);
  return {
    model: matrix.model,
    concept: matrix.concept,
    layer: l < 0 ? NaN : matrix.layers[l],
    prompts: matrix.prompts.slice(),
    selection: Uint8Array.from(selection),
    differences: l < 0
      ? new Float64Array(matrix.prompts.length).fill(NaN)
      : promptDifferences(matrix, l),
  };
}

/**
 * The held-out interval of a profile: the effect at its layer on the estimation half, with a
 * paired t interval. NaN where it cannot be computed (fewer than two estimation prompts: NaN
 * interval).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const profile = {
 *   model: "4B", concept: "c", layer: 18, prompts: Int32Array.from([0, 1, 2, 3]),
 *   selection: Uint8Array.from([1, 0, 1, 0]), differences: Float64Array.from([9, 2, 9, 4]),
 * };
 * const h = profileInterval(profile);
 * assert.deepEqual([h.layer, h.delta, h.n], [18, 3, 2]); // prompts 1 and 3 estimate
 * assert.ok(h.ci[0] < 3 && 3 < h.ci[1]);
 * ```
 */
export function profileInterval(profile: HeldOutProfile, level?: number): HeldOutInterval {
  if (Number.isNaN(profile.layer)) return { layer: NaN, delta: NaN, ci: [NaN, NaN], n: 0 };
  const held = Array.from(profile.differences).filter((_, p) => profile.selection[p] === 0);
  const test = pairedTTest(held);
  return {
    layer: profile.layer,
    delta: test.n > 0 ? test.mean : NaN,
    ci: pairedTInterval(held, level),
    n: test.n,
  };
}

/**
 * The held-out interval of a run: the layer chosen on the selection half
 * ({@link selectionWeights}), its effect estimated on the other half with a paired t interval
 * ({@link profileInterval} of {@link heldOutProfile}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const h = heldOutInterval(promptMatrix(await loadRun(dir, "4B", "corrigible")), { seed: 1 });
 * assert.equal(h.n, 20); // 40 prompts: 20 choose the layer, 20 estimate its effect
 * assert.ok(h.ci[0] < h.delta && h.delta < h.ci[1]);
 * assert.ok(h.ci[0] > 0); // a clear effect: the interval excludes 0
 * ```
 */
export function heldOutInterval(
  matrix: PromptMatrix,
  options: HeldOutOptions = {},
): HeldOutInterval {
  return profileInterval(
    heldOutProfile(matrix, options.seed ?? 1, options.layers),
    options.level,
  );
}

const remembered = new WeakMap<SweepRun, Map<string, HeldOutProfile>>();

/**
 * The held-out profile of a run for a base seed and candidate `layers` (every layer when
 * undefined), remembered for the run (a profile depends only on the run, the seed and the
 * candidates), so the records and then the contrasts build the run's matrix once. `matrix`,
 * when given, is the run's (it saves building it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * const profile = runProfile(run, 1);
 * assert.equal(runProfile(run, 1), profile); // remembered
 * assert.notEqual(runProfile(run, 2), profile); // another seed, another split
 * const shallow = runProfile(run, 1, undefined, [11, 12, 13]); // other candidates
 * assert.ok(shallow !== profile && [11, 12, 13].includes(shallow.layer));
 * assert.equal(runProfile(run, 1, undefined, [13, 12, 11]), shallow); // the same set
 * ```
 */
export function runProfile(
  run: SweepRun,
  seed: number,
  matrix?: PromptMatrix,
  layers?: readonly number[],
): HeldOutProfile {
  const known = remembered.get(run) ?? new Map<string, HeldOutProfile>();
  remembered.set(run, known);
  const key = layers ? `${seed} ${[...new Set(layers)].sort((a, b) => a - b)}` : `${seed}`;
  const profile = known.get(key) ?? heldOutProfile(matrix ?? promptMatrix(run), seed, layers);
  known.set(key, profile);
  return profile;
}
