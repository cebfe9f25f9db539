import assert from "node:assert/strict";
import { strengthColor, strengthsOf } from "../lib/figures/scales.ts";

Deno.test("strengthsOf sorts the distinct strengths; the colour scale keeps that order", () => {
  assert.deepEqual(
    strengthsOf([{ strength: 1 }, { strength: -1 }, { strength: 1 }, { strength: 0 }]),
    [-1, 0, 1],
  );
  const scale = strengthColor([-1, 0, 1]);
  assert.deepEqual(scale.domain, [-1, 0, 1]);
  assert.equal((scale.range as string[])[1], "#8c8c8c");
});
