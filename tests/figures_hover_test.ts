/**
 * Hover text: every data mark of every figure the notebook saves carries a native `<title>`
 * (Plot's `title` channel) in the exported SVG, naming its model and concept (as a title, "Self
 * Awareness") and giving its value (strengths as "+1.0"); a curve's points give their model,
 * layer and delta, checked against the data.
 */
import assert from "node:assert/strict";
import { csvParse } from "d3-dsv";
import { conceptTitle } from "../lib/figures/theme.ts";
import {
  DEFAULT_DATA,
  FIGURE_NAMES,
  type NotebookOutputs,
  notebookOutputs,
} from "./helpers/figure_svgs.ts";
import { chartShapes, isDataMark, svgTexts } from "./helpers/svg_geometry.ts";

let run: Promise<NotebookOutputs> | undefined;
/** The default data's figures and files, from one run of the notebook (made when first needed). */
const defaultOutputs = () => run ??= notebookOutputs(DEFAULT_DATA);

/**
 * Marks that the notebook's figure cells draw without a `title` channel (no hover text), by
 * figure: known gaps, reported to the notebook's owner. The test fails when another mark loses
 * its titles, and when one of these gains them (then remove it from here).
 */

Deno.test("every data mark has hover text", async () => {
  const { figures } = await defaultOutputs();
  assert.deepEqual(figures.map((f) => f.name), [...FIGURE_NAMES]);
  const untitled: Record<string, string[]> = {};
  for (const { name, svg } of figures) {
    assert.ok(!svg.includes('aria-label="tip"'), `${name}: an empty tip group`);
    const data = chartShapes(svg).filter(isDataMark);
    assert.ok(data.length > 0, `${name}: no data marks`);
    const marks = [...new Set(data.filter((s) => s.title === "").map((s) => s.mark))].sort();
    if (marks.length > 0) untitled[name] = marks;
  }
  assert.deepEqual(untitled, {});
});

Deno.test("each hover text names its model and concept first, and gives a value", async () => {
  const { figures, files } = await defaultOutputs();
  const pairs = csvParse(files.get("best_layers.csv")!);
  const models = new Set(pairs.map((d) => d.model)),
    concepts = new Set(pairs.map((d) => conceptTitle(d.concept)));
  const number = /-?\d+\.\d+/;
  for (const { name, svg } of figures) {
    for (const shape of chartShapes(svg).filter((s) => isDataMark(s) && s.title !== "")) {
      const where = `${name}: ${shape.mark} ${shape.tag} titled "${shape.title}"`;
      // Concepts as titles, strengths as the legends write them ("\u22121.0", "0.0", "+1.0").
      assert.ok(!shape.title.includes("self_awareness"), where);
      for (const [, strength] of shape.title.matchAll(/strength ([^\s:,]+)/g)) {
        assert.match(strength, /^([\u2212+]\d|0)\.\d$/, where);
      }
      // One pair, named by the figure's title ("14B - Corrigible"): its cells give layer and strength.
      if (name === "heatmap_single_example") {
        assert.match(shape.title, /^layer \d+, strength [\u2212+]?\d\.\d: -?\d+\.\d{3}$/, where);
        continue;
      }
      // Cohen's d by group: a model's mean over its concepts, a group's over its pairs.
      if (name === "cohens_d_by_group" && shape.mark === "tick") {
        const [, model] = /^(\S+): mean d -?\d+\.\d\d$/.exec(shape.title) ?? [];
        assert.ok(models.has(model), where);
        continue;
      }
      if (name === "cohens_d_by_group" && shape.mark === "rule") {
        assert.match(
          shape.title,
          /^(training|architecture): [^:]+: mean d -?[\d.]+ over \d+ pairs$/,
        );
        continue;
      }
      // "4B, Self Awareness...", "32B (64 layers, deep), Corrigible", "32B (full RL, dense), ...".
      const [, model, concept] = /^(\S+)(?: \([^)]*\))?, ([^,:\n]+)/.exec(shape.title) ?? [];
      assert.ok(models.has(model), where);
      assert.ok(concepts.has(concept), `${where}: the concept as a title`);
      // A curve's line names its pair; its points (or the data's tables) give the values.
      if (shape.mark !== "line") assert.match(shape.title, number, where);
    }
  }
  assert.match(figures.find((f) => f.name === "heatmap_single_example")!.svg, />14B - Corrigible</);
});

Deno.test("hovering a point of a curve shows its model, concept, layer and delta", async () => {
  const { figure, files } = await defaultOutputs();
  const rows = csvParse(files.get("layer_summaries.csv")!);
  const byKey = new Map(rows.map((r) => [`${r.model} ${r.concept} ${r.layer}`, r]));
  const concepts = new Map(rows.map((r) => [conceptTitle(r.concept), r.concept]));
  for (const name of ["layer_delta_curves", "layer_delta_curves_normalized"]) {
    const dots = chartShapes(figure(name)).filter((s) => s.mark === "dot");
    assert.equal(dots.length, rows.length, `${name}: a dot per layer of each pair`);
    const seen = new Set<string>();
    for (const dot of dots) {
      const m = /^(\S+), ([^\n]+)\nlayer (\d+)(?: \((\d+)%\))?: delta (-?\d+\.\d{3})$/.exec(
        dot.title,
      );
      assert.ok(m, `${name}: "${dot.title}"`);
      const [, model, title, layer, percent, delta] = m;
      const concept = concepts.get(title);
      const row = byKey.get(`${model} ${concept} ${layer}`);
      assert.ok(row, `${name}: no such point "${dot.title}"`);
      seen.add(`${model} ${concept} ${layer}`);
      assert.equal(delta, Number(row.delta).toFixed(3), dot.title);
      if (name.endsWith("normalized")) {
        assert.equal(percent, (100 * Number(row.layer_frac)).toFixed(0), dot.title);
      } else assert.equal(percent, undefined, dot.title);
    }
    assert.equal(seen.size, rows.length, `${name}: every point once`);
  }
});

Deno.test("every figure labels concepts as titles, never as raw names", async () => {
  const { figures } = await defaultOutputs();
  for (const { name, svg } of figures) {
    const shown = svgTexts(svg).map((t) => t.text).join("\n");
    assert.ok(!shown.includes("self_awareness"), `${name} writes "self_awareness"`);
    if (name === "heatmap_single_example") {
      assert.ok(shown.includes(conceptTitle("corrigible")), name);
      continue;
    }
    assert.ok(shown.includes("Self Awareness"), `${name} never names Self Awareness`);
  }
});
