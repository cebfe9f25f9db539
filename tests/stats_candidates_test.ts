/**
 * The choosers among candidate layers (`lib/stats/candidates.ts`), on the kernel path and the
 * straightforward path: with every layer as candidate they give the results of no candidates
 * bit for bit; with some, exactly what the straightforward code gives on a matrix whose other
 * layers have no delta (so every layer picked, in every resample and split, is a candidate).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { maxIndex } from "d3-array";
import { bootstrapBestLayer } from "../lib/stats/bootstrap.ts";
import {
  assertCandidate,
  bestAmong,
  bestCandidateIndex,
  candidateLayers,
  layerMask,
} from "../lib/stats/candidates.ts";
import { firstMaxIndex, kernelReady } from "../lib/stats/difference_layout.ts";
import { chosenLayer, heldOutProfile, selectionWeights } from "../lib/stats/held_out.ts";
import { layerDeltas, type PromptMatrix, promptMatrix } from "../lib/stats/prompt_matrix.ts";
import { splitHalfDelta } from "../lib/stats/split_half.ts";
import { analyse } from "../lib/stats/analysis.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { fakeRun, type SampleTuple } from "./helpers/fake_sweep.ts";
import {
  completeMatrix,
  referenceBootstrap,
  referenceSplitHalf,
} from "./helpers/reference_resampling.ts";

/** The matrix with no delta at the layers that are not candidates (their +1 values NaN). */
function withoutOthers(m: PromptMatrix, layers: readonly number[]): PromptMatrix {
  const P = m.prompts.length, hide = (values: Float64Array) => values.slice();
  const difference = m.difference && hide(m.difference), positive = hide(m.positive);
  m.layers.forEach((layer, l) => {
    if (layers.includes(layer)) return;
    positive.fill(NaN, l * P, (l + 1) * P);
    difference?.fill(NaN, l * P, (l + 1) * P);
  });
  return { ...m, positive, ...(difference ? { difference } : {}) };
}

/** A random matrix (complete, or with cells missing) and a nonempty set of its layers. */
const matrices = fc.record({
  L: fc.integer({ min: 1, max: 30 }),
  P: fc.integer({ min: 2, max: 30 }),
}).chain(({ L, P }) =>
  fc.record({
    L: fc.constant(L),
    P: fc.constant(P),
    seed: fc.nat(),
    complete: fc.boolean(),
    chosen: fc.uniqueArray(fc.integer({ min: 0, max: L - 1 }), { minLength: 1, maxLength: L }),
    positive: fc.array(
      fc.oneof(fc.integer({ min: -2, max: 2 }), fc.double({ min: -9, max: 9, noNaN: true })),
      { minLength: L * P, maxLength: L * P },
    ),
    negative: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: L * P, maxLength: L * P }),
  })
);

/** The matrix of a drawn case (layers 10, 11, ...), with a cell missing unless complete. */
function matrixOf(
  c: { L: number; P: number; complete: boolean; positive: number[] } & {
    negative: number[];
  },
): PromptMatrix {
  const layers = Array.from({ length: c.L }, (_, l) => 10 + l);
  const m = completeMatrix(layers, c.P, c.positive, c.negative);
  if (c.complete) return m;
  const positive = m.positive.slice();
  positive[c.P - 1] = NaN; // layer 10, last prompt: no difference, the straightforward path
  return { ...m, positive, difference: undefined };
}

