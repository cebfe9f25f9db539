/**
 * The effect figures as the notebook draws them, read back from the exported SVGs of a run on
 * the default data and checked against the files the same run saves: each pair's best-layer
 * delta with its bootstrap interval, its split-half delta and its held-out delta with its paired
 * t interval (`effect_size_intervals`, against robustness.json), and Cohen's d per model by group
 * (`cohens_d_by_group`: a panel per group with only its own models, named under it; a point per
 * pair in its concept's colour, a tick at each model's mean, a rule at the group's mean of
 * group_effects.csv, each with its hover text).
 */
import assert from "node:assert/strict";
import { csvParse } from "d3-dsv";
import { conceptTitle } from "../lib/figures/theme.ts";
import { groupLabel } from "../lib/models/groups.ts";
import { DEFAULT_DATA, type NotebookOutputs, notebookOutputs } from "./helpers/figure_svgs.ts";
import {
  type AxisScale,
  axisScale,
  chartShapes,
  panelOf,
  svgTexts,
  titledPanels,
} from "./helpers/svg_geometry.ts";

const MODELS = ["4B", "8B", "14B", "32B"];
const CONCEPTS = ["corrigible", "self_awareness", "sycophancy"];
/** d3's Dark2 scheme: the concepts' colours in Cohen's d by group. */
const DARK2 = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"];

let run: Promise<NotebookOutputs> | undefined;
/** One notebook run on the default data. */
const defaultOutputs = () => run ??= notebookOutputs(DEFAULT_DATA);

/** Asserts that a pixel position shows a value, within a pixel. */
function shows(scale: AxisScale, pixel: number, value: number, where: string): void {
  const tolerance = Math.abs(scale.invert(1) - scale.invert(0));
  const shown = scale.invert(pixel);
  assert.ok(Math.abs(shown - value) <= tolerance, `${where}: shows ${shown}, not ${value}`);
}

Deno.test("intervals: per pair the bootstrap and held-out intervals with estimates, the split-half delta", async () => {
  const { figure, files } = await defaultOutputs();
  const records: Record<string, number | string>[] = JSON.parse(files.get("robustness.json")!);
  const svg = figure("effect_size_intervals"), texts = svgTexts(svg), shapes = chartShapes(svg);
  const panels = titledPanels(svg);
  assert.deepEqual(panels.map((p) => p.column), CONCEPTS.map(conceptTitle));
  const y = axisScale(texts, 0, "y");
  const rules = shapes.filter((s) => s.mark === "rule"),
    dots = shapes.filter((s) => s.mark === "dot");
  assert.equal(rules.length, 2 * records.length);
  assert.equal(dots.length, 3 * records.length, "two estimates and the split-half delta a pair");
  const kinds = [
    {
      kind: "best layer (bootstrap)",
      color: "#1f77b4",
      value: "best_delta",
      low: "ci_low",
      high: "ci_high",
    },
    {
      kind: "held out (paired t)",
      color: "#d62728",
      value: "held_out_delta",
      low: "held_out_ci_low",
      high: "held_out_ci_high",
    },
  ];
  for (const record of records) {
    const pair = `${record.model}, ${conceptTitle(String(record.concept))}`;
    const centres: number[] = [];
    for (const k of kinds) {
      const where = `${pair}: ${k.kind}`;
      const found = dots.filter((d) => d.title.startsWith(`${pair}: ${k.kind}\n`));
      assert.equal(found.length, 1, where);
      const [dot] = found;
      assert.equal(dot.fill, k.color, where);
      assert.equal(panelOf(panels, dot)!.column, conceptTitle(String(record.concept)), where);
      const [value, low, high] = [k.value, k.low, k.high].map((f) => Number(record[f]));
      assert.ok(
        dot.title.endsWith(`\n${value.toFixed(3)} [${low.toFixed(3)}, ${high.toFixed(3)}]`),
        `${where}: "${dot.title}"`,
      );
      shows(y, (dot.box.y1 + dot.box.y2) / 2, value, `${where}: estimate`);
      const cx = (dot.box.x1 + dot.box.x2) / 2;
      const rule = rules.find((r) => Math.abs(r.box.x1 - cx) < 0.01 && r.stroke === k.color);
      assert.ok(rule, `${where}: its interval`);
      assert.equal(rule.title, dot.title, `${where}: hovering the interval`);
      shows(y, rule.box.y2, low, `${where}: low end`);
      shows(y, rule.box.y1, high, `${where}: high end`);
      centres.push(cx);
    }
    // The split-half delta: a gray diamond between the two.
    const where = `${pair}: split-half delta`;
    const value = Number(record.split_half_delta);
    const found = dots.filter((d) => d.title === `${where} ${value.toFixed(3)}`);
    assert.equal(found.length, 1, where);
    const [diamond] = found;
    assert.deepEqual([diamond.tag, diamond.fill], ["path", "#555"], where);
    assert.equal(panelOf(panels, diamond)!.column, conceptTitle(String(record.concept)), where);
    shows(y, (diamond.box.y1 + diamond.box.y2) / 2, value, where);
    const cx = (diamond.box.x1 + diamond.box.x2) / 2;
    assert.ok(
      centres[0] < cx && cx < centres[1],
      `${pair}: the bootstrap left of the split-half delta, left of the held-out interval`,
    );
  }
});

