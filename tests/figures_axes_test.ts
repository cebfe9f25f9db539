import assert from "node:assert/strict";
import { axis, modelIndexAxis } from "../lib/figures/axes.ts";

Deno.test("axis centres its label, draws no arrow, and keeps extra options", () => {
  assert.deepEqual(axis("Layer", { grid: true }), {
    label: "Layer",
    labelAnchor: "center",
    labelArrow: "none",
    grid: true,
  });
});

Deno.test("modelIndexAxis puts model i at x = i", () => {
  const x = modelIndexAxis(["4B", "8B"]);
  assert.deepEqual(x.domain, [-0.5, 1.5]);
  assert.deepEqual(x.ticks, [0, 1]);
  assert.equal((x.tickFormat as (i: number) => string)(1), "8B");
  assert.equal((x.tickFormat as (i: number) => string)(5), "");
  assert.equal(x.label, "Model");
});
