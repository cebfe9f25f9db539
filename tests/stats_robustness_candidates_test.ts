/**
 * The robustness records and model contrasts under a best-layer rule with candidate layers
 * (`candidates` of robustness(), modelContrasts() and run_analysis.ts): with every layer a
 * candidate they are the records of no candidates, bit for bit; with some, every layer chosen
 * (best, held-out, contrasts') is a candidate, on the kernel path and the straightforward one;
 * a planted peak outside the candidates is not chosen; a pair without candidates has no record.
 */
import assert from "node:assert/strict";
import { analyse } from "../lib/stats/analysis.ts";
import { bestLayers } from "../lib/stats/best_layers.ts";
import { bestAmong, type CandidateLayer } from "../lib/stats/candidates.ts";
import { kernelReady } from "../lib/stats/difference_layout.ts";
import { modelContrasts } from "../lib/stats/model_contrast.ts";
import { promptMatrix } from "../lib/stats/prompt_matrix.ts";
import type { RobustnessRecord } from "../lib/stats/robustness.ts";
import { robustness } from "../lib/stats/robustness_sweep.ts";
import { analyseRun, contrastsOfRuns, recordsOf } from "../lib/stats/run_analysis.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import type { Sweep, SweepRun } from "../lib/sweep/types.ts";
import { loadTempSweep } from "./helpers/temp_sweep.ts";

const OPTIONS = { resamples: 100, splits: 10, seed: 5 };
const sweep = await loadSweep("results/logit_diff_sweep");
const summaries = analyse(sweep).layerSummaries;

/** The sweep with one value of each run missing: no run takes the kernel path. */
function incomplete(s: Sweep): Sweep {
  const runs = s.runs.map((run): SweepRun => {
    const logit_diff_matching = run.samples.logit_diff_matching.slice();
    logit_diff_matching[0] = NaN;
    return { ...run, samples: { ...run.samples, logit_diff_matching } };
  });
  return { ...s, runs };
}

/** Whether `layer` is a candidate of the pair. */
const isCandidate =
  (candidates: readonly CandidateLayer[], model: string, concept: string) => (layer: number) =>
    candidates.some((d) => d.model === model && d.concept === concept && d.layer === layer);

/** Every layer of the records and contrasts is a candidate of its pair. */
function assertAmong(
  candidates: readonly CandidateLayer[],
  records: RobustnessRecord[],
  s: Sweep,
): void {
  for (const r of records) {
    const among = isCandidate(candidates, r.model, r.concept);
    assert.ok(among(r.best_layer) && among(r.held_out_layer), `${r.model}/${r.concept}`);
  }
  for (const c of modelContrasts(s, records, { seed: OPTIONS.seed, candidates })) {
    assert.ok(isCandidate(candidates, c.model_a, c.concept)(c.layer_a));
    assert.ok(isCandidate(candidates, c.model_b, c.concept)(c.layer_b));
  }
}

Deno.test("every layer a candidate: the records and contrasts of no candidates, bit for bit", async () => {
  const moe = await loadSweep("tests/fixtures/logit_diff_sweep_moe");
  for (const s of [sweep, incomplete(sweep), moe]) {
    const candidates = analyse(s).layerSummaries;
    const records = robustness(s, bestLayers(s), OPTIONS);
    assert.deepEqual(robustness(s, bestAmong(candidates), { ...OPTIONS, candidates }), records);
    const contrasts = modelContrasts(s, records, { seed: OPTIONS.seed });
    assert.deepEqual(modelContrasts(s, records, { seed: 5, candidates }), contrasts);
    const analyses = s.runs.map((run) => analyseRun(run, { ...OPTIONS, candidates }));
    assert.deepEqual(analyses, s.runs.map((run) => analyseRun(run, OPTIONS)));
    assert.deepEqual(recordsOf(s, analyses, candidates), records);
    assert.deepEqual(contrastsOfRuns(s, analyses, OPTIONS.seed, candidates), contrasts);
  }
  assert.ok(kernelReady(promptMatrix(sweep.runs[0])));
  assert.ok(!kernelReady(promptMatrix(incomplete(sweep).runs[0])));
});

Deno.test("some layers: every layer chosen is a candidate, kernel path and plain path", () => {
  const candidates = summaries.filter((d) => d.layer_frac >= 0.6 && d.layer_frac <= 0.9);
  for (const s of [sweep, incomplete(sweep)]) {
    const records = robustness(s, bestAmong(candidates), { ...OPTIONS, candidates });
    assert.equal(records.length, 12);
    assertAmong(candidates, records, s);
    const analyses = s.runs.map((run) => analyseRun(run, { ...OPTIONS, candidates }));
    assert.deepEqual(recordsOf(s, analyses, candidates), records); // the workers' way too
    assert.deepEqual(
      contrastsOfRuns(s, analyses, OPTIONS.seed, candidates),
      modelContrasts(s, records, { seed: OPTIONS.seed, candidates }),
    );
  }
  // the kernel path and the straightforward one choose the same layers here
  const kernel = robustness(sweep, bestAmong(candidates), { ...OPTIONS, candidates });
  const plain = robustness(incomplete(sweep), bestAmong(candidates), { ...OPTIONS, candidates });
  assert.deepEqual(kernel.map((r) => r.best_layer), plain.map((r) => r.best_layer));
});

