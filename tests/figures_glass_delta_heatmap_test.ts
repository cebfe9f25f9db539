import assert from "node:assert/strict";
import { csvParse } from "d3-dsv";
import { createDocument } from "../lib/figures/dom.ts";
import { GLASS_DELTA, glassDeltaHeatmap, glassTitle } from "../lib/figures/glass_delta_heatmap.ts";
import { effectColor } from "../lib/figures/effect_size_heatmap.ts";
import { markElements } from "./helpers/small_analysis.ts";

/** The author's Glass's delta on the six-model sweep, written by pandas (17 pairs; 235B-A22B has
 * no sycophancy run). */
const REFERENCE = csvParse(
  await Deno.readTextFile("tests/fixtures/reference/author_6x3/glass_delta.csv"),
).map((r) => ({
  model: r.model!,
  concept: r.concept!,
  glass_delta: Number(r.glass_delta),
  delta: Number(r.delta),
  std_negative: Number(r.std_negative),
}));
const MODELS = ["4B", "8B", "14B", "30B-A3B", "32B", "235B-A22B"];
const CONCEPTS = ["corrigible", "self_awareness", "sycophancy"];
const CONCEPT_TITLES: Record<string, string> = {
  Corrigible: "corrigible",
  "Self Awareness": "self_awareness",
  Sycophancy: "sycophancy",
};
const MISSING = [{ model: "235B-A22B", concept: "sycophancy" }];

/** The text of a mark element, without its hover `<title>`. */
function ownText(el: Element): string {
  return Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent)
    .join("");
}

const figure = glassDeltaHeatmap(REFERENCE, {
  document: createDocument(),
  models: MODELS,
  concepts: CONCEPTS,
  missing: MISSING,
});

Deno.test("glassDeltaHeatmap prints the author's Glass's delta, 2 decimals, in each cell", () => {
  assert.equal(
    figure.querySelector("h2")?.textContent,
    "Steering Effect Size (Glass's Delta) at Best Layers",
  );
  const texts = markElements(figure, "text").filter((t) => t.querySelector("title"));
  assert.equal(texts.length, 17);
  const printed = new Map(texts.map((t) => [t.querySelector("title")!.textContent, ownText(t)]));
  // Hand-rounded from glass_delta.csv: 14B corrigible 2.4247, 8B sycophancy 0.5794.
  assert.equal(printed.get(glassTitle(REFERENCE[0])), "2.42");
  assert.equal(printed.get(glassTitle(REFERENCE[16])), "0.58");
  for (const r of REFERENCE) assert.equal(printed.get(glassTitle(r)), r.glass_delta.toFixed(2));
});

Deno.test("each cell's hover text names its model and concept and carries its value", () => {
  const cells = markElements(figure, "cell");
  assert.equal(cells.length, 17);
  const titles = cells.map((c) => c.querySelector("title")?.textContent ?? "");
  assert.ok(titles.includes(
    "14B · Corrigible\nbest layer, strength +1.0 vs \u22121.0\n" +
      "Glass's delta 2.42 (delta 10.26 / SD at \u22121.0 4.23)",
  ));
  const shown = titles.map((t) => {
    const m = /^(\S+) · (.+)\n.*\nGlass's delta ([\d.]+) \(delta ([\d.]+) \//.exec(t);
    assert.ok(m, t);
    return { model: m[1], concept: CONCEPT_TITLES[m[2]], value: Number(m[3]), delta: Number(m[4]) };
  });
  for (const r of REFERENCE) {
    const cell = shown.find((s) => s.model === r.model && s.concept === r.concept);
    assert.ok(cell, `${r.model}/${r.concept} has no cell`);
    assert.ok(Math.abs(cell.value - r.glass_delta) <= 0.005 + 1e-9, `${r.model}/${r.concept}`);
    assert.ok(Math.abs(cell.delta - r.delta) <= 0.005 + 1e-9, `${r.model}/${r.concept}`);
  }
  assert.ok(!titles.some((t) => t.startsWith("235B-A22B · Sycophancy")));
});

Deno.test("the missing pair and a pair without a value say 'no data'", () => {
  const notes = markElements(figure, "text").filter((t) => !t.querySelector("title"));
  assert.deepEqual(notes.map(ownText), ["no data"]);
  const noSpread = [...REFERENCE, { model: "235B-A22B", concept: "sycophancy", glass_delta: NaN }];
  const fig = glassDeltaHeatmap(noSpread, {
    document: createDocument(),
    models: MODELS,
    concepts: CONCEPTS,
  });
  assert.equal(markElements(fig, "cell").length, 17);
  const texts = markElements(fig, "text").map(ownText);
  assert.equal(texts.filter((t) => t === "no data").length, 1);
  assert.ok(!texts.includes("NaN"));
});

Deno.test("the colour ramp is Glass's delta, symmetric about 0 over the values drawn", () => {
  const color = effectColor(REFERENCE, GLASS_DELTA);
  const max = Math.max(...REFERENCE.map((r) => r.glass_delta)); // 14B corrigible, 2.4247
  assert.deepEqual([color.label, color.pivot, color.domain], ["Glass's delta", 0, [-max, max]]);
  assert.ok(Math.abs(max - 2.4246720541568627) < 1e-12);
});
