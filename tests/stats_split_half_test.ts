import assert from "node:assert/strict";
import fc from "fast-check";
import { kernelReady } from "../lib/stats/difference_layout.ts";
import { promptMatrix } from "../lib/stats/prompt_matrix.ts";
import { splitHalfDelta } from "../lib/stats/split_half.ts";
import { fakeRun, type SampleTuple } from "./helpers/fake_sweep.ts";
import { completeMatrix, referenceSplitHalf } from "./helpers/reference_resampling.ts";

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

Deno.test("the kernels' split-half delta is the straightforward one, bit for bit", () => {
  const input = fc.record({
    L: fc.integer({ min: 1, max: 35 }),
    P: fc.integer({ min: 2, max: 40 }),
  }).chain(({ L, P }) =>
    fc.record({
      L: fc.constant(L),
      P: fc.constant(P),
      seed: fc.nat(),
      positive: fc.array(
        fc.oneof(fc.integer({ min: -2, max: 2 }), fc.double({ min: -9, max: 9, noNaN: true })),
        { minLength: L * P, maxLength: L * P },
      ),
      negative: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: L * P, maxLength: L * P }),
    })
  );
  fc.assert(
    fc.property(input, ({ L, P, seed, positive, negative }) => {
      const m = completeMatrix(Array.from({ length: L }, (_, l) => l), P, positive, negative);
      assert.ok(kernelReady(m));
      assert.ok(
        Object.is(splitHalfDelta(m, { splits: 15, seed }), referenceSplitHalf(m, 15, seed)),
      );
    }),
    { numRuns: 80 },
  );
});

Deno.test("a matrix with a missing cell takes the straightforward path, with the same result", () => {
  const samples: SampleTuple[] = [];
  for (let p = 0; p < 9; p++) {
    samples.push([1, 1, p, p % 4], [1, -1, p, 0], [2, 1, p, 3 - (p % 3)], [2, -1, p, 0]);
  }
  const m = promptMatrix(fakeRun("4B", "a", [], samples.slice(1)));
  assert.ok(!kernelReady(m));
  assert.ok(Object.is(splitHalfDelta(m, { splits: 30, seed: 3 }), referenceSplitHalf(m, 30, 3)));
});
