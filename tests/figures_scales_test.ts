import assert from "node:assert/strict";
import {
  modelColorScale,
  strengthColorScale,
  strengthsOf,
  symmetricDivergingScale,
} from "../lib/figures/scales.ts";

Deno.test("strengthsOf sorts the distinct strengths; the colour scale keeps that order", () => {
  assert.deepEqual(
    strengthsOf([{ strength: 1 }, { strength: -1 }, { strength: 1 }, { strength: 0 }]),
    [-1, 0, 1],
  );
  const scale = strengthColorScale([-1, 0, 1]);
  assert.deepEqual(scale.domain, [-1, 0, 1]);
  assert.equal((scale.range as string[])[1], "#8c8c8c");
});

Deno.test("modelColorScale gives matplotlib's tab10 in model order, cycling past ten", () => {
  const models = Array.from({ length: 11 }, (_, i) => `m${i}`);
  const scale = modelColorScale(models);
  assert.equal(scale.type, "ordinal");
  assert.deepEqual((scale.range as string[]).slice(0, 2), ["#1f77b4", "#ff7f0e"]);
  assert.equal((scale.range as string[])[10], "#1f77b4");
});

Deno.test("symmetricDivergingScale: centred at 0, symmetric, at least minExtent wide", () => {
  const color = symmetricDivergingScale([-3, 1], { scheme: "BuRd", label: "Mean" });
  assert.deepEqual(color, {
    type: "diverging",
    scheme: "BuRd",
    pivot: 0,
    domain: [-3, 3],
    label: "Mean",
  });
  const small = symmetricDivergingScale([0.01], { scheme: "RdYlGn", label: "d", minExtent: 0.1 });
  assert.deepEqual(small.domain, [-0.1, 0.1]);
  assert.deepEqual(symmetricDivergingScale([], { scheme: "BuRd", label: "x" }).domain, [-0, 0]);
});
