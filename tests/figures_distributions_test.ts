/**
 * The distribution figures as the notebook draws them, read back from the exported SVGs of a run
 * on the default data and checked against the samples at each pair's best layer: the violins
 * (`best_layer_violins`), the box plots (`baseline_distributions`, seaborn's: quartiles by linear
 * interpolation, whiskers to the furthest value within 1.5 IQR, the rest outliers) and the
 * density histograms (`strength_histograms`: 30 bins a group, overlaid, each group of area 1).
 * Positions are turned into values through each panel's axis, read from its tick labels.
 */
import assert from "node:assert/strict";
import { quantile } from "d3-array";
import { csvParse } from "d3-dsv";
import { modelColorOf, strengthColors } from "../lib/figures/theme.ts";
import { rowsAt } from "../lib/stats/best_samples.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { DEFAULT_DATA, type NotebookOutputs, notebookOutputs } from "./helpers/figure_svgs.ts";
import {
  axisScale,
  chartShapes,
  panelOf,
  type Shape,
  svgTexts,
  titledPanels,
} from "./helpers/svg_geometry.ts";

const MODELS = ["4B", "8B", "14B", "32B"];
const CONCEPTS = ["corrigible", "self_awareness", "sycophancy"];
const TITLES: Record<string, string> = {
  Corrigible: "corrigible",
  "Self Awareness": "self_awareness",
  Sycophancy: "sycophancy",
};
/** The strengths as the figures write them (`strengthLabel`: a minus sign, a plus, a decimal). */
const STRENGTHS: Record<string, number> = { "\u22121.0": -1, "0.0": 0, "+1.0": 1 };

interface Inputs {
  outputs: NotebookOutputs;
  /** The finite logit diffs of a pair at its best layer and a strength, sorted. */
  values(model: string, concept: string, strength: number): number[];
}

let inputs: Promise<Inputs> | undefined;
/** One notebook run on the default data, and the samples at each pair's best layer. */
const load = () =>
  inputs ??= (async () => {
    // One after the other: the notebook runs in its own folder (the working directory).
    const outputs = await notebookOutputs(DEFAULT_DATA);
    const sweep = await loadSweep(DEFAULT_DATA);
    const best = new Map(
      csvParse(outputs.files.get("best_layers.csv")!).map((
        r,
      ) => [`${r.model}/${r.concept}`, Number(r.layer)]),
    );
    return {
      outputs,
      values(model, concept, strength) {
        const run = sweep.runs.find((r) => r.model === model && r.concept === concept)!;
        return rowsAt(run, best.get(`${model}/${concept}`)!)
          .filter((d) => d.strength === strength && Number.isFinite(d.logit_diff_matching))
          .map((d) => d.logit_diff_matching).sort((a, b) => a - b);
      },
    };
  })();

