import assert from "node:assert/strict";
import { promptMatrix } from "../lib/stats/prompt_matrix.ts";
import { splitHalfDelta } from "../lib/stats/split_half.ts";
import { fakeRun, type SampleTuple } from "./helpers/fake_sweep.ts";

Deno.test("without noise, the held-out delta is the planted one", () => {
  const samples: SampleTuple[] = [];
  for (let p = 0; p < 6; p++) {
    samples.push([1, 1, p, 3], [1, -1, p, 1], [2, 1, p, 0.5], [2, -1, p, 0.5]);
  }
  assert.equal(splitHalfDelta(promptMatrix(fakeRun("4B", "a", [], samples)), { splits: 20 }), 2);
});

Deno.test("the held-out delta falls below a noise peak the full data picks", () => {
  // layer 2 wins on prompts 0-1 only; on the other half it is 0
  const samples: SampleTuple[] = [];
  for (let p = 0; p < 4; p++) {
    samples.push([1, 1, p, 1], [1, -1, p, 0], [2, 1, p, p < 2 ? 4 : 0], [2, -1, p, 0]);
  }
  const matrix = promptMatrix(fakeRun("4B", "a", [], samples));
  const heldOut = splitHalfDelta(matrix, { splits: 50, seed: 2 });
  assert.ok(heldOut < 2, `${heldOut} is below the full-data maximum of 2`);
  assert.equal(splitHalfDelta(matrix, { splits: 50, seed: 2 }), heldOut, "reproducible");
});

Deno.test("fewer than two prompts give NaN", () => {
  const matrix = promptMatrix(fakeRun("4B", "a", [], [[1, 1, 0, 1], [1, -1, 0, 0]]));
  assert.ok(Number.isNaN(splitHalfDelta(matrix)));
});
