/**
 * The layer curves as the notebook draws them, read back from the exported SVGs: a panel per
 * concept and a line per model in its colour (`layer_delta_curves`, and `_normalized` against
 * layer / layer count); deep models dashed and thicker, named with their layer counts
 * (`layer_curves_depth_comparison`); full-RL models dashed and mixture-of-experts models thick
 * (`layer_curves_by_training`), raw layers on top and normalized below. On the default data and
 * the six-model sweep (the only one with mixture-of-experts models).
 */
import assert from "node:assert/strict";
import { csvParse } from "d3-dsv";
import { modelColorOf } from "../lib/figures/theme.ts";
import { groupLabel } from "../lib/models/groups.ts";
import { writeSynthSweep } from "../lib/synth/sweep.ts";
import {
  DEFAULT_DATA,
  type NotebookOutputs,
  notebookOutputs,
  sixModelSweep,
  tempSweepOutputs,
} from "./helpers/figure_svgs.ts";
import {
  axisScale,
  chartShapes,
  panelOf,
  type Shape,
  svgTexts,
  titledPanels,
} from "./helpers/svg_geometry.ts";

const LAYERS: Record<string, number> = {
  "4B": 36,
  "8B": 36,
  "14B": 40,
  "30B-A3B": 48,
  "32B": 64,
  "235B-A22B": 94,
};
const CONCEPTS = ["Corrigible", "Self Awareness", "Sycophancy"];
const CONCEPT_NAMES = ["corrigible", "self_awareness", "sycophancy"];

let defaultRun: Promise<NotebookOutputs> | undefined, sixRun: Promise<NotebookOutputs> | undefined;
/** One notebook run on each sweep, made when first needed (one after the other). */
const defaultOutputs = () => defaultRun ??= notebookOutputs(DEFAULT_DATA);
const sixOutputs = async () => {
  await defaultOutputs();
  return sixRun ??= tempSweepOutputs(sixModelSweep);
};

/** The model a line is drawn for, from its colour. */
function lineModel(line: Shape, models: readonly string[]): string {
  const model = models.find((m) => modelColorOf(m) === line.stroke);
  assert.ok(model, `a line in ${line.stroke}, no model's colour`);
  return model;
}

/** The lines of each panel of a chart, as the models they are drawn for. */
function linesByPanel(svg: string, chart: number, models: readonly string[]) {
  const panels = titledPanels(svg).filter((p) => p.chart === chart);
  const lines = chartShapes(svg).filter((s) => s.mark === "line" && s.chart === chart);
  return panels.map((panel) => ({
    panel,
    lines: lines.filter((l) => panelOf(panels, l) === panel).map((l) => ({
      model: lineModel(l, models),
      line: l,
    })),
  }));
}

Deno.test("layer curves: a panel per concept, a line and dots per model, at each layer's delta", async () => {
  const { figure, files } = await defaultOutputs();
  const rows = csvParse(files.get("layer_summaries.csv")!);
  const models = ["4B", "8B", "14B", "32B"];
  for (const name of ["layer_delta_curves", "layer_delta_curves_normalized"]) {
    const svg = figure(name), texts = svgTexts(svg);
    const panels = linesByPanel(svg, 0, models);
    assert.deepEqual(panels.map((p) => p.panel.column), CONCEPTS, name);
    for (const { panel, lines } of panels) {
      assert.deepEqual(lines.map((l) => l.model), models, `${name}: ${panel.column}`);
      // Hovering a line names its model and its panel's concept.
      const titles = lines.map((l) => l.line.title);
      assert.deepEqual(titles, models.map((m) => `${m}, ${panel.column}`), name);
    }
    const y = axisScale(texts, 0, "y");
    const xs = new Map(panels.map((p) => [p.panel.column, axisScale(texts, 0, "x", p.panel.box)]));
    const pixel = { x: xs.get(CONCEPTS[0])!, y };
    const tolerance = {
      x: Math.abs(pixel.x.invert(1) - pixel.x.invert(0)),
      y: Math.abs(y.invert(1) - y.invert(0)),
    };
    const dots = chartShapes(svg).filter((s) => s.mark === "dot");
    assert.equal(dots.length, rows.length, name);
    const byKey = new Map(rows.map((r) => [`${r.model} ${r.concept} ${r.layer}`, r]));
    for (const dot of dots) {
      const [, model, title, layer] = /^(\S+), ([^\n]+)\nlayer (\d+)/.exec(dot.title)!;
      const concept = CONCEPT_NAMES[CONCEPTS.indexOf(title)];
      const row = byKey.get(`${model} ${concept} ${layer}`)!;
      assert.ok(row, `${name}: no such point "${dot.title}"`);
      const x = xs.get(title)!;
      const at = name.endsWith("normalized") ? Number(layer) / LAYERS[model] : Number(layer);
      const [cx, cy] = [(dot.box.x1 + dot.box.x2) / 2, (dot.box.y1 + dot.box.y2) / 2];
      assert.ok(Math.abs(x.invert(cx) - at) <= tolerance.x, `${name}: ${dot.title}`);
      assert.ok(Math.abs(y.invert(cy) - Number(row.delta)) <= tolerance.y, `${name}: ${dot.title}`);
      assert.equal(dot.fill, modelColorOf(model), dot.title);
    }
  }
});

