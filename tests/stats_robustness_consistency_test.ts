/**
 * robustness.json agrees with analysis_summary.json: a pair without +1 or -1 rows at its best
 * layer is missing in both (never d = 0), and with repeated (layer, strength, prompt_idx) rows
 * every row counts in both, so Cohen's d is the same number.
 */
import assert from "node:assert/strict";
import { analyse, analysisSummary } from "../lib/stats/analysis.ts";
import { bootstrapBestLayer } from "../lib/stats/bootstrap.ts";
import { cohensD } from "../lib/stats/effect_sizes.ts";
import { mean } from "../lib/stats/describe.ts";
import * as matrices from "../lib/stats/prompt_matrix.ts";
import { robustness } from "../lib/stats/robustness_sweep.ts";
import { fakeRun, fakeSweep, type SampleTuple } from "./helpers/fake_sweep.ts";

/** Rows of layers 0..2, prompts 0..5, strengths -1/0/+1; `skip` drops some. */
function rows(skip: (layer: number, strength: number) => boolean = () => false): SampleTuple[] {
  const out: SampleTuple[] = [];
  for (const layer of [0, 1, 2]) {
    for (const strength of [-1, 0, 1]) {
      for (let p = 0; p < 6; p++) {
        if (!skip(layer, strength)) {
          out.push([layer, strength, p, strength * (layer + 1) + Math.sin(7 * p + layer) * 2]);
        }
      }
    }
  }
  return out;
}

const LAYERS: Array<[number, number]> = [[0, 1], [1, 3], [2, 2]]; // best layer 1

Deno.test("a pair with no +1 (or no -1) rows at its best layer is missing in robustness too", () => {
  const sweep = fakeSweep(
    [
      fakeRun("4B", "a", LAYERS, rows()),
      fakeRun("4B", "b", LAYERS, rows((l, s) => l === 1 && s === 1)),
      fakeRun("4B", "c", LAYERS, rows((l, s) => l === 1 && s === -1)),
    ],
    ["4B"],
    ["a", "b", "c"],
    { "4B": 36 },
  );
  const analysis = analyse(sweep);
  const summary = analysisSummary(analysis);
  assert.deepEqual(summary.missing_pairs, [
    { model: "4B", concept: "b" },
    { model: "4B", concept: "c" },
  ]);
  const records = robustness(sweep, analysis.bestLayers, { resamples: 50, seed: 1 });
  assert.deepEqual(records.map((r) => r.concept), ["a"]);
  assert.ok(records.every((r) => r.cohens_d !== 0));
});

/** Rows with some (layer, strength, prompt) keys repeated with other values. */
function duplicated(): SampleTuple[] {
  const base = rows();
  const extra: SampleTuple[] = base
    .filter(([layer, , p]) => p % 2 === 0 && layer !== 2)
    .map(([layer, strength, p, x]) => [layer, strength, p, x + 3 * strength + 1]);
  return [...base.slice(0, 20), ...extra, ...base.slice(20)];
}

Deno.test("duplicated rows: robustness' Cohen's d is the summary's (every row counts)", () => {
  const samples = duplicated();
  const sweep = fakeSweep([fakeRun("4B", "a", LAYERS, samples)], ["4B"], ["a"], { "4B": 36 });
  const analysis = analyse(sweep);
  const [record] = robustness(sweep, analysis.bestLayers, { resamples: 50, seed: 1 });
  assert.equal(record.best_layer, 1);
  assert.equal(record.cohens_d, analysis.effectSizes[0].cohens_d);
  const at = (s: number) => samples.filter(([l, st]) => l === 1 && st === s).map((r) => r[3]);
  assert.equal(at(1).length, 9); // 6 prompts + 3 repeated
  assert.ok(Math.abs(record.cohens_d - cohensD(at(1), at(-1))) < 1e-12);
});

Deno.test("duplicated rows: the matrix means, variances and bootstrap count every row", () => {
  const samples = duplicated();
  const run = fakeRun("4B", "a", LAYERS, samples);
  const matrix = matrices.promptMatrix(run);
  assert.ok(matrix.repeated && !matrix.difference);
  const ones = new Float64Array(matrix.prompts.length).fill(1);
  const deltas = matrices.layerDeltas(matrix, ones);
  for (const layer of [0, 1, 2]) {
    const at = (s: number) => samples.filter(([l, st]) => l === layer && st === s).map((r) => r[3]);
    assert.ok(Math.abs(deltas[layer] - (mean(at(1)) - mean(at(-1)))) < 1e-12, `layer ${layer}`);
    const sd = Math.sqrt(matrices.strengthVariance(matrix, "positive", layer, ones));
    const expected = Math.sqrt(
      at(1).reduce((s, x) => s + (x - mean(at(1))) ** 2, 0) / (at(1).length - 1),
    );
    assert.ok(Math.abs(sd - expected) < 1e-12);
  }
  const boot = bootstrapBestLayer(matrix, { resamples: 200, seed: 2 });
  assert.ok(boot.cohensDCi[0] <= boot.cohensDCi[1]);
  assert.ok(boot.ci[0] <= deltas[1] + 1e-9 && deltas[1] <= boot.ci[1] + 1e-9);
});

Deno.test("without duplicates the matrix is the plain one (no repeated sums)", () => {
  const matrix = matrices.promptMatrix(fakeRun("4B", "a", LAYERS, rows()));
  assert.equal(matrix.repeated, undefined);
  assert.ok(matrix.difference);
});
