/**
 * The author's cell 31 (`layer_curves_by_training`): the layer curves against the raw layer
 * (top) and the normalized layer (bottom), each model in its colour, dashed by training method
 * (distilled solid, full RL dashed) and thick by architecture (MoE thick), from the one model
 * grouping (`ModelAttributes`).
 * @module
 */
import { groupLabel, groupMembers, type ModelAttributes } from "../models/groups.ts";
import type { LayerSummaryWithFraction } from "../stats/depth.ts";
import type { FigureOptions } from "./chart.ts";
import { composeFigure } from "./compose.ts";
import { type CurveStyle, layerCountLabel } from "./curve_styles.ts";
import { layerCurvesChart } from "./layer_delta_curves.ts";
import { type SwatchItem, swatchLegend } from "./legends.ts";
import { modelColors } from "./theme.ts";

/** Line styles, in pixels: a training group's dashes (the base group, distilled, solid; the
 * others in group order: full RL dashed, ...) and an architecture group's width (dense thin, then
 * MoE thick, ...), their names, and the colour of the style legends' swatches. */
export const TRAINING_STYLE = {
  training: { base: "distilled", dashes: ["", "6,3", "2,3", "8,3,2,3"] },
  trainingNames: ["solid", "dashed", "dotted", "dash-dotted"],
  architecture: { base: "dense", widths: [1.5, 3.2, 4.6] },
  architectureNames: ["thin", "thick", "thickest"],
  swatch: "#444",
} as const;

/** Options of {@link layerCurvesByTraining}. */
export interface TrainingCurvesOptions extends FigureOptions {
  layerCounts: Readonly<Record<string, number>>;
  /** Each model's training and architecture group (`lib/models/groups.ts`). */
  attributes: ModelAttributes;
}

/** A model's line: dashes (none for solid) and width. */
export interface LineStyle {
  dash: string;
  strokeWidth: number;
}

/**
 * Each group's style index under one attribute: the base group 0, the others 1, 2, ... in
 * group order (sorted by name); a model with no group is drawn as the base.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const training = { "4B": "distilled", "32B": "full-rl" };
 * assert.deepEqual([...styleIndex(training, ["4B", "32B", "x"], "distilled")], [["distilled", 0], ["full-rl", 1]]);
 * assert.deepEqual([...styleIndex(training, ["32B"], "distilled")], [["full-rl", 1]]);
 * ```
 */
export function styleIndex(
  groupOf: Readonly<Record<string, string>>,
  models: readonly string[],
  base: string,
): Map<string, number> {
  const others = groupMembers(groupOf, models).map(([g]) => g).filter((g) => g !== base);
  const present = models.some((m) => groupOf[m] === base);
  const entries: [string, number][] = others.map((g, i) => [g, i + 1]);
  return new Map(present ? [[base, 0], ...entries] : entries);
}

/** The style of index `i` of a list (the last one repeats past its end). */
const nth = <T>(list: readonly T[], i: number): T => list[Math.min(i, list.length - 1)];

/**
 * Each model's line: dashed by its training group, thick by its architecture group; a model
 * with no group is drawn solid and thin.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const attributes = {
 *   training: { "4B": "distilled", "235B-A22B": "full-rl" },
 *   architecture: { "4B": "dense", "235B-A22B": "moe" },
 *   depth: {},
 * };
 * const styles = lineStyles(["4B", "235B-A22B", "mine"], attributes);
 * assert.deepEqual(styles["4B"], { dash: "", strokeWidth: 1.5 });
 * assert.deepEqual(styles["235B-A22B"], { dash: "6,3", strokeWidth: 3.2 });
 * assert.deepEqual(styles.mine, { dash: "", strokeWidth: 1.5 }); // unknown: plain
 * ```
 */
export function lineStyles(
  models: readonly string[],
  attributes: ModelAttributes,
): Record<string, LineStyle> {
  const { training, architecture } = TRAINING_STYLE;
  const dashes = styleIndex(attributes.training, models, training.base);
  const widths = styleIndex(attributes.architecture, models, architecture.base);
  return Object.fromEntries(models.map((m) => [m, {
    dash: nth(training.dashes, dashes.get(attributes.training[m]) ?? 0),
    strokeWidth: nth(architecture.widths, widths.get(attributes.architecture[m]) ?? 0),
  }]));
}

/**
 * The curve styles of the chart: one per distinct line among the models, in model order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const styles = curveStyles(["4B", "8B", "32B"], {
 *   "4B": { dash: "", strokeWidth: 1.5 },
 *   "8B": { dash: "", strokeWidth: 1.5 },
 *   "32B": { dash: "6,3", strokeWidth: 1.5 },
 * });
 * assert.equal(styles.length, 2);
 * assert.deepEqual([styles[1].keep("32B"), styles[1].keep("8B"), styles[1].dash], [true, false, "6,3"]);
 * ```
 */
export function curveStyles(
  models: readonly string[],
  styles: Readonly<Record<string, LineStyle>>,
): CurveStyle[] {
  const key = (s: LineStyle) => `${s.dash}/${s.strokeWidth}`;
  const keys = [...new Set(models.map((m) => key(styles[m])))];
  return keys.map((k) => {
    const style = styles[models.find((m) => key(styles[m]) === k)!];
    return {
      keep: (m: string) => styles[m] !== undefined && key(styles[m]) === k,
      strokeWidth: style.strokeWidth,
      ...(style.dash ? { dash: style.dash } : {}),
    };
  });
}

