import assert from "node:assert/strict";
import { bootstrapBestLayer } from "../lib/stats/bootstrap.ts";
import {
  chosenLayer,
  heldOutInterval,
  heldOutProfile,
  profileInterval,
  promptDifferences,
  runProfile,
  selectionWeights,
} from "../lib/stats/held_out.ts";
import { promptMatrix } from "../lib/stats/prompt_matrix.ts";
import { plantedDelta, type SynthSpec } from "../lib/synth/sweep.ts";
import { fakeRun, type SampleTuple } from "./helpers/fake_sweep.ts";
import { synthMatrix, withinBinomial } from "./helpers/synth_matrix.ts";

const MODEL = { label: "4B", layers: 36 }; // 25 layers searched, peak at 18
const PAIRS = 1000;

/** Each simulated pair's held-out interval and the old bootstrap interval of the maximum. */
function simulate(effect: number, bootstrap: boolean) {
  const spec: SynthSpec = { models: [MODEL], concepts: ["c"], prompts: 100, effect, noise: 2 };
  return Array.from({ length: PAIRS }, (_, i) => {
    const matrix = synthMatrix(spec, MODEL, "c", 10_000 + i);
    const heldOut = heldOutInterval(matrix, { seed: i + 1 });
    const boot = bootstrap
      ? bootstrapBestLayer(matrix, { resamples: 100, seed: i + 1 })
      : undefined;
    return { heldOut, boot, truth: plantedDelta(spec, MODEL, heldOut.layer) };
  });
}

const covers = (ci: [number, number], x: number) => ci[0] <= x && x <= ci[1];
const rate = <T>(xs: T[], ok: (x: T) => boolean) => xs.filter(ok).length / xs.length;

Deno.test("the split: half the prompts select, by prompt only (the same halves in every model)", () => {
  const prompts = Int32Array.from({ length: 41 }, (_, i) => 3 * i);
  const w = selectionWeights(prompts, "corrigible", 1);
  assert.equal(w.reduce((a, b) => a + b, 0), 20); // floor(41 / 2)
  assert.deepEqual(selectionWeights(prompts.slice(), "corrigible", 1), w);
  assert.notDeepEqual(selectionWeights(prompts, "sycophancy", 1), w);
  // Reordering the prompts moves their weights with them
  const reversed = prompts.slice().reverse();
  assert.deepEqual(
    Array.from(selectionWeights(reversed, "corrigible", 1)).reverse(),
    Array.from(w),
  );
});