Deno.test("depth comparison: deep models dashed and thicker, raw above normalized, named", async () => {
  const cases: [NotebookOutputs, string[]][] = [
    [await defaultOutputs(), ["32B"]],
    [await sixOutputs(), ["30B-A3B", "32B", "235B-A22B"]],
  ];
  for (const [outputs, deep] of cases) {
    const svg = outputs.figure("layer_curves_depth_comparison");
    const models = Object.keys(LAYERS).filter((m) => svg.includes(`>${m} (${LAYERS[m]}L)<`));
    assert.ok(models.length >= 4, `the legend names each model with its layer count: ${models}`);
    // The groups named with their layer counts, computed (not "at most 40 layers").
    const withLayers = (group: string[]) => group.map((m) => `${m}: ${LAYERS[m]}L`).join(", ");
    const shallow = models.filter((m) => !deep.includes(m));
    const title = `Solid = Shallow (${withLayers(shallow)}), Dashed = Deep (${withLayers(deep)})`;
    const heading = Array.from(svg.matchAll(/font-weight="bold">([^<]*)</g), (m) => m[1]);
    assert.equal(heading.join(" "), title, "the title (wrapped when long)");
    for (const chart of [0, 1]) {
      for (const { panel, lines } of linesByPanel(svg, chart, models)) {
        const drawn = panel.column === "Sycophancy"
          ? models.filter((m) => m !== "235B-A22B") // no sycophancy run
          : models;
        assert.deepEqual(lines.map((l) => l.model).sort(), [...drawn].sort(), panel.column);
        for (const { model, line } of lines) {
          const where = `chart ${chart}, ${panel.column}, ${model}`;
          assert.equal(line.dash, deep.includes(model) ? "6,4" : "", where);
          assert.equal(line.strokeWidth, deep.includes(model) ? 2 : 1.5, where);
          const depth = deep.includes(model) ? "deep" : "shallow";
          assert.equal(line.title, `${model} (${LAYERS[model]} layers, ${depth}), ${panel.column}`);
        }
      }
    }
    const ticks = svgTexts(svg).filter((t) => t.mark === "x-axis tick label" && t.chart === 1);
    assert.deepEqual([...new Set(ticks.map((t) => t.text))].slice(0, 2), ["0.0", "0.2"]);
  }
});

Deno.test("curves by training: full RL dashed, mixture-of-experts thick, the legend says which", async () => {
  const svg = (await sixOutputs()).figure("layer_curves_by_training");
  const training: Record<string, string> = {
    "4B": "distilled",
    "8B": "distilled",
    "14B": "distilled",
    "30B-A3B": "distilled",
    "32B": "full-rl",
    "235B-A22B": "full-rl",
  };
  const moe = new Set(["30B-A3B", "235B-A22B"]);
  const models = Object.keys(training);
  const legend = (m: string) =>
    `${m} (${groupLabel(training[m])}, ${groupLabel(moe.has(m) ? "moe" : "dense")})`;
  for (const m of models) assert.ok(svg.includes(`>${legend(m)}</text>`), `the legend: ${m}`);
  assert.ok(svg.includes(">Dashed: full RL pipeline; thick: mixture-of-experts</text>"));
  for (const chart of [0, 1]) {
    const panels = linesByPanel(svg, chart, models);
    assert.deepEqual(panels.map((p) => p.panel.column), CONCEPTS);
    for (const { panel, lines } of panels) {
      const expected = panel.column === "Sycophancy"
        ? models.filter((m) => m !== "235B-A22B") // no sycophancy run
        : models;
      assert.deepEqual(lines.map((l) => l.model), expected, panel.column);
      for (const { model, line } of lines) {
        const where = `chart ${chart}, ${panel.column}, ${model}`;
        assert.equal(line.dash, training[model] === "full-rl" ? "6,4" : "", where);
        assert.equal(line.strokeWidth, moe.has(model) ? 2.5 : 1.2, where);
        assert.equal(line.title, `${legend(model)}, ${panel.column}`, where);
      }
    }
  }
  const label = (chart: number) =>
    svgTexts(svg).filter((t) => t.mark === "x-axis label" && t.chart === chart).map((t) => t.text);
  assert.deepEqual([label(0), label(1)], [["Layer \u2192"], ["Normalized Layer Position \u2192"]]);
});

Deno.test("a model of unknown training and architecture: drawn plain, its legend says so", async () => {
  const outputs = await tempSweepOutputs(async () => {
    const dir = await Deno.makeTempDir({ prefix: "unknown-model-sweep-" });
    await writeSynthSweep(dir, {
      models: [{ label: "4B", layers: 36 }, { label: "mine", layers: 20 }],
      concepts: ["alpha", "beta"],
      prompts: 6,
      seed: 4,
    });
    return dir;
  });
  const svg = outputs.figure("layer_curves_by_training");
  assert.ok(svg.includes(">mine (training unknown, architecture unknown)</text>"));
  assert.ok(svg.includes(`>4B (${groupLabel("distilled")}, ${groupLabel("dense")})</text>`));
  const lines = chartShapes(svg).filter((s) => s.mark === "line");
  const mine = lines.filter((l) => l.stroke === modelColorOf("mine"));
  assert.equal(mine.length, 4, "raw and normalized, in both concepts");
  assert.ok(mine.every((l) => l.dash === "" && l.strokeWidth === 1.2), "solid and thin");
  // In no group: Cohen's d by group shows only 4B's pairs.
  const dots = chartShapes(outputs.figure("cohens_d_by_group")).filter((s) => s.mark === "dot");
  assert.ok(dots.length > 0 && dots.every((d) => d.title.startsWith("4B, ")));
});