/** Asserts two numbers agree within `tolerance`. */
function close(actual: number, expected: number, tolerance: number, where: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${where}: ${actual} is not ${expected}`);
}

/** A colour as rgb(r, g, b) or #rrggbb, as #rrggbb. */
function hex(color: string): string {
  const rgb = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(color);
  return rgb
    ? "#" + rgb.slice(1).map((c) => Number(c).toString(16).padStart(2, "0")).join("")
    : color;
}

const [NEGATIVE, ZERO, POSITIVE] = strengthColors([-1, 0, 1]).map(hex);

Deno.test("strength colours are diverging: negative blue, zero gray, positive red", () => {
  const rgb = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  assert.equal(ZERO, "#8c8c8c");
  assert.ok(rgb(NEGATIVE)[2] > rgb(NEGATIVE)[0], `blue: ${NEGATIVE}`);
  assert.ok(rgb(POSITIVE)[0] > rgb(POSITIVE)[2], `red: ${POSITIVE}`);
});

Deno.test("violins: one per model and strength in each concept panel, over the data's range", async () => {
  const { outputs, values } = await load();
  const svg = outputs.figure("best_layer_violins");
  const panels = titledPanels(svg), texts = svgTexts(svg), shapes = chartShapes(svg);
  assert.deepEqual(panels.map((p) => p.column), ["Corrigible", "Self Awareness", "Sycophancy"]);
  const y = axisScale(texts, 0, "y");
  const areas = shapes.filter((s) => s.mark === "area");
  assert.equal(areas.length, MODELS.length * CONCEPTS.length * 3);
  for (const panel of panels) {
    const own = areas.filter((a) => panelOf(panels, a) === panel)
      .sort((a, b) => a.box.x1 + a.box.x2 - b.box.x1 - b.box.x2);
    const keys = own.map((a) => {
      const m = /^(\S+), ([^,]+), strength (\S+)\n(\d+) samples, median (-?\d+\.\d\d)$/.exec(
        a.title,
      );
      assert.ok(m, a.title);
      const [, model, title, label, n, median] = m;
      assert.equal(title, panel.column, a.title);
      const concept = TITLES[title], strength = STRENGTHS[label];
      assert.ok(strength !== undefined, `${a.title}: the strength as "+1.0"`);
      const data = values(model, concept, strength);
      assert.equal(Number(n), data.length, a.title);
      assert.equal(median, quantile(data, 0.5)!.toFixed(2), a.title);
      // Cut at the data range (seaborn's cut = 0): the outline spans the lowest to the highest.
      const tolerance = Math.abs(y.invert(1) - y.invert(0));
      close(y.invert(a.box.y2), data[0], tolerance, `${a.title}: lowest`);
      close(y.invert(a.box.y1), data.at(-1)!, tolerance, `${a.title}: highest`);
      assert.equal(hex(a.fill), [NEGATIVE, ZERO, POSITIVE][strength + 1], a.title);
      const rules = shapes.filter((r) =>
        r.mark === "rule" && panelOf(panels, r) === panel && r.box.x1 >= a.box.x1 - 0.01 &&
        r.box.x2 <= a.box.x2 + 0.01
      );
      assert.equal(rules.length, 3, `${a.title}: three quartile lines`);
      // The median solid, the quartiles dashed; hovering one gives its quantile.
      for (const [q, dash] of [[0.25, "3,2"], [0.5, ""], [0.75, "3,2"]] as const) {
        const at = quantile(data, q)!;
        const rule = rules.find((r) => r.title.includes(`: ${100 * q}% quantile `));
        assert.ok(rule, `${a.title}: the ${100 * q}% line`);
        assert.equal(rule.dash, dash, rule.title);
        assert.equal(
          rule.title,
          `${model}, ${title}, strength ${label}: ${100 * q}% quantile ${at.toFixed(2)}`,
        );
        close(y.invert(rule.box.y1), at, tolerance, rule.title);
      }
      return `${model} ${strength}`;
    });
    // Models in order, each with its strengths side by side, -1 left of 0 left of +1.
    assert.deepEqual(keys, MODELS.flatMap((m) => [-1, 0, 1].map((s) => `${m} ${s}`)));
  }
});

/** A box plot's parts drawn for one pair: box, median tick, whisker and outliers. */
function boxParts(shapes: readonly Shape[], box: Shape): Record<string, Shape[]> {
  const inside = (s: Shape) =>
    s.chart === box.chart && s.box.x1 >= box.box.x1 - 0.01 && s.box.x2 <= box.box.x2 + 0.01;
  return {
    tick: shapes.filter((s) => s.mark === "tick" && inside(s)),
    whisker: shapes.filter((s) => s.mark === "rule" && inside(s)),
    outliers: shapes.filter((s) => s.mark === "dot" && inside(s)),
  };
}

Deno.test("baseline boxes: quartiles, whiskers to 1.5 IQR, the rest outliers, at strength 0", async () => {
  const { outputs, values } = await load();
  const svg = outputs.figure("baseline_distributions");
  const panels = titledPanels(svg), texts = svgTexts(svg), shapes = chartShapes(svg);
  const y = axisScale(texts, 0, "y"), tolerance = Math.abs(y.invert(0.01) - y.invert(0));
  const zero = shapes.filter((s) => s.mark === "rule (zero line)");
  assert.equal(zero.length, CONCEPTS.length);
  assert.ok(zero.every((s) => s.stroke === "red"), "a red line at 0 (no preference)");
  const bars = shapes.filter((s) => s.mark === "bar");
  assert.equal(bars.length, MODELS.length * CONCEPTS.length);
  const modelTicks = texts.filter((t) => t.mark === "x-axis tick label");
  for (const bar of bars) {
    const concept = TITLES[panelOf(panels, bar)!.column];
    const centre = (bar.box.x1 + bar.box.x2) / 2;
    const model = modelTicks.reduce((a, b) =>
      Math.abs(a.x - centre) <= Math.abs(b.x - centre) ? a : b
    ).text;
    const where = `${model}/${concept}`;
    assert.equal(bar.fill, modelColorOf(model), where);
    const data = values(model, concept, 0);
    const [q1, median, q3] = [0.25, 0.5, 0.75].map((p) => quantile(data, p)!);
    close(y.invert(bar.box.y2), q1, tolerance, `${where}: q1`);
    close(y.invert(bar.box.y1), q3, tolerance, `${where}: q3`);
    const parts = boxParts(shapes, bar);
    assert.equal(parts.tick.length, 1, where);
    close(y.invert(parts.tick[0].box.y1), median, tolerance, `${where}: median`);
    const iqr = q3 - q1;
    const inner = data.filter((v) => v >= q1 - 1.5 * iqr && v <= q3 + 1.5 * iqr);
    assert.equal(parts.whisker.length, 1, where);
    close(y.invert(parts.whisker[0].box.y2), inner[0], tolerance, `${where}: low whisker`);
    close(y.invert(parts.whisker[0].box.y1), inner.at(-1)!, tolerance, `${where}: high whisker`);
    const outliers = data.filter((v) => !inner.includes(v));
    const drawn = parts.outliers.map((d) => y.invert((d.box.y1 + d.box.y2) / 2)).sort((a, b) =>
      a - b
    );
    assert.equal(drawn.length, outliers.length, `${where}: outliers`);
    drawn.forEach((v, i) => close(v, outliers[i], tolerance, `${where}: outlier ${i}`));
  }
});

Deno.test("histograms: 30 bins per strength in each model x concept panel, overlaid, of area 1", async () => {
  const { outputs, values } = await load();
  const svg = outputs.figure("strength_histograms");
  const panels = titledPanels(svg), texts = svgTexts(svg), shapes = chartShapes(svg);
  assert.equal(panels.length, MODELS.length * CONCEPTS.length);
  const zeroLines = shapes.filter((s) => s.mark === "rule (zero line)");
  assert.equal(zeroLines.length, panels.length, "a line at 0 in every panel");
  const rects = shapes.filter((s) => s.mark === "rect");
  const stacked: string[] = [];
  for (const panel of panels) {
    const [model, concept] = [panel.row, TITLES[panel.column]];
    assert.ok(MODELS.includes(model), panel.row);
    const x = axisScale(texts, 0, "x", panel.box), y = axisScale(texts, 0, "y", panel.box);
    for (const [label, color] of [["\u22121.0", NEGATIVE], ["0.0", ZERO], ["+1.0", POSITIVE]]) {
      const strength = STRENGTHS[label];
      const where = `${model}/${concept} at ${strength}`;
      const bars = rects.filter((r) =>
        panelOf(panels, r) === panel &&
        r.title.startsWith(`${model}, ${panel.column}, strength ${label}\n`)
      );
      assert.equal(bars.length, 30, where);
      assert.ok(bars.every((b) => hex(b.fill) === color), `${where}: its colour`);
      // Overlaid, not stacked: every bar stands on density 0.
      for (const b of bars) {
        if (Math.abs(b.box.y2 - y.apply(0)) > 0.01) stacked.push(b.title.replace("\n", " "));
      }
      const data = values(model, concept, strength);
      const counts = bars.map((b) => Number(/: (\d+) samples$/.exec(b.title)![1]));
      assert.equal(counts.reduce((a, b) => a + b, 0), data.length, `${where}: every sample`);
      const width = (data.at(-1)! - data[0]) / 30;
      const area = bars.reduce((a, b) => a + (y.invert(b.box.y1) - y.invert(b.box.y2)) * width, 0);
      close(area, 1, 1e-3, `${where}: area`);
      assert.ok(bars.every((b) => x.invert(b.box.x1) >= data[0] - width), where);
    }
  }
  assert.deepEqual(stacked, [], "bars that do not stand on density 0 (stacked)");
});
