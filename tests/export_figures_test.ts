/**
 * The figures as the render task exports them: every figure the notebook saves, as a titled
 * standalone SVG that fits a 980 px notebook column and a PNG at twice its size whose pixels
 * decode; on the default data (PNGs drawn by the render task's PNG workers), and on the six-model
 * and a synthetic six-by-six sweep (SVGs). Legibly: no text runs off the figure's edges and no
 * two texts overlap or touch (text boxes estimated as the export does, rotated tick labels as
 * drawn), but for the known gaps listed below.
 */
import assert from "node:assert/strict";
import { svgSize } from "../lib/export/svg.ts";
import {
  DEFAULT_DATA,
  FIGURE_NAMES,
  type NotebookOutputs,
  notebookOutputs,
  sixModelSweep,
  synthSixBySix,
  tempSweepOutputs,
} from "./helpers/figure_svgs.ts";
import { decodePng, pngSize } from "./helpers/png.ts";
import { outlinesOverlap, pointsBox, svgTexts, textOutline } from "./helpers/svg_geometry.ts";

/** The width of a notebook column (Jupyter's default), in CSS pixels. */
const COLUMN = 980;

/**
 * The texts that run off their figure's edges, as "figure: mark text" (boxes estimated as the
 * export does, 0.6 em a character; a rotated text's box rotated with it).
 */
function textsOffFigure(outputs: NotebookOutputs): string[] {
  return outputs.figures.flatMap(({ name, svg }) => {
    const { width, height } = svgSize(svg);
    return svgTexts(svg).filter((t) => {
      if (t.text.trim() === "") return false;
      const box = pointsBox(textOutline(t));
      return box.x1 < 0 || box.x2 > width || box.y1 < 0 || box.y2 > height;
    }).map((t) => `${name}: ${t.mark} ${t.text}`);
  });
}

/**
 * The pairs of texts of a figure that overlap or touch (less than a pixel apart: illegible),
 * as "figure: mark text / mark text", each pair once, sorted: tick labels (upright or aslant),
 * axis labels, facet titles, text marks (the model names under Cohen's d panels, the values of
 * the effect-size heatmaps, "no data" notes), titles and legends alike.
 */
function overlappingTexts(outputs: NotebookOutputs): string[] {
  const pairs = new Set<string>();
  for (const { name, svg } of outputs.figures) {
    const texts = svgTexts(svg).filter((t) => t.text.trim() !== "");
    const outlines = texts.map(textOutline);
    texts.forEach((a, i) => {
      for (let j = i + 1; j < texts.length; j++) {
        if (!outlinesOverlap(outlines[i], outlines[j], -1)) continue;
        const b = texts[j];
        pairs.add(`${name}: ${a.mark} ${a.text} / ${b.mark} ${b.text}`);
      }
    });
  }
  return [...pairs].sort();
}

/**
 * Texts that overlap with the six models: known gaps, reported to the notebook's owner. The
 * tests fail when other texts overlap, and when one of these no longer do (then remove it from
 * here). The box plots and the intervals rotate their model names (-30°) but keep the centred
 * "Model" label at `marginBottom` 42 and 40: "30B-A3B", under the middle panel, runs into it
 * (cells "baseline_distributions" and "effect_size_intervals"; the violins put "Model →" at the
 * right). Cohen's d by group writes each group's model names side by side under its panel, a
 * slot's width apart: "235B-A22B" is wider and runs into its neighbours (cell
 * "cohens_d_by_group").
 */
const KNOWN_OVERLAPPING_SIX_MODELS = [
  "baseline_distributions: x-axis tick label 30B-A3B / x-axis label Model",
  "cohens_d_by_group: text 30B-A3B / text 235B-A22B",
  "cohens_d_by_group: text 32B / text 235B-A22B",
  "effect_size_intervals: x-axis tick label 30B-A3B / x-axis label Model",
];
/**
 * The same with six concept panels in a row: a model's slot (about 23 px) is too narrow even
 * for names at -30°, which touch their neighbours in the violins, the box plots and the
 * intervals (their six panels' "Model" label falls between two panels' names, clear of them).
 */
