import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../lib/figures/chart.ts";
import { composeFigure } from "../lib/figures/compose.ts";
import { swatchLegend } from "../lib/figures/legends.ts";
import { createDocument } from "../lib/figures/dom.ts";

const document = createDocument();

Deno.test("composeFigure stacks title, subtitle, legends and charts", () => {
  const chart = plotChart(document, { marks: [Plot.dotX([1])] });
  const legend = swatchLegend(document, "Model", [{ label: "4B", color: "red" }]);
  const fig = composeFigure(document, {
    title: "T",
    subtitle: "S",
    legends: [legend],
    charts: [chart],
  });
  assert.deepEqual(Array.from(fig.children).map((c) => c.tagName.toLowerCase()), [
    "h2",
    "h3",
    "div",
    "svg",
  ]);
  assert.equal(fig.querySelector("h2")?.textContent, "T");
  assert.equal(composeFigure(document, { title: "T", charts: [] }).children.length, 1);
});

Deno.test("composeFigure puts further legend rows below the first, skipping empty ones", () => {
  const legend = (label: string) => swatchLegend(document, label, [{ label, color: "red" }]);
  const fig = composeFigure(document, {
    title: "T",
    legends: [legend("Model")],
    legendRows: [[], [legend("Training"), legend("Architecture")]],
    charts: [],
  });
  const rows = Array.from(fig.querySelectorAll("div.sweep-legends"));
  assert.deepEqual(
    rows.map((r) => Array.from(r.querySelectorAll("text"), (t) => t.textContent).join(" ")),
    ["Model Model", "Training Training Architecture Architecture"],
  );
});
