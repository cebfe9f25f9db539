import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { createDocument } from "../lib/figures/dom.ts";
import {
  modelIndexAxis,
  noDataText,
  strengthColorScale,
  strengthsOf,
} from "../lib/figures/marks.ts";

const document = createDocument();

Deno.test("noDataText lists missing models per concept panel", () => {
  const chart = Plot.plot({
    document,
    fx: { domain: ["a", "b"] },
    marks: [
      Plot.dot([{ concept: "a", x: 1 }], { fx: "concept", x: "x" }),
      noDataText([{ model: "4B", concept: "b" }, { model: "8B", concept: "b" }]),
    ],
  }) as unknown as Element;
  const texts = Array.from(chart.querySelectorAll('g[aria-label="text"] text')).map((t) =>
    t.textContent
  );
  assert.deepEqual(texts, ["no data: 4B, 8B"]);
});

Deno.test("strengthsOf sorts the distinct strengths; the colour scale keeps that order", () => {
  assert.deepEqual(
    strengthsOf([{ strength: 1 }, { strength: -1 }, { strength: 1 }, { strength: 0 }]),
    [-1, 0, 1],
  );
  const scale = strengthColorScale([-1, 0, 1]);
  assert.deepEqual(scale.domain, [-1, 0, 1]);
  assert.equal((scale.range as string[])[1], "#8c8c8c");
});

Deno.test("modelIndexAxis puts model i at x = i", () => {
  const axis = modelIndexAxis(["4B", "8B"]);
  assert.deepEqual(axis.domain, [-0.5, 1.5]);
  assert.deepEqual(axis.ticks, [0, 1]);
  assert.equal((axis.tickFormat as (i: number) => string)(1), "8B");
  assert.equal(axis.label, "Model");
});