Deno.test("a hand-made run: the layer that wins on every prompt, its effect on the held-out half", () => {
  // layer 2's difference is 10 + p on every prompt, layer 1's is 1: layer 2 wins on any half
  const samples: SampleTuple[] = [];
  for (let p = 0; p < 6; p++) {
    samples.push([1, 1, p, 1], [1, -1, p, 0], [2, 1, p, 10 + p], [2, -1, p, 0]);
  }
  const matrix = promptMatrix(fakeRun("4B", "a", [], samples));
  const selection = selectionWeights(matrix.prompts, "a", 1);
  assert.equal(matrix.layers[chosenLayer(matrix, selection)], 2);
  assert.deepEqual(Array.from(promptDifferences(matrix, 1)), [10, 11, 12, 13, 14, 15]);
  const held = [0, 1, 2, 3, 4, 5].filter((p) => selection[p] === 0).map((p) => 10 + p);
  const h = heldOutInterval(matrix, { seed: 1 });
  assert.equal(h.layer, 2);
  assert.equal(h.n, 3);
  const mean = held.reduce((a, b) => a + b, 0) / 3;
  const sd = Math.sqrt(held.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
  const half = 4.302652729749462 * sd / Math.sqrt(3); // scipy: stats.t.ppf(0.975, 2)
  assert.ok(Math.abs(h.delta - mean) < 1e-12);
  assert.ok(Math.abs(h.ci[0] - (mean - half)) < 1e-9 && Math.abs(h.ci[1] - (mean + half)) < 1e-9);
});

Deno.test("too few prompts: NaN interval, never an invented 0", () => {
  const samples: SampleTuple[] = [[1, 1, 0, 2], [1, -1, 0, 0], [1, 1, 1, 3], [1, -1, 1, 0]];
  const h = heldOutInterval(promptMatrix(fakeRun("4B", "a", [], samples)));
  assert.equal(h.n, 1);
  assert.ok(h.ci.every(Number.isNaN));
});

// Measured (seeds as below): the held-out interval covers 0 in 94.3% of 1,000 null pairs, while
// the bootstrap interval of the maximum lies above 0 in 100% of them.
Deno.test("no effect: the held-out interval covers 0 in 94.3% of 1,000 pairs; the old ci_low > 0 in 100%", () => {
  const null_ = simulate(0, true);
  const coverage = rate(null_, (s) => covers(s.heldOut.ci, 0));
  const oldAbove = rate(null_, (s) => s.boot!.ci[0] > 0);
  assert.ok(withinBinomial(coverage, 0.95, PAIRS), `held-out coverage ${coverage}`);
  assert.ok(coverage >= 0.9 && coverage <= 0.99, `held-out coverage ${coverage}`);
  assert.ok(oldAbove > 0.9, `old bootstrap interval above 0 in ${oldAbove} of null pairs`);
  // The held-out estimate is centred on 0; the naive maximum is not
  const centre = null_.reduce((s, x) => s + x.heldOut.delta, 0) / PAIRS;
  assert.ok(Math.abs(centre) < 0.05, `mean held-out delta ${centre}`);
});

// Measured: excludes 0 in 100%, covers the chosen layer's planted effect in 94.4%; 607 pairs
// chose the peak, and 93.7% of their intervals cover the planted 3.
Deno.test("a planted effect: the held-out interval excludes 0 and covers the planted size (94.4%)", () => {
  const planted = simulate(3, false);
  assert.equal(rate(planted, (s) => s.heldOut.ci[0] > 0), 1);
  const coverage = rate(planted, (s) => covers(s.heldOut.ci, s.truth));
  assert.ok(
    withinBinomial(coverage, 0.95, PAIRS),
    `coverage of the chosen layer's effect ${coverage}`,
  );
  const atPeak = planted.filter((s) => s.heldOut.layer === 18);
  assert.ok(atPeak.length > PAIRS / 2, `${atPeak.length} chose the peak`);
  const peakCoverage = rate(atPeak, (s) => covers(s.heldOut.ci, 3));
  assert.ok(withinBinomial(peakCoverage, 0.95, atPeak.length), `at the peak ${peakCoverage}`);
});

Deno.test("a run's profile: its split, its chosen layer and every prompt's difference there", () => {
  const samples: SampleTuple[] = [];
  for (let p = 0; p < 7; p++) {
    samples.push([1, 1, p, 1], [1, -1, p, 0], [2, 1, p, 5 + p], [2, -1, p, 2]);
  }
  const matrix = promptMatrix(fakeRun("8B", "a", [], samples.slice(0, -1))); // prompt 6: no -1 at 2
  const profile = heldOutProfile(matrix, 3);
  const selection = selectionWeights(matrix.prompts, "a", 3);
  assert.deepEqual(Array.from(profile.selection), Array.from(selection));
  assert.equal(profile.layer, matrix.layers[chosenLayer(matrix, selection)]);
  assert.equal(profile.layer, 2);
  assert.deepEqual(Array.from(profile.differences), [3, 4, 5, 6, 7, 8, NaN]);
  assert.deepEqual(Array.from(profile.prompts), [0, 1, 2, 3, 4, 5, 6]);
  // the interval of the profile: a paired t interval of the held-out differences (NaN skipped)
  const held = [3, 4, 5, 6, 7, 8, NaN].filter((_, p) => selection[p] === 0);
  const h = profileInterval(profile);
  assert.equal(h.n, held.filter((x) => !Number.isNaN(x)).length);
  assert.deepEqual(h, heldOutInterval(matrix, { seed: 3 }));
  assert.ok(Number.isNaN(profileInterval({ ...profile, layer: NaN }).delta)); // no layer: NaN
});

Deno.test("a profile survives a structured clone (a worker's message) unchanged", () => {
  const samples: SampleTuple[] = [[1, 1, 0, 2], [1, -1, 0, 1], [1, 1, 1, 4], [1, -1, 1, 0]];
  const profile = heldOutProfile(promptMatrix(fakeRun("8B", "a", [], samples)), 1);
  assert.deepEqual(structuredClone(profile), profile);
});

Deno.test("runProfile remembers a run's profile per seed (the matrix is built once)", () => {
  const samples: SampleTuple[] = [[1, 1, 0, 2], [1, -1, 0, 1], [1, 1, 1, 4], [1, -1, 1, 0]];
  const run = fakeRun("8B", "a", [], samples);
  const first = runProfile(run, 1);
  assert.equal(runProfile(run, 1), first);
  assert.deepEqual(runProfile(fakeRun("8B", "a", [], samples), 1), first); // another run object
  assert.notEqual(runProfile(run, 2), first);
});