const KNOWN_OVERLAPPING_SIX_BY_SIX = [
  ...["baseline_distributions", "best_layer_violins", "effect_size_intervals"].flatMap((name) =>
    [["8B", "14B"], ["14B", "30B-A3B"], ["30B-A3B", "32B"], ["32B", "235B-A22B"]].map(([a, b]) =>
      `${name}: x-axis tick label ${a} / x-axis tick label ${b}`
    )
  ),
  "cohens_d_by_group: text 30B-A3B / text 235B-A22B",
  "cohens_d_by_group: text 32B / text 235B-A22B",
].sort();

/** The figures whose x axis names the models: aslant (-30°) with more than four models. */
const MODEL_AXES = ["best_layer_violins", "baseline_distributions", "effect_size_intervals"];

/** The rotations of the model names on the x axes of {@link MODEL_AXES}, by figure. */
function modelAxisAngles(outputs: NotebookOutputs): Record<string, number[]> {
  return Object.fromEntries(MODEL_AXES.map((name) => {
    const ticks = svgTexts(outputs.figure(name)).filter((t) => t.mark === "x-axis tick label");
    return [name, [...new Set(ticks.map((t) => t.angle))]];
  }));
}

/** Checks every figure's SVG: all 13, each at most a column wide, titled. */
function checkSvgs(outputs: NotebookOutputs, sweep: string): void {
  assert.deepEqual(outputs.figures.map((f) => f.name), [...FIGURE_NAMES], sweep);
  for (const { name, svg } of outputs.figures) {
    const { width, height } = svgSize(svg);
    const where = `${sweep}: ${name} is ${width}x${height}`;
    assert.ok(width > 200 && height > 150, where);
    assert.ok(width <= COLUMN, `${where}: wider than a ${COLUMN} px notebook column`);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/, where);
    assert.match(svg, /<text [^>]*font-weight="bold">[^<]+<\/text>/, `${where}: no title`);
  }
}

Deno.test("every figure exports as a titled SVG within 980 px and a 2x PNG that decodes", async () => {
  const outputs = await notebookOutputs(DEFAULT_DATA, {}, { png: true });
  checkSvgs(outputs, "default data");
  assert.deepEqual(textsOffFigure(outputs), [], "no text runs off its figure");
  assert.deepEqual(overlappingTexts(outputs), [], "no texts overlap");
  const upright = Object.fromEntries(MODEL_AXES.map((name) => [name, [0]]));
  assert.deepEqual(modelAxisAngles(outputs), upright, "four models: names upright");
  assert.deepEqual([...outputs.pngs.keys()], [...FIGURE_NAMES]);
  for (const { name, svg } of outputs.figures) {
    const { width, height } = svgSize(svg);
    const bytes = outputs.pngs.get(name)!;
    assert.deepEqual(pngSize(bytes), { width: 2 * width, height: 2 * height }, name);
    const png = decodePng(bytes);
    assert.equal(png.rgba.length, 4 * png.width * png.height, name);
    let inked = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      assert.equal(png.rgba[i + 3], 255, `${name}: a transparent pixel`);
      if (png.rgba[i] < 250 || png.rgba[i + 1] < 250 || png.rgba[i + 2] < 250) inked++;
    }
    const share = inked / (png.width * png.height);
    assert.ok(share > 0.01 && share < 0.9, `${name}: ${(100 * share).toFixed(1)}% inked`);
  }
});

Deno.test("every figure fits a 980 px column with six models, legibly", async () => {
  const outputs = await tempSweepOutputs(sixModelSweep);
  checkSvgs(outputs, "six-model sweep");
  const aslant = Object.fromEntries(MODEL_AXES.map((name) => [name, [-30]]));
  assert.deepEqual(modelAxisAngles(outputs), aslant, "six models: names at -30°");
  assert.deepEqual(textsOffFigure(outputs), [], "no text runs off its figure");
  assert.deepEqual(overlappingTexts(outputs), KNOWN_OVERLAPPING_SIX_MODELS);
});

Deno.test("every figure fits a 980 px column with six models and six concepts, legibly", async () => {
  const outputs = await tempSweepOutputs(synthSixBySix);
  checkSvgs(outputs, "synthetic six-by-six sweep");
  assert.deepEqual(textsOffFigure(outputs), [], "no text runs off its figure");
  assert.deepEqual(overlappingTexts(outputs), KNOWN_OVERLAPPING_SIX_BY_SIX);
});
