import assert from "node:assert/strict";
import { createDocument } from "../lib/figures/dom.ts";
import {
  curveStyles,
  layerCurvesByTraining,
  lineStyles,
  styleIndex,
  TRAINING_STYLE,
  trainingSubtitle,
} from "../lib/figures/training_curves.ts";
import type { ModelAttributes } from "../lib/models/groups.ts";
import { markElements, panelCount, smallAnalysis } from "./helpers/small_analysis.ts";
import { sixModelAnalysis } from "./helpers/six_model_analysis.ts";

const { analysis, attributes } = await sixModelAnalysis();
const { models, concepts, layerCounts } = analysis.sweep;
const document = createDocument();
const options = {
  document,
  models,
  concepts,
  layerCounts,
  attributes,
  missing: analysis.missingPairs,
};
const figure = layerCurvesByTraining(analysis.layerSummaries, options);

/** Each drawn curve (a path of a line mark): its model, concept, dashes and width. */
function curves(fig: Element) {
  return Array.from(fig.querySelectorAll('g[aria-label="line"] path')).map((path) => {
    const style = path.closest("g[stroke-width]")!;
    const [model, concept] = path.querySelector("title")!.textContent!.split("\n")[0].split(" · ");
    return {
      model,
      concept,
      dash: style.getAttribute("stroke-dasharray") ?? "",
      width: Number(style.getAttribute("stroke-width")),
    };
  });
}

/** The texts of each legend of a figure. */
function legends(fig: Element): string[][] {
  return Array.from(fig.querySelectorAll("svg.sweep-legend")).map((l) =>
    Array.from(l.querySelectorAll("text"), (t) => t.textContent ?? "")
  );
}

Deno.test("a curve per model and concept with data, raw on top and normalized below", () => {
  const charts = Array.from(figure.children).filter((c) => c.tagName.toLowerCase() === "svg");
  assert.equal(charts.length, 2);
  const xLabels = charts.map((c) =>
    c.querySelector('g[aria-label="x-axis label"] text')?.textContent
  );
  assert.deepEqual(xLabels, ["Layer", "Normalized Layer Position"]);
  const drawn = curves(figure);
  assert.equal(drawn.length, 2 * 17); // 235B-A22B has no sycophancy run
  assert.ok(!drawn.some((c) => c.model === "235B-A22B" && c.concept === "Sycophancy"));
  const notes = Array.from(
    figure.querySelectorAll('g[aria-label="text"] text'),
    (t) => t.textContent,
  );
  assert.deepEqual(notes, ["no data: 235B-A22B", "no data: 235B-A22B"]);
});

Deno.test("full-RL models dashed, MoE models thick, the others solid and thin", () => {
  // The Qwen3 report: 32B and 235B-A22B full RL, 30B-A3B and 235B-A22B MoE.
  const expected: Record<string, [string, number]> = {
    "4B": ["", 1.5],
    "8B": ["", 1.5],
    "14B": ["", 1.5],
    "30B-A3B": ["", 3.2],
    "32B": ["6,3", 1.5],
    "235B-A22B": ["6,3", 3.2],
  };
  for (const c of curves(figure)) {
    assert.deepEqual([c.dash, c.width], expected[c.model], `${c.model} · ${c.concept}`);
  }
});

Deno.test("the legends: each model's line with its layer count, then the two styles", () => {
  assert.deepEqual(legends(figure), [
    ["Model", "4B (36L)", "8B (36L)", "14B (40L)", "30B-A3B (48L)", "32B (64L)", "235B-A22B (94L)"],
    ["Training", "distilled", "full RL"],
    ["Architecture", "dense", "MoE"],
  ]);
  const modelLines = Array.from(figure.querySelector("svg.sweep-legend")!.querySelectorAll("line"));
  assert.deepEqual(
    modelLines.map((
      l,
    ) => [l.getAttribute("stroke-dasharray") ?? "", l.getAttribute("stroke-width")]),
    [["", "1.5"], ["", "1.5"], ["", "1.5"], ["", "3.2"], ["6,3", "1.5"], ["6,3", "3.2"]],
  );
  assert.equal(
    figure.querySelector("h3")?.textContent,
    "Dashed = full RL (32B, 235B-A22B); thick = MoE (30B-A3B, 235B-A22B); the others solid and thin",
  );
});

