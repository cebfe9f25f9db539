import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { zeroLine } from "../lib/figures/notes.ts";
import { theme } from "../lib/figures/theme.ts";

Deno.test("zeroLine: a dashed rule at 0, described as the zero line, horizontal or vertical", () => {
  const chart = Plot.plot({
    ...theme({ height: 200 }),
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
