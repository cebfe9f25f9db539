import assert from "node:assert/strict";
import { toDictionary } from "../lib/sweep/columns.ts";
import { dataQualityNote, otherAnswers } from "../lib/sweep/quality.ts";
import type { SweepRun } from "../lib/sweep/types.ts";

function runWith(answers: string[]): SweepRun {
  const n = answers.length;
  return {
    model: "4B",
    concept: "sycophancy",
    dir: "d",
    layers: [],
    samples: {
      length: n,
      layer: new Int32Array(n),
      strength: new Float64Array(n),
      prompt_idx: new Int32Array(n),
      matching_answer: toDictionary(answers),
      logprob_A: new Float64Array(n),
      logprob_B: new Float64Array(n),
      logit_diff_AB: new Float64Array(n),
      logit_diff_matching: new Float64Array(n),
    },
  };
}

Deno.test("otherAnswers counts answers that are not (A) or (B)", () => {
  const answers = toDictionary(["(A)", "(C)", "(C)", "(B)", "(F)"]);
  assert.deepEqual(otherAnswers(answers), new Map([["(C)", 2], ["(F)", 1]]));
  assert.equal(otherAnswers(toDictionary(["(A)", "(B)"])).size, 0);
});

Deno.test("dataQualityNote names the run, the counts and what is done", () => {
  assert.equal(dataQualityNote(runWith(["(A)", "(B)"]), "s.csv"), undefined);
  const note = dataQualityNote(runWith(["(A)", "(C)", "(D)", "(C)"]), "s.csv")!;
  assert.match(note, /^data quality: 4B\/sycophancy: s.csv: 3 of 4 rows/);
  assert.match(note, /\(C\) x2, \(D\) x1/);
  assert.match(note, /scored them as \(B\); kept/);
});
