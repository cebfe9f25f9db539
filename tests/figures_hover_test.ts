import assert from "node:assert/strict";
import { formatValue, hoverText } from "../lib/figures/hover.ts";
import { groupLabel } from "../lib/models/groups.ts";
import { conceptTitle } from "../lib/figures/theme.ts";
import type { Results } from "../lib/pipeline/results.ts";
import { analyseFolder, DEFAULT_DATA, figureSvgs } from "./helpers/figure_svgs.ts";
import { chartShapes, isDataMark } from "./helpers/svg_geometry.ts";

const analysis: Promise<Results> = analyseFolder(DEFAULT_DATA);

Deno.test("formatValue: two decimals, a minus sign, small values in significant digits", () => {
  assert.equal(formatValue(14.0213), "14.02");
  assert.equal(formatValue(-3.5), "\u22123.50");
  assert.equal(formatValue(0), "0.00");
  assert.equal(formatValue(0.000123), "0.000123");
  assert.equal(formatValue(NaN), "no value");
});

Deno.test("hoverText: model and concept title first, then the details", () => {
  assert.equal(
    hoverText({ model: "4B", concept: "self_awareness" }, ["layer 3", "delta 1.00"]),
    "4B · Self Awareness\nlayer 3\ndelta 1.00",
  );
});

Deno.test("every data mark of every exported figure has hover text naming model and concept", async () => {
  const a = await analysis;
  const heads = new Set(
    a.sweep.models.flatMap((m) => a.sweep.concepts.map((c) => `${m} · ${conceptTitle(c)}`)),
  );
  // A mean over concepts (a model's) or over pairs (a group's) is headed by its model or group.
  const owners = new Set([
    ...a.sweep.models,
    ...Object.values(a.attributes).flatMap((groups) => Object.values(groups).map(groupLabel)),
  ]);
  for (const { name, svg } of figureSvgs(a)) {
    assert.ok(!svg.includes('aria-label="tip"'), `${name}: an empty tip group`);
    const data = chartShapes(svg).filter(isDataMark);
    assert.ok(data.length > 0, `${name}: no data marks`);
    for (const shape of data) {
      const [head, ...details] = shape.title.split("\n");
      const where = `${name}: ${shape.mark} ${shape.tag} titled "${shape.title}"`;
      const summary = /\((model|group) mean\)$/.test(shape.mark);
      assert.ok(summary ? owners.has(head.split(" · ")[0]) : heads.has(head), where);
      assert.ok(details.some((d) => /\b(layer|strength)\b/.test(d)), where);
      assert.ok(details.some((d) => /\d/.test(d)), where);
    }
  }
});

Deno.test("hovering a point of a curve shows its model, layer and delta", async () => {
  const a = await analysis;
  const delta = new Map(
    a.analysis.layerSummaries.map((r) => [`${r.model} ${r.concept} ${r.layer}`, r.delta]),
  );
  const concepts = new Map(a.sweep.concepts.map((c) => [conceptTitle(c), c]));
  const curves = figureSvgs(a).filter((f) => /layer_(delta_)?curves/.test(f.name));
  assert.equal(curves.length, 4); // the original's three and the curves by training
  for (const { name, svg } of curves) {
    const dots = chartShapes(svg).filter((s) => s.mark === "dot");
    const charts = new Set(dots.map((d) => d.chart)).size;
    assert.equal(dots.length, charts * a.analysis.layerSummaries.length, name);
    for (const dot of dots) {
      const m = /^(\S+) · (.+)\nlayer (\d+) \(([\d.]+) of depth\)\ndelta (\u2212?[\d.]+)$/.exec(
        dot.title,
      );
      assert.ok(m, `${name}: "${dot.title}"`);
      const [, model, concept, layer, frac, value] = m;
      const expected = delta.get(`${model} ${concepts.get(concept)} ${layer}`);
      assert.ok(expected !== undefined, `${name}: no such point "${dot.title}"`);
      assert.ok(
        Math.abs(Number(value.replace("\u2212", "-")) - expected) <= 0.005 + 1e-9,
        dot.title,
      );
      const layers = a.sweep.layerCounts[model];
      assert.ok(Math.abs(Number(frac) - Number(layer) / layers) <= 0.005 + 1e-9, dot.title);
    }
  }
});

Deno.test("every figure labels concepts as titles, never as raw names", async () => {
  const a = await analysis;
  for (const { name, svg } of figureSvgs(a)) {
    assert.ok(!svg.includes("self_awareness"), `${name} writes "self_awareness"`);
    if (name === "heatmap_single_example") continue; // one pair: 14B corrigible
    assert.ok(svg.includes("Self Awareness"), `${name} never names Self Awareness`);
  }
});
