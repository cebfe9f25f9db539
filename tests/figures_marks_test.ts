import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { createDocument } from "../lib/figures/dom.ts";
import {
  conceptLayout,
  modelIndexAxis,
  noDataText,
  panelNotes,
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

Deno.test("conceptLayout wraps past three concepts; panelNotes adds titles only then", () => {
  const one = conceptLayout(["a", "b", "c"]);
  assert.deepEqual([one.rows, one.columns, one.titles], [1, 3, null]);
  assert.equal(panelNotes(one).length, 2);
  const wrapped = conceptLayout(["a", "b", "c", "d"]);
  assert.deepEqual([wrapped.rows, wrapped.columns], [2, 3]);
  const fx = wrapped.facet.fx as (d: { concept: string }) => number;
  const fy = wrapped.facet.fy as (d: { concept: string }) => number;
  assert.deepEqual([fx({ concept: "d" }), fy({ concept: "d" })], [0, 1]);
  assert.notEqual(panelNotes(wrapped)[1], null);
});
