/**
 * The author's group comparison as a figure (`group_effects`): Cohen's d per model, models
 * grouped by training method and by architecture (a chart each), every concept a dot, each
 * model's mean a gray tick and each group's mean over its pairs with data a black rule.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Attribute, groupLabel, type ModelAttributes } from "../models/groups.ts";
import {
  type GroupEffectRow,
  type GroupMean,
  groupMeans,
  type ModelMean,
  modelMeans,
  modelSlots,
} from "./group_means.ts";
import { axis } from "./axes.ts";
import { chartSize, type FigureOptions, plotChart } from "./chart.ts";
import { composeFigure } from "./compose.ts";
import { paddedDomain } from "./domains.ts";
import { formatValue, hoverText } from "./hover.ts";
import { swatchLegend } from "./legends.ts";
import { zeroLine } from "./notes.ts";
import { conceptColors, conceptTitle, PANEL_WIDTH } from "./theme.ts";

/** Sizes, in pixels unless said: a panel's height, a model's width (the panel at most
 * `maxPanelWidth`), the room around the panel; in model widths, the gap between groups, how far
 * a model's dots spread, a model's tick and a group rule's overhang; the share of the y span
 * left free above the data for the group labels; a dot's radius; the rules' widths. */
export const GROUP_EFFECTS_SIZE = {
  panelHeight: 230,
  modelWidth: 100,
  maxPanelWidth: 880,
  around: { width: 80, height: 55 },
  margin: { left: 60, right: 20, top: 10, bottom: 45 },
  groupGap: 0.7,
  spread: 0.44,
  modelTick: 0.3,
  groupOverhang: 0.4,
  labelRoom: 0.22,
  dotRadius: 4,
  modelStroke: 2,
  groupStroke: 2.5,
} as const;

const MODEL_MEAN = "#888", GROUP_MEAN = "black";

/** Options of {@link groupEffects}. */
export interface GroupEffectsOptions extends FigureOptions {
  /** Each model's groups (`lib/models/groups.ts`). */
  attributes: ModelAttributes;
  /** The attributes compared, a chart each (default training, then architecture). */
  groupBy?: readonly Attribute[];
}

/**
 * Hover text of a dot: model, concept, Cohen's d and delta at the best layer, the model's group.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { model: "4B", concept: "corrigible", delta: 14.01, cohens_d: 1.484 };
 * assert.equal(
 *   dotTitle(row, "training: distilled"),
 *   "4B · Corrigible\nCohen's d 1.48 (delta 14.01) at the best layer\ntraining: distilled",
 * );
 * ```
 */
export function dotTitle(r: GroupEffectRow, group: string): string {
  return hoverText(r, [
    `Cohen's d ${formatValue(r.cohens_d)} (delta ${formatValue(r.delta)}) at the best layer`,
    group,
  ]);
}

/**
 * The axis label of an attribute's chart: its groups, or that there is no comparison.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const g = (group: string) => ({ group, models: [], n: 0, mean: NaN, sd: NaN });
 * assert.equal(attributeLabel("training", [g("distilled"), g("full-rl")]), "By training: distilled vs full RL");
 * assert.equal(
 *   attributeLabel("architecture", [g("dense"), g("unknown")]),
 *   "By architecture: only dense models in this sweep, no comparison (unknown: no group)",
 * );
 * ```
 */
export function attributeLabel(attribute: Attribute, groups: readonly GroupMean[]): string {
  const known = groups.filter((g) => g.group !== "unknown").map((g) => groupLabel(g.group));
  const unknown = groups.length > known.length ? " (unknown: no group)" : "";
  const compared = known.length > 1
    ? known.join(" vs ")
    : known.length === 1
    ? `only ${known[0]} models in this sweep, no comparison`
    : "no model has a group, no comparison";
  return `By ${attribute}: ${compared}${unknown}`;
}

