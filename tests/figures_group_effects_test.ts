import assert from "node:assert/strict";
import { createDocument } from "../lib/figures/dom.ts";
import { groupEffectsFigure } from "../lib/figures/group_effects.ts";
import { attributeLabel } from "../lib/figures/group_titles.ts";
import { conceptTitle } from "../lib/figures/theme.ts";
import { markElements } from "./helpers/small_analysis.ts";
import { sixModelAnalysis } from "./helpers/six_model_analysis.ts";

const { analysis, attributes } = await sixModelAnalysis();
const { models, concepts } = analysis.sweep;
const document = createDocument();
const options = { document, models, concepts, missing: analysis.missingPairs, attributes };
const figure = groupEffectsFigure(analysis.effectSizes, options);

/** The Plot charts of a figure, in order. */
function charts(fig: Element): Element[] {
  return Array.from(fig.children).filter((c) => c.tagName.toLowerCase() === "svg");
}

/** The hover texts of a mark's elements. */
function titles(el: Element, mark: string): string[] {
  return markElements(el, mark).map((e) => e.querySelector("title")?.textContent ?? "");
}

/** The rules of a chart described as `description` ("model mean", "group mean"). */
function rules(chart: Element, description: string): Element[] {
  return Array.from(chart.querySelectorAll(`g[aria-description="${description}"] line`));
}

const CONCEPT = new Map(concepts.map((c) => [conceptTitle(c), c]));

Deno.test("a chart per attribute, a dot per pair with data, hover text checked against the data", () => {
  assert.equal(charts(figure).length, 2);
  for (const chart of charts(figure)) {
    const dots = titles(chart, "dot");
    assert.equal(dots.length, 17); // 6 models x 3 concepts, 235B-A22B has no sycophancy
    for (const title of dots) {
      const m = /^(\S+) · (.+)\nCohen's d ([\d.]+) \(delta ([\d.]+)\) at the best layer\n/.exec(
        title,
      );
      assert.ok(m, title);
      const row = analysis.effectSizes.find((r) =>
        r.model === m[1] && r.concept === CONCEPT.get(m[2])
      );
      assert.ok(row, title);
      assert.ok(Math.abs(Number(m[3]) - row.cohens_d) <= 0.005 + 1e-9, title);
      assert.ok(Math.abs(Number(m[4]) - row.delta) <= 0.005 + 1e-9, title);
    }
    assert.ok(!dots.some((t) => t.startsWith("235B-A22B · Sycophancy")));
  }
});

Deno.test("the group rules carry the author's group means; each model has its tick", () => {
  const [training, architecture] = charts(figure);
  const groupTitles = (chart: Element) =>
    rules(chart, "group mean").map((r) => r.querySelector("title")!.textContent!.split("\n"));
  // tests/fixtures/reference/author_6x3/group_effects.csv: distilled 1.2192 (12 pairs), RL 1.0073
  // (5), dense 1.1523 (12), MoE 1.1679 (5).
  assert.deepEqual(groupTitles(training).map((t) => t.slice(0, 2)), [
    [
      "distilled · training (4B, 8B, 14B, 30B-A3B)",
      "mean Cohen's d 1.22 over 12 pairs, each at its best layer",
    ],
    [
      "full RL · training (32B, 235B-A22B)",
      "mean Cohen's d 1.01 over 5 pairs, each at its best layer",
    ],
  ]);
  assert.deepEqual(groupTitles(architecture).map((t) => t[1]), [
    "mean Cohen's d 1.15 over 12 pairs, each at its best layer",
    "mean Cohen's d 1.17 over 5 pairs, each at its best layer",
  ]);
  const ticks = rules(training, "model mean").map((r) => r.querySelector("title")!.textContent!);
  assert.equal(ticks.length, 6);
  const big = ticks.find((t) => t.startsWith("235B-A22B · all concepts"))!;
  assert.match(
    big,
    /over 2 concepts, each at its best layer\nno data: Sycophancy\ntraining: full RL/,
  );
});

Deno.test("models sit by group: the full-RL models right of the distilled ones", () => {
  const [training] = charts(figure);
  const x = (model: string) =>
    Number(
      rules(training, "model mean").find((r) =>
        r.querySelector("title")!.textContent!.startsWith(`${model} · `)
      )!.getAttribute("x1"),
    );
  for (const distilled of ["4B", "8B", "14B", "30B-A3B"]) {
    for (const rl of ["32B", "235B-A22B"]) assert.ok(x(distilled) < x(rl), `${distilled} < ${rl}`);
  }
  const labels = Array.from(training.querySelectorAll('g[aria-label="x-axis tick label"] text'))
    .map((t) => t.textContent);
  assert.deepEqual(labels, ["4B", "8B", "14B", "30B-A3B", "32B", "235B-A22B"]);
});

Deno.test("an attribute with one group still draws, labelled, with no comparison", () => {
  const oneGroup = {
    ...attributes,
    architecture: Object.fromEntries(models.map((m) => [m, "dense"])),
  };
  const fig = groupEffectsFigure(analysis.effectSizes, { ...options, attributes: oneGroup });
  const [, architecture] = charts(fig);
  assert.equal(rules(architecture, "group mean").length, 1);
  assert.equal(titles(architecture, "dot").length, 17);
  const label = architecture.querySelector('g[aria-label="x-axis label"] text')?.textContent;
  assert.equal(label, "By architecture: only dense models in this sweep, no comparison");
});

Deno.test("a model with no group is drawn under 'unknown', without a group rule", () => {
  const training = Object.fromEntries(
    Object.entries(attributes.training).filter(([m]) => m !== "14B"),
  );
  const fig = groupEffectsFigure(analysis.effectSizes, {
    ...options,
    attributes: { ...attributes, training },
  });
  const [chart] = charts(fig);
  assert.equal(rules(chart, "group mean").length, 2);
  assert.equal(rules(chart, "model mean").length, 6);
  const texts = Array.from(chart.querySelectorAll('g[aria-label="text"] text'))
    .map((t) => t.textContent);
  assert.ok(texts.some((t) => t?.startsWith("unknown")), texts.join(" | "));
  assert.match(
    attributeLabel("training", [
      { group: "distilled", models: [], n: 0, mean: NaN, sd: NaN },
      { group: "unknown", models: [], n: 0, mean: NaN, sd: NaN },
    ]),
    /no comparison \(unknown: no group\)$/,
  );
});

Deno.test("a model with no pair at all says 'no data' at its place", () => {
  const rows = analysis.effectSizes.filter((r) => r.model !== "8B");
  const fig = groupEffectsFigure(rows, options);
  const [chart] = charts(fig);
  assert.equal(titles(chart, "dot").length, 14);
  assert.equal(rules(chart, "model mean").length, 5);
  const notes = Array.from(chart.querySelectorAll('g[aria-label="text"] text'))
    .map((t) => t.textContent);
  assert.ok(notes.includes("no data"), notes.join(" | "));
});

Deno.test("the legend names each concept in its colour and what the rules are", () => {
  const legends = Array.from(figure.querySelectorAll("svg.sweep-legend")).map((l) =>
    Array.from(l.querySelectorAll("text"), (t) => t.textContent)
  );
  assert.deepEqual(legends, [
    ["Concept", "Corrigible", "Self Awareness", "Sycophancy"],
    ["Mean", "model", "group"],
  ]);
  const [chart] = charts(figure);
  const fills = new Set(
    markElements(chart, "dot").filter((d) =>
      d.querySelector("title")!.textContent!.includes("· Sycophancy")
    ).map((d) => d.getAttribute("fill")),
  );
  assert.equal(fills.size, 1);
});