/**
 * The legend of one attribute's line styles: a swatch per group in the sweep, and "unknown"
 * (drawn plain) only when a model has no group.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * const training = { "4B": "distilled", "32B": "full-rl" };
 * const legend = styleLegend(createDocument(), "training", training, ["4B", "32B", "mine"]);
 * const labels = Array.from(legend.querySelectorAll("text"), (t) => t.textContent);
 * assert.deepEqual(labels, ["Training", "distilled", "full RL", "unknown"]);
 * assert.equal(legend.querySelectorAll("line")[1].getAttribute("stroke-dasharray"), "6,3");
 * ```
 */
export function styleLegend(
  document: Document,
  attribute: "training" | "architecture",
  groupOf: Readonly<Record<string, string>>,
  models: readonly string[],
): Element {
  const { training, architecture, swatch } = TRAINING_STYLE;
  const base = attribute === "training" ? training.base : architecture.base;
  const item = (label: string, i: number): SwatchItem => ({
    label,
    color: swatch,
    shape: "line",
    ...(attribute === "training"
      ? { strokeWidth: architecture.widths[0], dash: nth(training.dashes, i) || undefined }
      : { strokeWidth: nth(architecture.widths, i) }),
  });
  const items = [...styleIndex(groupOf, models, base)].map(([g, i]) => item(groupLabel(g), i));
  if (models.some((m) => groupOf[m] === undefined)) items.push(item("unknown", 0));
  return swatchLegend(document, attribute === "training" ? "Training" : "Architecture", items);
}

/**
 * The subtitle: which models are drawn dashed and which thick (the groups other than distilled
 * and dense), or that every line is plain.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const attributes = {
 *   training: { "4B": "distilled", "32B": "full-rl", "235B-A22B": "full-rl" },
 *   architecture: { "4B": "dense", "32B": "dense", "235B-A22B": "moe" },
 *   depth: {},
 * };
 * assert.equal(
 *   trainingSubtitle(["4B", "32B", "235B-A22B"], attributes),
 *   "Dashed = full RL (32B, 235B-A22B); thick = MoE (235B-A22B); the others solid and thin",
 * );
 * assert.equal(
 *   trainingSubtitle(["4B"], attributes),
 *   "Every line solid and thin: no model known to be other than distilled and dense",
 * );
 * ```
 */
export function trainingSubtitle(models: readonly string[], attributes: ModelAttributes): string {
  const { training, trainingNames, architecture, architectureNames } = TRAINING_STYLE;
  const part = (
    groupOf: Readonly<Record<string, string>>,
    base: string,
    names: readonly string[],
  ) => {
    const members = new Map(groupMembers(groupOf, models));
    return [...styleIndex(groupOf, models, base)].filter(([, i]) => i > 0)
      .map(([g, i]) => `${nth(names, i)} = ${groupLabel(g)} (${members.get(g)!.join(", ")})`);
  };
  const parts = [
    ...part(attributes.training, training.base, trainingNames),
    ...part(attributes.architecture, architecture.base, architectureNames),
  ];
  if (parts.length === 0) {
    return "Every line solid and thin: no model known to be other than distilled and dense";
  }
  const text = `${parts.join("; ")}; the others solid and thin`;
  return text[0].toUpperCase() + text.slice(1);
}

/**
 * The two-row figure: raw and normalized layer curves, styled by training and architecture,
 * with the model legend (each model's line, with its layer count) and the two style legends.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * const rows = ["4B", "32B"].flatMap((model) =>
 *   [16, 17, 18].map((layer) => ({
 *     model,
 *     concept: "corrigible",
 *     layer,
 *     layer_frac: layer / (model === "4B" ? 36 : 64),
 *     baseline_mean: 0,
 *     positive_mean: layer - 10,
 *     negative_mean: -2,
 *     delta: layer - 8,
 *   }))
 * );
 * const fig = layerCurvesByTraining(rows, {
 *   document: createDocument(),
 *   models: ["4B", "32B"],
 *   concepts: ["corrigible"],
 *   layerCounts: { "4B": 36, "32B": 64 },
 *   attributes: { training: { "4B": "distilled", "32B": "full-rl" }, architecture: {}, depth: {} },
 * });
 * assert.equal(fig.querySelectorAll("svg.sweep-legend").length, 3);
 * assert.equal(fig.querySelectorAll('g[aria-label="line"] > g[stroke-dasharray="6,3"]').length, 2);
 * ```
 */
export function layerCurvesByTraining(
  rows: readonly LayerSummaryWithFraction[],
  options: TrainingCurvesOptions,
): HTMLElement {
  const { document, models, attributes, layerCounts } = options;
  const lines = lineStyles(models, attributes);
  const colors = modelColors(models);
  const modelLegend = swatchLegend(
    document,
    "Model",
    models.map((model, i) => ({
      label: layerCountLabel(model, layerCounts),
      color: colors[i],
      shape: "line",
      strokeWidth: lines[model].strokeWidth,
      ...(lines[model].dash ? { dash: lines[model].dash } : {}),
    })),
  );
  const common = { ...options, dots: false, deep: undefined, styles: curveStyles(models, lines) };
  return composeFigure(document, {
    title: "Layer Curves by Training and Architecture",
    subtitle: trainingSubtitle(models, attributes),
    legends: [modelLegend],
    legendRows: [[
      styleLegend(document, "training", attributes.training, models),
      styleLegend(document, "architecture", attributes.architecture, models),
    ]],
    charts: [
      layerCurvesChart(rows, { ...common, x: "layer" }),
      layerCurvesChart(rows, { ...common, x: "layer_frac", facetAxis: false }),
    ],
  });
}