/** One attribute's chart. */
function attributeChart(
  rows: readonly GroupEffectRow[],
  attribute: Attribute,
  options: GroupEffectsOptions,
): Element {
  const size = GROUP_EFFECTS_SIZE;
  const { document, models, concepts } = options;
  const groupOf = options.attributes[attribute];
  const groups = groupMeans(rows, groupOf, models);
  const slots = modelSlots(groups, size.groupGap);
  const width = Math.max(0, ...slots.values()) + 1;
  const inGroup = (m: string) => `${attribute}: ${groupLabel(groupOf[m] ?? "unknown")}`;
  const offset = (c: string) =>
    concepts.length > 1 ? (concepts.indexOf(c) / (concepts.length - 1) - 0.5) * size.spread : 0;
  const [lo, hi] = paddedDomain([0, ...rows.map((r) => r.cohens_d)]);
  const drawn = groups.filter((g) => g.n > 0 && Number.isFinite(g.mean));
  const span = (g: GroupMean) => g.models.map((m) => slots.get(m)!);
  const color = new Map(concepts.map((c, i) => [c, conceptColors(concepts)[i]]));
  return plotChart(document, {
    ...chartSize({
      panel: {
        width: Math.min(size.maxPanelWidth, Math.max(PANEL_WIDTH, width * size.modelWidth)),
        height: size.panelHeight,
      },
      around: size.around,
      margin: size.margin,
    }),
    x: axis(attributeLabel(attribute, groups), {
      domain: [-0.5, width - 0.5],
      ticks: [...slots.values()],
      tickFormat: (x: number) => [...slots].find(([, s]) => s === x)?.[0] ?? "",
    }),
    y: axis("Cohen's d", { grid: true, domain: [lo, hi + (hi - lo) * size.labelRoom] }),
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      zeroLine(),
      Plot.ruleY(drawn, {
        y: "mean",
        x1: (g: GroupMean) => Math.min(...span(g)) - size.groupOverhang,
        x2: (g: GroupMean) => Math.max(...span(g)) + size.groupOverhang,
        stroke: GROUP_MEAN,
        strokeWidth: size.groupStroke,
        ariaDescription: "group mean",
        title: (g: GroupMean) => groupTitle(g, attribute),
      }),
      Plot.ruleY(modelMeans(rows, models), {
        y: "mean",
        x1: (m: ModelMean) => slots.get(m.model)! - size.modelTick,
        x2: (m: ModelMean) => slots.get(m.model)! + size.modelTick,
        stroke: MODEL_MEAN,
        strokeWidth: size.modelStroke,
        ariaDescription: "model mean",
        title: (m: ModelMean) => modelTitle(m, concepts, inGroup(m.model)),
      }),
      Plot.dot(rows, {
        x: (r: GroupEffectRow) => slots.get(r.model)! + offset(r.concept),
        y: "cohens_d",
        r: size.dotRadius,
        fill: (r: GroupEffectRow) => color.get(r.concept),
        stroke: "white",
        strokeWidth: 0.5,
        title: (r: GroupEffectRow) => dotTitle(r, inGroup(r.model)),
      }),
      Plot.text(groups, {
        x: (g: GroupMean) => (Math.min(...span(g)) + Math.max(...span(g))) / 2,
        frameAnchor: "top",
        lineAnchor: "top",
        dy: 5,
        fontSize: 11,
        text: (g: GroupMean) =>
          `${groupLabel(g.group)}\n${
            g.group === "unknown"
              ? "no group"
              : g.n
              ? `mean ${formatValue(g.mean)}, ${g.n} pairs`
              : "no data"
          }`,
      }),
      Plot.text(models.filter((m) => !rows.some((r) => r.model === m)), {
        x: (m: string) => slots.get(m),
        frameAnchor: "middle",
        text: () => "no data",
        fill: "#888",
        fontSize: 12,
      }),
    ],
  });
}

/**
 * Hover text of a group's rule: the group, its models, its mean Cohen's d over its pairs, the SD.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const g = { group: "full-rl", models: ["32B", "235B-A22B"], n: 5, mean: 1.0073, sd: 0.2808 };
 * assert.equal(
 *   groupTitle(g, "training"),
 *   "full RL · training (32B, 235B-A22B)\nmean Cohen's d 1.01 over 5 pairs, each at its best layer\nSD 0.28",
 * );
 * ```
 */
export function groupTitle(g: GroupMean, attribute: Attribute): string {
  return [
    `${groupLabel(g.group)} · ${attribute} (${g.models.join(", ")})`,
    `mean Cohen's d ${formatValue(g.mean)} over ${g.n} pairs, each at its best layer`,
    `SD ${formatValue(g.sd)}`,
  ].join("\n");
}

/** Hover text of a model's tick: its mean over its concepts, and the concepts without data. */
function modelTitle(m: ModelMean, concepts: readonly string[], group: string): string {
  const missing = concepts.filter((c) => !m.concepts.includes(c)).map(conceptTitle);
  return [
    `${m.model} · all concepts`,
    `mean Cohen's d ${
      formatValue(m.mean)
    } over ${m.concepts.length} concepts, each at its best layer`,
    ...(missing.length ? [`no data: ${missing.join(", ")}`] : []),
    group,
  ].join("\n");
}

/**
 * The group-effects figure: a chart per attribute (training, then architecture), titled, with
 * the concept colours and what the ticks and rules are.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * const rows = [
 *   { model: "4B", concept: "corrigible", delta: 14, cohens_d: 1.48 },
 *   { model: "32B", concept: "corrigible", delta: 4.5, cohens_d: 1.29 },
 * ];
 * const attributes = {
 *   training: { "4B": "distilled", "32B": "full-rl" },
 *   architecture: { "4B": "dense", "32B": "dense" },
 *   depth: {},
 * };
 * const document = createDocument();
 * const options = { document, models: ["4B", "32B"], concepts: ["corrigible"], attributes };
 * const fig = groupEffects(rows, options);
 * assert.equal(fig.querySelectorAll("svg[class^=plot-]").length, 2); // training, architecture
 * assert.equal(fig.querySelectorAll('g[aria-label="dot"] circle').length, 4); // 2 pairs, twice
 * ```
 */
export function groupEffects(
  rows: readonly GroupEffectRow[],
  options: GroupEffectsOptions,
): HTMLElement {
  const { document, concepts } = options;
  const drawn = rows.filter((r) => Number.isFinite(r.cohens_d));
  const colors = conceptColors(concepts);
  return composeFigure(document, {
    title: "Steering Effect Size (Cohen's d) by Training and Architecture",
    subtitle: "Dots: each concept at its best layer; gray ticks: each model's mean; " +
      "black rules: each group's mean over its pairs with data",
    legends: [
      swatchLegend(
        document,
        "Concept",
        concepts.map((c, i) => ({ label: conceptTitle(c), color: colors[i] })),
      ),
      swatchLegend(document, "Mean", [
        { label: "model", color: MODEL_MEAN, shape: "line", strokeWidth: 2 },
        { label: "group", color: GROUP_MEAN, shape: "line", strokeWidth: 2.5 },
      ]),
    ],
    charts: (options.groupBy ?? ["training", "architecture"]).map((attribute) =>
      attributeChart(drawn, attribute, options)
    ),
  });
}
