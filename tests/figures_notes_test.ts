import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../lib/figures/chart.ts";
import { createDocument } from "../lib/figures/dom.ts";
import { conceptLayout } from "../lib/figures/layout.ts";
import { noDataText, panelNotes, zeroLine } from "../lib/figures/notes.ts";

const document = createDocument();

function texts(chart: Element): (string | null)[] {
  return Array.from(chart.querySelectorAll('g[aria-label="text"] text')).map((t) => t.textContent);
}

Deno.test("noDataText lists missing models per concept panel", () => {
  const chart = plotChart(document, {
    fx: { domain: ["a", "b"] },
    marks: [
      Plot.dot([{ concept: "a", x: 1 }], { fx: "concept", x: "x" }),
      noDataText([{ model: "4B", concept: "b" }, { model: "8B", concept: "b" }]),
    ],
  });
  assert.deepEqual(texts(chart), ["no data: 4B, 8B"]);
});

Deno.test("noDataText with byModel says 'no data' in each model x concept panel", () => {
  const chart = plotChart(document, {
    fx: { domain: ["a", "b"] },
    fy: { domain: ["4B", "8B"] },
    marks: [
      Plot.dot([{ concept: "a", model: "4B", x: 1 }], { fx: "concept", fy: "model", x: "x" }),
      noDataText([{ model: "4B", concept: "b" }, { model: "8B", concept: "b" }], {
        byModel: true,
      }),
    ],
  });
  assert.deepEqual(texts(chart), ["no data", "no data"]);
});

Deno.test("panelNotes adds the panel titles only when the layout wraps", () => {
  assert.equal(panelNotes(conceptLayout(["a", "b", "c"]))[1], null);
  assert.notEqual(panelNotes(conceptLayout(["a", "b", "c", "d"]))[1], null);
});

Deno.test("zeroLine: a dashed rule at 0, labelled, horizontal or vertical", () => {
  const chart = plotChart(document, {
    x: { domain: [-1, 1] },
    y: { domain: [-1, 1] },
    marks: [zeroLine(), zeroLine({ direction: "x", stroke: "red", strokeDasharray: "5,3" })],
  });
  const rules = Array.from(chart.querySelectorAll('g[aria-description="zero line"]'));
  assert.equal(rules.length, 2);
  assert.equal(rules[0].getAttribute("stroke"), "black");
  assert.equal(rules[0].getAttribute("stroke-dasharray"), "4,3");
  assert.equal(rules[0].getAttribute("aria-label"), "rule");
  const vertical = rules[1].querySelector("line")!;
  assert.equal(vertical.getAttribute("x1"), vertical.getAttribute("x2"));
  assert.equal(rules[1].getAttribute("stroke"), "red");
  assert.equal(rules[1].getAttribute("stroke-opacity"), "0.4");
});