Deno.test("a model with no group is drawn plain, and the legends say 'unknown' only then", () => {
  const partial: ModelAttributes = {
    ...attributes,
    training: Object.fromEntries(Object.entries(attributes.training).filter(([m]) => m !== "32B")),
  };
  const fig = layerCurvesByTraining(analysis.layerSummaries, { ...options, attributes: partial });
  assert.deepEqual(legends(fig).slice(1), [
    ["Training", "distilled", "full RL", "unknown"],
    ["Architecture", "dense", "MoE"],
  ]);
  assert.ok(
    curves(fig).filter((c) => c.model === "32B").every((c) => c.dash === "" && c.width === 1.5),
  );
  assert.ok(!legends(figure).flat().includes("unknown"));
});

Deno.test("each point's hover text carries its model, layer and delta, against the data", () => {
  const dots = markElements(figure, "dot");
  assert.equal(dots.length, 2 * analysis.layerSummaries.length);
  const delta = new Map(
    analysis.layerSummaries.map((r) => [`${r.model} ${r.concept} ${r.layer}`, r.delta]),
  );
  const concept = new Map([["Corrigible", "corrigible"], ["Self Awareness", "self_awareness"], [
    "Sycophancy",
    "sycophancy",
  ]]);
  for (const dot of dots) {
    const title = dot.querySelector("title")!.textContent!;
    const m = /^(\S+) · (.+)\nlayer (\d+) \(([\d.]+) of depth\)\ndelta (\u2212?[\d.]+)$/.exec(
      title,
    );
    assert.ok(m, title);
    const expected = delta.get(`${m[1]} ${concept.get(m[2])} ${m[3]}`);
    assert.ok(expected !== undefined, title);
    assert.ok(Math.abs(Number(m[5].replace("\u2212", "-")) - expected) <= 0.005 + 1e-9, title);
    assert.ok(Math.abs(Number(m[4]) - Number(m[3]) / layerCounts[m[1]]) <= 0.005 + 1e-9, title);
  }
});

Deno.test("more than three concepts wrap into rows of three", async () => {
  const wide = await smallAnalysis({
    models: [{ label: "4B", layers: 36 }, { label: "32B", layers: 64 }],
    concepts: ["a", "b", "c", "d"],
    prompts: 4,
    seed: 5,
  });
  const fig = layerCurvesByTraining(wide.layerSummaries, {
    document,
    models: wide.sweep.models,
    concepts: wide.sweep.concepts,
    layerCounts: wide.sweep.layerCounts,
    attributes: { training: { "4B": "distilled", "32B": "full-rl" }, architecture: {}, depth: {} },
  });
  assert.equal(panelCount(fig), 2 * 4);
  const heights = Array.from(fig.children).filter((c) => c.tagName.toLowerCase() === "svg")
    .map((c) => Number(c.getAttribute("height")));
  assert.ok(heights.every((h) => h > 2 * 280), heights.join(", ")); // two rows of panels each
  assert.deepEqual(legends(fig).slice(1), [
    ["Training", "distilled", "full RL"],
    ["Architecture", "unknown"],
  ]);
});

Deno.test("styles: groups other than distilled and dense get the next dashes and widths", () => {
  const training = { a: "distilled", b: "full-rl", c: "my-method" };
  assert.deepEqual([...styleIndex(training, ["a", "b", "c"], "distilled")], [
    ["distilled", 0],
    ["full-rl", 1],
    ["my-method", 2],
  ]);
  const styles = lineStyles(["a", "b", "c"], {
    training,
    architecture: { a: "dense", b: "moe" },
    depth: {},
  });
  assert.deepEqual(styles, {
    a: { dash: "", strokeWidth: TRAINING_STYLE.architecture.widths[0] },
    b: { dash: "6,3", strokeWidth: 3.2 },
    c: { dash: "2,3", strokeWidth: 1.5 },
  });
  assert.equal(curveStyles(["a", "b", "c"], styles).length, 3);
  assert.equal(
    trainingSubtitle(["a", "b"], { training, architecture: {}, depth: {} }),
    "Dashed = full RL (b); the others solid and thin",
  );
});
