/**
 * The candidate layers of the best-layer rule. The rule is "the layer of largest delta among
 * the candidate layers" (first one on ties, NaN skipped), and the candidates are layer-summary
 * rows: the notebook's rows that pass a predicate (`rows.filter((d) => d.layer_frac >= 0.1 &&
 * d.layer_frac <= 0.9)`, say), passed as they are. Every statistic that chooses a layer (the
 * best layer, each bootstrap resample's, the split halves', the held-out selection half's, the
 * model contrasts') chooses among the candidates of its model/concept pair only.
 *
 * Without candidates (`undefined`) every layer is a candidate: the results are the same, bit
 * for bit and as fast, as before there were candidates. With candidates, a pair with no
 * candidate row, or none at a layer with data, has no best layer: no record, as a pair without
 * data. The rows are plain data, so they cross to the loading workers with the options.
 * @module
 */
import { bestLayerIndex } from "../sweep/effect_gap.ts";
import { compareStrings } from "../sweep/layout.ts";
import type { LayerSummaryRow, SweepRun } from "../sweep/types.ts";
import type { BestLayerRow } from "./best_layers.ts";

/** A candidate layer of a pair: a layer-summary row (any other fields are ignored). */
export type CandidateLayer = Pick<LayerSummaryRow, "model" | "concept" | "layer">;

const pairKey = (model: string, concept: string) => JSON.stringify([model, concept]);

const indexed = new WeakMap<readonly CandidateLayer[], Map<string, number[]>>();

/**
 * The candidate layers of one pair, ascending and distinct: `undefined` (every layer) without
 * candidates, an empty list when none of the rows is the pair's.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analyse } from "./analysis.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const { layerSummaries } = analyse(await loadSweep("results/logit_diff_sweep"));
 * const candidates = layerSummaries.filter((d) => d.layer_frac >= 0.1 && d.layer_frac <= 0.4);
 * assert.deepEqual(candidateLayers(candidates, "4B", "corrigible"), [11, 12, 13, 14]); // of 36
 * assert.deepEqual(candidateLayers(candidates, "4B", "honesty"), []); // no row: no layer
 * assert.equal(candidateLayers(undefined, "4B", "corrigible"), undefined); // every layer
 * ```
 */
export function candidateLayers(
  candidates: readonly CandidateLayer[] | undefined,
  model: string,
  concept: string,
): readonly number[] | undefined {
  if (!candidates) return undefined;
  let byPair = indexed.get(candidates);
  if (!byPair) {
    byPair = new Map();
    for (const row of candidates) {
      const key = pairKey(row.model, row.concept);
      byPair.set(key, [...(byPair.get(key) ?? []), row.layer]);
    }
    for (const [key, layers] of byPair) {
      byPair.set(key, [...new Set(layers)].sort((a, b) => a - b));
    }
    indexed.set(candidates, byPair);
  }
  return byPair.get(pairKey(model, concept)) ?? [];
}

/**
 * Throws unless `layer` (a layer chosen for `pair`; NaN for none) is among the pair's candidate
 * layers (any layer without candidates): a result computed under another best-layer rule (by a
 * worker given other options, say) is an error, never a silent mix of two rules.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const candidates = [{ model: "4B", concept: "c", layer: 20 }];
 * assertCandidate(candidates, { model: "4B", concept: "c" }, 20, "best layer"); // fine
 * assertCandidate(undefined, { model: "4B", concept: "c" }, 18, "best layer"); // every layer
 * assert.throws(() => assertCandidate(candidates, { model: "4B", concept: "c" }, 18, "best layer"));
 * ```
 */
export function assertCandidate(
  candidates: readonly CandidateLayer[] | undefined,
  pair: Pick<CandidateLayer, "model" | "concept">,
  layer: number,
  what: string,
): void {
  const layers = candidateLayers(candidates, pair.model, pair.concept);
  if (!layers || Number.isNaN(layer) || layers.includes(layer)) return;
  throw new Error(
    `${pair.model}/${pair.concept}: the ${what} ${layer} is not among the candidate layers: ` +
      "it was chosen under another best-layer rule",
  );
}

/**
 * Which of a matrix's layers (`layers`, by index) are candidates: 1 or 0 per index, or
 * `undefined` when every one is (no candidates, or all of them: then nothing is masked and the
 * choice is the plain first maximum, as fast as before).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const layers = Int32Array.from([11, 12, 13, 14]);
 * assert.deepEqual(layerMask(layers, [12, 14, 30]), Uint8Array.from([0, 1, 0, 1]));
 * assert.equal(layerMask(layers, [11, 12, 13, 14]), undefined); // all: no mask
 * assert.equal(layerMask(layers, undefined), undefined);
 * assert.deepEqual(layerMask(layers, []), new Uint8Array(4)); // none: nothing to choose
 * ```
 */
