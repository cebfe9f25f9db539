/** The kit's model colours: keyed by model name, whatever subset or order is loaded. */
import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { rasterize } from "../lib/export/png.ts";
import { standaloneSvg } from "../lib/export/svg.ts";
import {
  conceptFacet,
  modelColor,
  modelColorOf,
  modelColorsByName,
  theme,
} from "../lib/figures/kit.ts";
import { MODEL_PALETTE, OTHER_MODEL_PALETTE, QWEN3_COLOR_SLOTS } from "../lib/figures/theme.ts";
import { decodePng } from "./helpers/png.ts";

const KNOWN = ["0.6B", "1.7B", "4B", "8B", "14B", "32B", "30B-A3B", "235B-A22B"];

Deno.test("the original's four models keep matplotlib's first four colours", () => {
  assert.deepEqual(["4B", "8B", "14B", "32B"].map(modelColorOf), [
    "#1f77b4", // blue
    "#ff7f0e", // orange
    "#2ca02c", // green
    "#d62728", // red
  ]);
});

Deno.test("every known Qwen3 model has its own tab10 slot", () => {
  assert.deepEqual(Object.keys(QWEN3_COLOR_SLOTS).sort(), [...KNOWN].sort());
  const colors = KNOWN.map(modelColorOf);
  assert.equal(new Set(colors).size, KNOWN.length);
  assert.ok(colors.every((c) => MODEL_PALETTE.includes(c)));
  assert.ok(colors.every((c) => !OTHER_MODEL_PALETTE.includes(c)), "no unknown name can take one");
});

Deno.test("a model's colour does not depend on which models are loaded, nor their order", () => {
  const names = [...KNOWN, "Llama-3.1-8B", "gemma-2-9b"];
  const subsets = [["8B", "32B"], ["32B", "8B"], ["8B"], names, [...names].reverse(), [
    "gemma-2-9b",
    "14B",
  ]];
  for (const models of subsets) {
    assert.deepEqual(modelColor(models).range, models.map(modelColorOf), models.join(","));
  }
  assert.equal([...modelColor(["8B", "32B"]).range!][0], "#ff7f0e"); // orange, not blue
});

Deno.test("an unknown name gets the same colour on every run, from its name", () => {
  assert.equal(modelColorOf("Llama-3.1-8B"), "#f7b6d2"); // pinned: FNV-1a of the name
  assert.equal(modelColorOf("gemma-2-9b"), "#c49c94");
  assert.ok(OTHER_MODEL_PALETTE.includes(modelColorOf("some-model")));
});

Deno.test("two unknown names of one figure never share a colour", () => {
  assert.equal(modelColorOf("model-4"), modelColorOf("model-8")); // a collision of the hash
  const colors = modelColorsByName(["model-8", "4B", "model-4"]);
  assert.equal(colors[2], modelColorOf("model-4")); // the first in name order keeps its colour
  assert.notEqual(colors[0], colors[2]);
  assert.equal(colors[1], "#1f77b4");
  const many = Array.from({ length: OTHER_MODEL_PALETTE.length }, (_, i) => `model-${i}`);
  assert.equal(new Set(modelColorsByName(many)).size, many.length);
});

Deno.test("modelColor is a Plot ordinal scale with its legend; extra options override", () => {
  const color = modelColor(["4B", "32B"]);
  assert.deepEqual(
    [color.type, color.domain, color.legend, color.label],
    ["ordinal", ["4B", "32B"], true, "Model"],
  );
  assert.deepEqual(modelColor(["4B"], { legend: false, label: "LLM" }).label, "LLM");
});

Deno.test("a facetted line chart: each model's line and swatch in its colour, to the PNG", () => {
  const models = ["32B", "8B"]; // not in the original's order, and without 4B
  const rows = models.flatMap((model, m) =>
    ["corrigible", "self_awareness"].flatMap((concept) =>
      Array.from({ length: 8 }, (_, layer) => ({ model, concept, layer, delta: layer * (m + 1) }))
    )
  );
  const figure = Plot.plot({
    ...theme({ height: 240 }),
    fx: conceptFacet(["corrigible", "self_awareness"]),
    color: modelColor(models),
    marks: [Plot.lineY(rows, { fx: "concept", x: "layer", y: "delta", stroke: "model" })],
  }) as unknown as Element;
  const strokes = Array.from(figure.querySelectorAll('g[aria-label="line"] path'))
    .map((p) => p.getAttribute("stroke"));
  assert.deepEqual(strokes.sort(), ["#d62728", "#d62728", "#ff7f0e", "#ff7f0e"]);
  const svg = standaloneSvg(figure);
  assert.match(svg, />32B<\/text>/);
  assert.match(svg, />8B<\/text>/);
  assert.match(svg, /font-size="12"/); // the kit's legend style: labels at the figures' size
  const png = decodePng(rasterize(svg, 1));
  const count = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    let n = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      if (png.rgba[i] === r && png.rgba[i + 1] === g && png.rgba[i + 2] === b) n++;
    }
    return n;
  };
  assert.ok(count("#d62728") > 225, "red: the 32B swatch (15 x 15) and lines");
  assert.ok(count("#ff7f0e") > 225, "orange: the 8B swatch and lines");
  assert.equal(count("#1f77b4"), 0, "no blue: 4B is not loaded");
});