Deno.test("firstMaxIndex with a mask is d3's maxIndex of the candidates' values", () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.double(), fc.constant(NaN), fc.constant(2)), { maxLength: 20 }),
      fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
      (xs, keep) => {
        const mask = Uint8Array.from(xs, (_, i) => keep[i] ? 1 : 0);
        const hidden = xs.map((x, i) => keep[i] ? x : NaN);
        assert.equal(firstMaxIndex(Float64Array.from(xs), xs.length, mask), maxIndex(hidden));
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("bootstrap among candidates: the straightforward code without the others, bit for bit", () => {
  fc.assert(
    fc.property(matrices, (c) => {
      const m = matrixOf(c), layers = c.chosen.map((l) => 10 + l);
      assert.equal(kernelReady(m), c.complete); // both paths
      const got = bootstrapBestLayer(m, { resamples: 40, seed: c.seed, layers });
      assert.deepEqual(got, referenceBootstrap(withoutOthers(m, layers), 40, c.seed));
      assert.ok(Number.isNaN(got.layer) || layers.includes(got.layer));
      const every = Array.from(m.layers); // every layer a candidate: as no candidates
      const all = bootstrapBestLayer(m, { resamples: 40, seed: c.seed, layers: every });
      assert.deepEqual(all, bootstrapBestLayer(m, { resamples: 40, seed: c.seed }));
    }),
    { numRuns: 80 },
  );
});

Deno.test("split halves among candidates: the straightforward code without the others", () => {
  fc.assert(
    fc.property(matrices, (c) => {
      const m = matrixOf(c), layers = c.chosen.map((l) => 10 + l);
      const got = splitHalfDelta(m, { splits: 12, seed: c.seed, layers });
      assert.ok(Object.is(got, referenceSplitHalf(withoutOthers(m, layers), 12, c.seed)));
      const every = Array.from(m.layers);
      assert.ok(
        Object.is(
          splitHalfDelta(m, { splits: 12, seed: c.seed, layers: every }),
          splitHalfDelta(m, { splits: 12, seed: c.seed }),
        ),
      );
    }),
    { numRuns: 80 },
  );
});

Deno.test("the held-out selection half chooses among the candidates", () => {
  fc.assert(
    fc.property(matrices, (c) => {
      const m = matrixOf(c), layers = c.chosen.map((l) => 10 + l);
      const selection = selectionWeights(m.prompts, m.concept, c.seed);
      const l = chosenLayer(m, selection, layers);
      assert.equal(l, maxIndex(layerDeltas(withoutOthers(m, layers), selection)));
      const profile = heldOutProfile(m, c.seed, layers);
      assert.ok(Number.isNaN(profile.layer) || layers.includes(profile.layer));
      assert.deepEqual(heldOutProfile(m, c.seed, Array.from(m.layers)), heldOutProfile(m, c.seed));
    }),
    { numRuns: 80 },
  );
});

Deno.test("the real sweep: the kernel path picks only candidates, and every layer changes nothing", async () => {
  const m = promptMatrix((await loadSweep("results/logit_diff_sweep", { models: ["4B"] })).runs[0]);
  assert.ok(kernelReady(m));
  const layers = [28, 29, 30, 31, 32, 33, 34, 35]; // the global best, 18, is not one
  const got = bootstrapBestLayer(m, { resamples: 300, seed: 4, layers });
  assert.deepEqual(got, referenceBootstrap(withoutOthers(m, layers), 300, 4));
  assert.ok(layers.includes(got.layer) && got.ci[1] < 2); // not the peak's interval (about 14)
  const one = bootstrapBestLayer(m, { resamples: 300, seed: 4, layers: [30] });
  assert.equal(one.stability, 1); // one candidate: always chosen
  const every = Array.from(m.layers);
  assert.deepEqual(
    bootstrapBestLayer(m, { resamples: 300, seed: 4, layers: every }),
    bootstrapBestLayer(m, { resamples: 300, seed: 4 }),
  );
});

Deno.test("no candidate in the matrix: nothing chosen, NaN, never a number made up", () => {
  const m = completeMatrix([1, 2], 3, [1, 2, 3, 4, 5, 6], [0, 0, 0, 0, 0, 1]);
  const none = bootstrapBestLayer(m, { resamples: 10, layers: [7] });
  assert.ok(Number.isNaN(none.layer) && none.ci.every(Number.isNaN));
  assert.ok(none.cohensDCi.every(Number.isNaN) && none.deltas.every(Number.isNaN));
  assert.ok(Number.isNaN(splitHalfDelta(m, { layers: [] })));
  const profile = heldOutProfile(m, 1, []);
  assert.ok(Number.isNaN(profile.layer) && profile.differences.every(Number.isNaN));
});

Deno.test("candidateLayers, layerMask and bestCandidateIndex", () => {
  const rows = [
    { model: "4B", concept: "a", layer: 14 },
    { model: "4B", concept: "a", layer: 12 },
    { model: "4B", concept: "a", layer: 14 },
    { model: "8B", concept: "a", layer: 3 },
  ];
  assert.deepEqual(candidateLayers(rows, "4B", "a"), [12, 14]); // ascending, distinct
  assert.deepEqual(candidateLayers(rows, "4B", "b"), []);
  assert.equal(candidateLayers(undefined, "4B", "b"), undefined);
  assert.deepEqual(layerMask(Int32Array.from([12, 13, 14]), [12, 14]), Uint8Array.from([1, 0, 1]));
  const layers = [[1, 5], [2, NaN], [3, 5], [4, 2]].map(([layer, delta]) => ({ layer, delta }));
  assert.equal(bestCandidateIndex(layers, [2, 3, 4]), 2); // NaN skipped
  assert.equal(bestCandidateIndex(layers, [1, 3]), 0); // the first of ties
  assert.equal(bestCandidateIndex(layers, [2]), -1); // the only candidate has no delta
  assertCandidate(rows, { model: "8B", concept: "a" }, NaN, "best layer"); // none chosen: fine
  assert.throws(() => assertCandidate(rows, { model: "8B", concept: "a" }, 4, "best layer"), /8B/);
});

Deno.test("bestAmong all the layer summaries is bestLayers; among some, the best of those", async () => {
  for (const dir of ["results/logit_diff_sweep", "tests/fixtures/logit_diff_sweep_moe"]) {
    const analysis = analyse(await loadSweep(dir));
    assert.deepEqual(bestAmong(analysis.layerSummaries), analysis.bestLayers, dir);
    const some = analysis.layerSummaries.filter((d) => d.layer % 3 === 0);
    for (const best of bestAmong(some)) {
      const rows = some.filter((d) => d.model === best.model && d.concept === best.concept);
      assert.equal(best.delta, Math.max(...rows.map((d) => d.delta)));
    }
  }
  const samples: SampleTuple[] = [];
  const run = fakeRun("4B", "a", [[1, NaN], [2, NaN]], samples);
  assert.deepEqual(bestAmong(run.layers), []); // no delta: no best layer
});