export function layerMask(
  layers: Int32Array,
  candidates: readonly number[] | undefined,
): Uint8Array | undefined {
  if (!candidates) return undefined;
  const set = new Set(candidates);
  const mask = Uint8Array.from(layers, (layer) => set.has(layer) ? 1 : 0);
  return mask.every((m) => m === 1) ? undefined : mask;
}

/**
 * The index in a run's layer summary of its best layer under the rule: the first largest delta
 * (NaN skipped) among the rows whose layer is a candidate; -1 when there is none. Without
 * candidates, `bestLayerIndex` (the layer of `bestLayers`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const rows = [{ layer: 3, delta: 1 }, { layer: 4, delta: 9 }, { layer: 5, delta: 2 }];
 * assert.equal(bestCandidateIndex(rows, undefined), 1); // layer 4, the largest delta
 * assert.equal(bestCandidateIndex(rows, [3, 5]), 2); // layer 5, the largest among 3 and 5
 * assert.equal(bestCandidateIndex(rows, [7]), -1); // no candidate with data
 * ```
 */
export function bestCandidateIndex(
  rows: readonly Pick<LayerSummaryRow, "layer" | "delta">[],
  candidates: readonly number[] | undefined,
): number {
  if (!candidates) return bestLayerIndex(rows);
  const set = new Set(candidates);
  let best = -1, max = NaN;
  rows.forEach(({ layer, delta }, i) => {
    if (set.has(layer) && (delta > max || (best < 0 && delta === delta))) {
      max = delta;
      best = i;
    }
  });
  return best;
}

/**
 * Whether `layer` is the rule's best layer of a run, the largest delta of its layer summary
 * among the candidate `layers` (all when undefined; {@link bestCandidateIndex}): true; false
 * when the run has none (no candidate with a delta); an error when it is another layer, so that
 * the records of one rule never get the intervals of another.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const run = { model: "4B", concept: "c", layers: [{ layer: 3, delta: 1 }, { layer: 4, delta: 9 }] };
 * assert.equal(isRuleChoice(run, 4, undefined), true);
 * assert.equal(isRuleChoice(run, 3, [3]), true);
 * assert.equal(isRuleChoice(run, 3, [7]), false); // no candidate with data: no best layer
 * assert.throws(() => isRuleChoice(run, 3, undefined), /not the largest delta/); // another rule
 * ```
 */
export function isRuleChoice(
  run: Pick<SweepRun, "model" | "concept"> & {
    layers: readonly Pick<LayerSummaryRow, "layer" | "delta">[];
  },
  layer: number,
  layers: readonly number[] | undefined,
): boolean {
  const i = bestCandidateIndex(run.layers, layers);
  if (i < 0) return false;
  if (run.layers[i].layer === layer) return true;
  const among = layers ? "the candidate layers" : "all layers (no candidates given)";
  throw new Error(
    `${run.model}/${run.concept}: the best layer given, ${layer}, is not the largest delta ` +
      `among ${among}, layer ${run.layers[i].layer}: pass the best layers and the candidates ` +
      "of one best-layer rule (bestAmong of the candidate rows, and those rows as `candidates`)",
  );
}

/**
 * The rule's best layer of each pair among candidate rows (layer-summary rows that passed the
 * notebook's predicate): the first largest delta of each pair's rows, sorted by concept then
 * model as `bestLayers` sorts. With every layer-summary row, `bestLayers` of the sweep.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analyse } from "./analysis.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const analysis = analyse(await loadSweep("results/logit_diff_sweep"));
 * assert.deepEqual(bestAmong(analysis.layerSummaries), analysis.bestLayers); // every layer
 * const shallow = bestAmong(analysis.layerSummaries.filter((d) => d.layer_frac <= 0.4));
 * assert.ok(shallow.every((b) => b.layer <= 0.4 * analysis.sweep.layerCounts[b.model]));
 * ```
 */
export function bestAmong(rows: readonly BestLayerRow[]): BestLayerRow[] {
  const byPair = new Map<string, BestLayerRow[]>();
  for (const row of rows) {
    const key = pairKey(row.model, row.concept);
    const group = byPair.get(key);
    if (group) group.push(row);
    else byPair.set(key, [row]);
  }
  const best: BestLayerRow[] = [];
  for (const group of byPair.values()) {
    const i = bestLayerIndex(group);
    if (i < 0) continue;
    const { model, concept, layer, delta, baseline_mean, positive_mean, negative_mean } = group[i];
    best.push({ model, concept, layer, delta, baseline_mean, positive_mean, negative_mean });
  }
  return best.sort((a, b) =>
    compareStrings(a.concept, b.concept) || compareStrings(a.model, b.model)
  );
}
