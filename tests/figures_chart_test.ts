import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { CHART_STYLE, chartSize, plotChart } from "../lib/figures/chart.ts";
import { createDocument } from "../lib/figures/dom.ts";

Deno.test("chartSize: panels times the grid plus the room around; unset margins left out", () => {
  const size = chartSize({
    panel: { width: 150, height: 100 },
    columns: 2,
    rows: 3,
    around: { width: 70, height: 12 },
    margin: { left: 70, right: 10 },
  });
  assert.deepEqual(size, {
    style: CHART_STYLE,
    width: 2 * 150 + 70,
    height: 3 * 100 + 12,
    marginLeft: 70,
    marginRight: 10,
  });
  const one = chartSize({
    panel: { width: 5, height: 6 },
    around: { width: 1, height: 2 },
    margin: {},
  });
  assert.deepEqual([one.width, one.height], [6, 8]);
  assert.equal(Object.keys(one).some((k) => k.startsWith("margin")), false);
});

Deno.test("plotChart draws in the given document at the given size", () => {
  const chart = plotChart(createDocument(), {
    ...chartSize({
      panel: { width: 200, height: 100 },
      around: { width: 40, height: 30 },
      margin: {},
    }),
    marks: [Plot.dotX([1, 2, 3])],
  });
  assert.equal(chart.tagName.toLowerCase(), "svg");
  assert.deepEqual([chart.getAttribute("width"), chart.getAttribute("height")], ["240", "130"]);
  assert.equal(chart.querySelectorAll("circle").length, 3);
});
