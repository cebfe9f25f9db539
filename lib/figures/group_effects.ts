/**
 * The author's group comparison as a figure (`group_effects`): Cohen's d per model, models
 * grouped by training method and by architecture (a chart each), every concept a dot, each
 * model's mean a gray tick and each group's mean over its pairs with data a black rule.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
import { type Attribute, groupLabel, type ModelAttributes } from "../models/groups.ts";
import { attributeLabel, dotTitle, groupHeading, groupTitle, modelTitle } from "./group_titles.ts";
import {
  type AttributeGroup,
  drawnGroups,
  modelSlots,
  type ModelTick,
  modelTicks,
} from "./group_means.ts";
import type { PairEffect } from "../stats/group_effects.ts";
import { axis } from "./axes.ts";
import { chartSize, type FigureOptions, plotChart } from "./chart.ts";
import { composeFigure } from "./compose.ts";
import { paddedDomain } from "./domains.ts";
import { swatchLegend } from "./legends.ts";
import { zeroLine } from "./notes.ts";
import { conceptColors, conceptTitle, PANEL_WIDTH, textWidth } from "./theme.ts";

/** Sizes, in pixels unless said: a panel's height, a model's width (the panel at most
 * `maxPanelWidth`, and at least its axis label's width plus `labelPad`), the room around the
 * panel; in model widths, the gap between groups, how far
 * a model's dots spread, a model's tick and a group rule's overhang; the share of the y span
 * left free above the data for the group labels; a dot's radius; the rules' widths. */
export const GROUP_EFFECTS_SIZE = {
  panelHeight: 230,
  modelWidth: 120,
  maxPanelWidth: 880,
  labelPad: 40,
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

/** Options of {@link groupEffectsFigure}. */
export interface GroupEffectsOptions extends FigureOptions {
  /** Each model's groups (`lib/models/groups.ts`). */
  attributes: ModelAttributes;
  /** The attributes compared, a chart each (default training, then architecture). */
  groupBy?: readonly Attribute[];
}

/** Where an attribute's chart puts its groups and models, its axis label and its least width. */
interface AttributePlan {
  attribute: Attribute;
  groups: AttributeGroup[];
  slots: Map<string, number>;
  /** The x extent, in model widths. */
  width: number;
  label: string;
  minPanelWidth: number;
}

function attributePlan(
  rows: readonly PairEffect[],
  attribute: Attribute,
  options: GroupEffectsOptions,
): AttributePlan {
  const size = GROUP_EFFECTS_SIZE;
  const groups = drawnGroups(rows, attribute, options.attributes[attribute], options.models);
  const slots = modelSlots(groups, size.groupGap);
  const width = Math.max(0, ...slots.values()) + 1;
  const label = attributeLabel(attribute, groups);
  const minPanelWidth = Math.max(
    PANEL_WIDTH,
    width * size.modelWidth,
    textWidth(label, 12) + size.labelPad,
  );
  return { attribute, groups, slots, width, label, minPanelWidth };
}

/** One attribute's chart, its panel `panelWidth` pixels wide. */
function attributeChart(
  rows: readonly PairEffect[],
  plan: AttributePlan,
  panelWidth: number,
  options: GroupEffectsOptions,
): Element {
  const size = GROUP_EFFECTS_SIZE;
  const { document, models, concepts } = options;
  const { attribute, groups, slots, width, label } = plan;
  const groupOf = options.attributes[attribute];
  const inGroup = (m: string) => `${attribute}: ${groupLabel(groupOf[m] ?? "unknown")}`;
  const offset = (c: string) =>
    concepts.length > 1 ? (concepts.indexOf(c) / (concepts.length - 1) - 0.5) * size.spread : 0;
  const [lo, hi] = paddedDomain([0, ...rows.map((r) => r.cohens_d)]);
  const drawn = groups.filter((g) => g.n > 0 && Number.isFinite(g.mean));
  const span = (g: AttributeGroup) => g.models.map((m) => slots.get(m)!);
  const color = new Map(concepts.map((c, i) => [c, conceptColors(concepts)[i]]));
  return plotChart(document, {
    ...chartSize({
      panel: { width: panelWidth, height: size.panelHeight },
      around: size.around,
      margin: size.margin,
    }),
    x: axis(label, {
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
        x1: (g: AttributeGroup) => Math.min(...span(g)) - size.groupOverhang,
        x2: (g: AttributeGroup) => Math.max(...span(g)) + size.groupOverhang,
        stroke: GROUP_MEAN,
        strokeWidth: size.groupStroke,
        ariaDescription: "group mean",
        title: (g: AttributeGroup) => groupTitle(g, attribute),
      }),
      Plot.ruleY(modelTicks(rows, models), {
        y: "mean",
        x1: (m: ModelTick) => slots.get(m.model)! - size.modelTick,
        x2: (m: ModelTick) => slots.get(m.model)! + size.modelTick,
        stroke: MODEL_MEAN,
        strokeWidth: size.modelStroke,
        ariaDescription: "model mean",
        title: (m: ModelTick) => modelTitle(m, concepts, inGroup(m.model)),
      }),
      Plot.dot(rows, {
        x: (r: PairEffect) => slots.get(r.model)! + offset(r.concept),
        y: "cohens_d",
        r: size.dotRadius,
        fill: (r: PairEffect) => color.get(r.concept),
        stroke: "white",
        strokeWidth: 0.5,
        title: (r: PairEffect) => dotTitle(r, inGroup(r.model)),
      }),
      Plot.text(groups, {
        x: (g: AttributeGroup) => (Math.min(...span(g)) + Math.max(...span(g))) / 2,
        frameAnchor: "top",
        lineAnchor: "top",
        dy: 5,
        fontSize: 11,
        text: groupHeading,
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
 * const fig = groupEffectsFigure(rows, options);
 * assert.equal(fig.querySelectorAll("svg[class^=plot-]").length, 2); // training, architecture
 * assert.equal(fig.querySelectorAll('g[aria-label="dot"] circle').length, 4); // 2 pairs, twice
 * ```
 */
export function groupEffectsFigure(
  rows: readonly PairEffect[],
  options: GroupEffectsOptions,
): HTMLElement {
  const { document, concepts } = options;
  const drawn = rows.filter((r) => Number.isFinite(r.cohens_d) && options.models.includes(r.model));
  const colors = conceptColors(concepts);
  const plans = (options.groupBy ?? ["training", "architecture"]).map((attribute) =>
    attributePlan(drawn, attribute, options)
  );
  // One panel width for every chart, so that they line up.
  const panelWidth = Math.min(
    GROUP_EFFECTS_SIZE.maxPanelWidth,
    Math.max(PANEL_WIDTH, ...plans.map((p) => p.minPanelWidth)),
  );
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
        {
          label: "model",
          color: MODEL_MEAN,
          shape: "line",
          strokeWidth: GROUP_EFFECTS_SIZE.modelStroke,
        },
        {
          label: "group",
          color: GROUP_MEAN,
          shape: "line",
          strokeWidth: GROUP_EFFECTS_SIZE.groupStroke,
        },
      ]),
    ],
    charts: plans.map((plan) => attributeChart(drawn, plan, panelWidth, options)),
  });
}