Deno.test("one candidate per pair: it is every resample's and every half's layer", () => {
  const best = bestLayers(sweep);
  const candidates = summaries.filter((d) =>
    best.some((b) => b.model === d.model && b.concept === d.concept && d.layer === b.layer + 2)
  );
  const records = robustness(sweep, bestAmong(candidates), { ...OPTIONS, candidates });
  assert.equal(records.length, candidates.length);
  assert.ok(candidates.length >= 10); // the pairs whose best layer + 2 was swept
  for (const r of records) {
    assert.ok(isCandidate(candidates, r.model, r.concept)(r.best_layer));
    assert.equal(r.layer_stability, 1);
    assert.equal(r.held_out_layer, r.best_layer);
    assert.ok(r.ci_low <= r.best_delta && r.best_delta <= r.ci_high);
    assert.equal(r.p_selection, r.p_holm); // one layer searched: nothing to correct for
  }
});

Deno.test("a planted peak outside the candidates: the best layer is the candidates' best", async () => {
  const s = await loadTempSweep({
    models: [{ label: "4B", layers: 36 }, { label: "8B", layers: 36 }],
    concepts: ["a", "b"],
    prompts: 60,
    effect: 6, // at layer 18, half the depth
    seed: 11,
  });
  const all = robustness(s, bestLayers(s), OPTIONS);
  assert.ok(all.every((r) => Math.abs(r.best_layer - 18) <= 1 && r.ci_low > 4));
  const candidates = analyse(s).layerSummaries.filter((d) => d.layer_frac >= 0.7);
  const records = robustness(s, bestAmong(candidates), { ...OPTIONS, candidates });
  assert.equal(records.length, 4);
  for (const r of records) {
    assert.ok(r.best_layer >= 26 && r.held_out_layer >= 26, `${r.best_layer} ${r.held_out_layer}`);
    // the intervals of the candidates' (noise) maximum, not of the peak (about 6)
    assert.ok(r.best_delta < 1 && r.ci_high < 2, `${r.best_delta}: ${r.ci_low} ${r.ci_high}`);
    assert.ok(Math.abs(r.split_half_delta) < 1 && r.held_out_ci_low < 1);
  }
  assertAmong(candidates, records, s);
  // the report's case: the best layers of one rule, the resampling of another, refused
  assert.throws(() => robustness(s, bestLayers(s), { ...OPTIONS, candidates }), /candidate/);
  assert.throws(() => robustness(s, bestAmong(candidates), OPTIONS), /no candidates given/);
});

Deno.test("a pair with no candidate layer with data has no record, as a pair with no data", () => {
  const [model, concept] = ["8B", "sycophancy"];
  const others = summaries.filter((d) => d.model !== model || d.concept !== concept);
  const without = {
    ...sweep,
    runs: sweep.runs.filter((r) => r.model !== model || r.concept !== concept),
  };
  const expected = robustness(without, bestAmong(others), { ...OPTIONS, candidates: others });
  assert.equal(expected.length, 11);
  const nowhere = [...others, { model, concept, layer: 99 }]; // a layer the run does not have
  for (const candidates of [others, nowhere]) {
    assert.deepEqual(robustness(sweep, bestAmong(others), { ...OPTIONS, candidates }), expected);
    const analyses = sweep.runs.map((run) => analyseRun(run, { ...OPTIONS, candidates }));
    const i = sweep.runs.findIndex((r) => r.model === model && r.concept === concept);
    assert.deepEqual(analyses[i], {});
    assert.deepEqual(recordsOf(sweep, analyses, candidates), expected);
  }
});

Deno.test("records of another rule are refused, and the options cross to workers", () => {
  const candidates = summaries.filter((d) => d.layer_frac >= 0.6);
  const analyses = sweep.runs.map((run) => analyseRun(run, OPTIONS)); // every layer
  assert.throws(() => recordsOf(sweep, analyses, candidates), /another best-layer rule/);
  assert.throws(() => contrastsOfRuns(sweep, analyses, 5, candidates), /another best-layer rule/);
  const run = sweep.runs[0], options = { ...OPTIONS, candidates };
  assert.deepEqual(analyseRun(run, structuredClone(options)), analyseRun(run, options));
});
