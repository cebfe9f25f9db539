/** The kit's "no data" notes: one in the middle of each panel whose pair has no data. */
import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { rasterize } from "../lib/export/png.ts";
import { standaloneSvg } from "../lib/export/svg.ts";
import {
  conceptFacet,
  modelColor,
  modelFacet,
  type NoDataNote,
  noDataNotes,
  theme,
} from "../lib/figures/kit.ts";
import { decodePng } from "./helpers/png.ts";

const MODELS = ["4B", "32B"], CONCEPTS = ["corrigible", "sycophancy"];
const MISSING = [{ model: "32B", concept: "sycophancy" }];
/** Every pair but the missing one: a value per layer. */
const ROWS = MODELS.flatMap((model) =>
  CONCEPTS.flatMap((concept) =>
    MISSING.some((p) => p.model === model && p.concept === concept)
      ? []
      : [0, 1, 2, 3].map((layer) => ({ model, concept, layer, delta: layer + 1 }))
  )
);

function grid(notes: Plot.Markish): Element {
  return Plot.plot({
    ...theme({ width: 600, height: 300, marginRight: 60 }),
    fx: conceptFacet(CONCEPTS),
    fy: modelFacet(MODELS),
    marks: [
      Plot.frame(),
      Plot.lineY(ROWS, { fx: "concept", fy: "model", x: "layer", y: "delta" }),
      notes,
    ],
  }) as unknown as Element;
}

/** The notes' texts and their panels' offsets (the facet `<g>`'s translation). */
function notes(chart: Element) {
  return Array.from(chart.querySelectorAll('g[aria-label="text"] text'), (t) => ({
    text: t.textContent,
    panel: t.parentElement?.getAttribute("transform") ?? "",
    at: t.getAttribute("transform") ?? `translate(${t.getAttribute("x")},${t.getAttribute("y")})`,
  }));
}

Deno.test("'no data' in the middle of the missing model x concept panel only", () => {
  const chart = grid(noDataNotes(MISSING, { fx: "concept", fy: "model" }));
  const [note, ...others] = notes(chart);
  assert.equal(others.length, 0);
  assert.equal(note.text, "no data");
  // in the panel of 32B (second row) x sycophancy (second column): the right column and the
  // bottom row of the panels the lines are drawn in
  const panels = Array.from(
    chart.querySelectorAll('g[aria-label="line"] > g'),
    (g) => /translate\(([\d.]+),([\d.]+)\)/.exec(g.getAttribute("transform")!)!.slice(1),
  );
  assert.equal(panels.length, 3); // 4B x corrigible, 4B x sycophancy, 32B x corrigible
  const [right, bottom] = [0, 1].map((k) => Math.max(...panels.map((p) => Number(p[k]))));
  assert.equal(note.panel, `translate(${right},${bottom})`);
  // centred in its panel
  const scale = (name: string) => (chart as unknown as Plot.Plot).scale(name as Plot.ScaleName)!;
  const [fx, fy] = [scale("fx"), scale("fy")];
  const options = theme();
  const x = options.marginLeft! + fx.bandwidth! / 2, y = options.marginTop! + fy.bandwidth! / 2;
  assert.equal(note.at, `translate(${x},${y})`);
});

Deno.test("pairs of one panel make one note, which lists them", () => {
  const missing = [{ model: "4B", concept: "sycophancy" }, { model: "32B", concept: "sycophancy" }];
  const chart = Plot.plot({
    ...theme({ height: 200 }),
    fx: conceptFacet(CONCEPTS),
    marks: [
      Plot.lineY(ROWS.filter((r) => r.concept === "corrigible"), {
        fx: "concept",
        x: "layer",
        y: "delta",
      }),
      noDataNotes(missing, { fx: "concept" }, {
        text: (d: NoDataNote) => `no data: ${d.models.join(", ")}`,
        frameAnchor: "top-left",
      }),
    ],
  }) as unknown as Element;
  assert.deepEqual(notes(chart).map((n) => n.text), ["no data: 4B, 32B"]);
});

Deno.test("a missing concept (no model) gets its note; no notes, no mark", () => {
  const chart = Plot.plot({
    ...theme({ height: 200 }),
    fx: conceptFacet([...CONCEPTS, "honesty"]),
    marks: [
      Plot.dot(ROWS, { fx: "concept", x: "layer", y: "delta" }),
      noDataNotes([{ concept: "honesty" }], { fx: "concept" }),
    ],
  }) as unknown as Element;
  assert.deepEqual(notes(chart).map((n) => n.text), ["no data"]);
  assert.equal(notes(grid(noDataNotes([], { fx: "concept", fy: "model" }))).length, 0);
});

Deno.test("the missing pair draws no line (not a line at 0) and its note reaches the PNG", () => {
  const chart = Plot.plot({
    ...theme({ height: 220 }),
    fx: conceptFacet(CONCEPTS),
    color: modelColor(MODELS),
    marks: [
      Plot.lineY(ROWS, { fx: "concept", x: "layer", y: "delta", stroke: "model" }),
      noDataNotes(MISSING, { fx: "concept" }, {
        text: (d: NoDataNote) => `no data: ${d.models.join(", ")}`,
        frameAnchor: "top-left",
        dx: 6,
        dy: 6,
      }),
    ],
  }) as unknown as Element;
  const lines = Array.from(chart.querySelectorAll('g[aria-label="line"] path'));
  assert.equal(lines.length, 3); // 4B twice, 32B in corrigible only
  const svg = standaloneSvg(chart);
  assert.match(svg, />no data: 32B<\/text>/);
  const png = decodePng(rasterize(svg, 1));
  let gray = 0;
  for (let i = 0; i < png.rgba.length; i += 4) {
    if (png.rgba[i] === 0x88 && png.rgba[i + 1] === 0x88 && png.rgba[i + 2] === 0x88) gray++;
  }
  assert.ok(gray > 20, `the note's gray text: ${gray} px`);
});