Deno.test("Cohen's d by group: each group's models, a point per pair, the model's and group's means", async () => {
  const { figure, files } = await defaultOutputs();
  const effects = csvParse(files.get("effect_sizes.csv")!);
  const groups = csvParse(files.get("group_effects.csv")!);
  const svg = figure("cohens_d_by_group"), texts = svgTexts(svg), shapes = chartShapes(svg);
  const panels = titledPanels(svg);
  const members: Record<string, string[]> = {
    [`training: ${groupLabel("distilled")}`]: ["4B", "8B", "14B"],
    [`training: ${groupLabel("full-rl")}`]: ["32B"],
    [`architecture: ${groupLabel("dense")}`]: MODELS,
  };
  assert.deepEqual(panels.map((p) => p.column), Object.keys(members));
  // The groups are titled above their panels; the models named below, as text, not an x axis.
  const titles = texts.filter((t) => t.mark === "fx-axis tick label");
  assert.ok(titles.every((t) => t.y < Math.min(...panels.map((p) => p.box.y1))), "titles on top");
  assert.equal(texts.filter((t) => t.mark.startsWith("x-axis")).length, 0, "no x axis");
  const colour = new Map(CONCEPTS.map((c, i) => [c, DARK2[i]]));
  const y = axisScale(texts, 0, "y");
  const d = (model: string, concept: string) =>
    Number(effects.find((r) => r.model === model && r.concept === concept)!.cohens_d);
  for (const panel of panels) {
    const group = panel.column, models = members[group];
    const own = (mark: string) =>
      shapes.filter((s) => s.mark === mark && panelOf(panels, s) === panel);
    // Only the group's own models, side by side from the left, named under the panel.
    const names = texts.filter((t) =>
      t.mark === "text" && t.x >= panel.box.x1 && t.x <= panel.box.x2
    ).sort((a, b) => a.x - b.x);
    assert.deepEqual(names.map((t) => t.text), models, `${group}: the models named`);
    assert.ok(names.every((t) => t.y > panel.box.y2), `${group}: names below the panel`);
    const modelAt = (x: number) =>
      names.reduce((a, b) => Math.abs(a.x - x) <= Math.abs(b.x - x) ? a : b).text;
    const dots = own("dot");
    assert.equal(dots.length, models.length * CONCEPTS.length, group);
    for (const dot of dots) {
      const [, model, title] = /^(\S+), ([^:]+): d = /.exec(dot.title)!;
      const concept = CONCEPTS.find((c) => conceptTitle(c) === title)!;
      assert.ok(dot.title.endsWith(`(${group})`), dot.title);
      assert.equal(modelAt((dot.box.x1 + dot.box.x2) / 2), model, dot.title);
      assert.equal(dot.fill, colour.get(concept), `${dot.title}: the concept's colour`);
      shows(y, (dot.box.y1 + dot.box.y2) / 2, d(model, concept), dot.title);
    }
    const ticks = own("tick");
    assert.deepEqual(ticks.map((t) => modelAt((t.box.x1 + t.box.x2) / 2)), models, group);
    for (const tick of ticks) {
      const model = modelAt((tick.box.x1 + tick.box.x2) / 2);
      const mean = CONCEPTS.reduce((a, c) => a + d(model, c), 0) / CONCEPTS.length;
      shows(y, tick.box.y1, mean, `${group}: ${model}'s mean`);
      assert.equal(tick.title, `${model}: mean d ${mean.toFixed(2)}`, `${group}: hovering it`);
    }
    const [attribute, name] = group.split(": ");
    const expected = groups.find((r) => r.attribute === attribute && groupLabel(r.group) === name)!;
    const rules = own("rule");
    assert.equal(rules.length, 1, group);
    const mean = Number(expected.cohens_d_mean);
    shows(y, rules[0].box.y1, mean, `${group}: the group's mean`);
    assert.equal(
      rules[0].title,
      `${group}: mean d ${mean.toFixed(2)} over ${models.length * CONCEPTS.length} pairs`,
    );
  }
});
