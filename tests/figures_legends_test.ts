import assert from "node:assert/strict";
import { createDocument } from "../lib/figures/dom.ts";
import { rampLegend, swatchLegend } from "../lib/figures/legends.ts";
import { textWidth } from "../lib/figures/theme.ts";

const document = createDocument();

Deno.test("swatchLegend draws a label, then a swatch and a name per item", () => {
  const legend = swatchLegend(document, "Strength", [
    { label: "-1", color: "blue" },
    { label: "deep", color: "red", shape: "line", dash: "6,3" },
  ]);
  assert.deepEqual(Array.from(legend.querySelectorAll("text")).map((t) => t.textContent), [
    "Strength",
    "-1",
    "deep",
  ]);
  assert.equal(legend.querySelector("rect")?.getAttribute("fill"), "blue");
  assert.equal(legend.querySelector("line")?.getAttribute("stroke-dasharray"), "6,3");
  assert.ok(Number(legend.getAttribute("width")) > textWidth("Strength-1deep", 11));
});

Deno.test("rampLegend draws the scale's label and a ramp of the requested width", () => {
  const color = { type: "diverging", scheme: "BuRd", pivot: 0, domain: [-2, 2], label: "Mean" };
  const legend = rampLegend(document, color as Parameters<typeof rampLegend>[1], { width: 300 });
  assert.equal(legend.getAttribute("width"), "300");
  const texts = Array.from(legend.querySelectorAll("text")).map((t) => t.textContent);
  assert.deepEqual(texts, ["\u22122", "\u22121", "0", "1", "2", "Mean"]);
  assert.equal(legend.querySelectorAll("image").length, 1);
  assert.equal(
    rampLegend(document, color as Parameters<typeof rampLegend>[1]).getAttribute("width"),
    "320",
  );
});
