/**
 * Figures 4 and 5 (`heatmap_single_example`, `heatmap_grid`): mean logit diff by layer and
 * strength, on a diverging scale centred at 0.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
import type { HeatmapCell } from "../stats/heatmap.ts";
import { axis } from "./axes.ts";
import { chartSize, type FigureOptions, plotChart } from "./chart.ts";
import { composeFigure } from "./compose.ts";
import { formatValue, hoverText } from "./hover.ts";
import { conceptFacet } from "./layout.ts";
import { rampLegend } from "./legends.ts";
import { noDataText } from "./notes.ts";
import { strengthsOf, symmetricDivergingScale } from "./scales.ts";
import { conceptTitle, strengthLabel } from "./theme.ts";

/** Sizes of a row of heatmap panels, in pixels: a panel's width (per strength, at least
 * `minPanelWidth`), a layer's height in the single heatmap and in the grid, the margins (top and
 * bottom with an axis there, or `bareMargin` without), and the layers assumed for a model with no
 * data. */
export const HEATMAP_SIZE = {
  minPanelWidth: 150,
  widthPerStrength: 50,
  layerHeight: { single: 18, grid: 6 },
  margin: { left: 70, right: 10, top: 30, bottom: 45 },
  bareMargin: 6,
  emptyLayers: 10,
} as const;

/** Options of the heatmaps. */
export type HeatmapOptions = FigureOptions;

/** The colour scale: RdBu reversed (seaborn `RdBu_r`), centred at 0. */
export function heatmapColor(cells: readonly HeatmapCell[]): Plot.ScaleOptions {
  return symmetricDivergingScale(cells.map((c) => c.mean_logit_diff), {
    scheme: "BuRd",
    label: "Mean Logit Diff",
  });
}

/**
 * Hover text of a heatmap cell: model, concept, layer, strength, mean.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const cell = { model: "14B", concept: "corrigible", layer: 20, strength: 1 };
 * assert.equal(
 *   cellTitle({ ...cell, mean_logit_diff: 9.1 }),
 *   "14B · Corrigible\nlayer 20, strength +1.0\nmean logit diff 9.10",
 * );
 * ```
 */
export function cellTitle(c: HeatmapCell): string {
  return hoverText(c, [
    `layer ${c.layer}, strength ${strengthLabel(c.strength)}`,
    `mean logit diff ${formatValue(c.mean_logit_diff)}`,
  ]);
}

/** Where a row's layers go on its y axis: one row of cells per layer present. */
export interface LayerRows {
  /** Rows of cells the panel is tall. */
  rows: number;
  /** The y position of a layer's cell. */
  position: (layer: number) => number;
  /** Extra y-axis options (ticks labelled with layer numbers when positions are ranks). */
  axis: Plot.ScaleOptions;
}

/**
 * The y layout of a row's layers, so a panel's size follows the layers present, never the largest
 * layer number: contiguous layers sit at their own number (as the original draws them); layers
 * with gaps (11, 12, 4999) are drawn one row each, in order, the ticks naming them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(layerRows([11, 12, 13]).position(12), 12);
 * const sparse = layerRows([11, 12, 4999]);
 * assert.deepEqual([sparse.rows, sparse.position(4999)], [3, 2]);
 * assert.equal((sparse.axis.tickFormat as (i: number) => string)(2), "4999");
 * ```
 */
export function layerRows(layers: readonly number[]): LayerRows {
  const present = [...new Set(layers)].sort((a, b) => a - b);
  if (present.length === 0) {
    return { rows: HEATMAP_SIZE.emptyLayers, position: (layer) => layer, axis: {} };
  }
  const span = present[present.length - 1] - present[0] + 1;
  if (span === present.length) return { rows: span, position: (layer) => layer, axis: {} };
  const rank = new Map(present.map((layer, i) => [layer, i]));
  const every = Math.ceil(present.length / 12);
  return {
    rows: present.length,
    position: (layer) => rank.get(layer)!,
    axis: {
      domain: [-0.5, present.length - 0.5],
      ticks: present.map((_, i) => i).filter((i) => i % every === 0),
      tickFormat: (i: number) => String(present[i] ?? ""),
    },
  };
}

/** Layout of one row of heatmap panels. */
interface RowLayout {
  /** Pixels per layer. */
  layerHeight: number;
  /** Concept titles above (first row). */
  top: boolean;
  /** Strength axis below (last row). */
  bottom: boolean;
  /** The colour scale shared by every row. */
  color: Plot.ScaleOptions;
}

/**
 * One model's row of panels (one per concept): its own layer axis, the shared colour scale.
 * Rows are stacked rather than faceted by model, since models have different layer ranges.
 */
function heatmapRow(
  cells: readonly HeatmapCell[],
  model: string,
  options: HeatmapOptions,
  layout: RowLayout,
): Element {
  const { document, concepts } = options;
  const strengths = strengthsOf(cells);
  const own = cells.filter((c) => c.model === model);
  const size = HEATMAP_SIZE;
  const { rows, position, axis: layerAxis } = layerRows(own.map((c) => c.layer));
  const missing = (options.missing ?? []).filter((p) => p.model === model);
  const top = layout.top ? size.margin.top : size.bareMargin;
  const bottom = layout.bottom ? size.margin.bottom : size.bareMargin;
  return plotChart(document, {
    ...chartSize({
      panel: {
        width: Math.max(size.minPanelWidth, strengths.length * size.widthPerStrength),
        height: rows * layout.layerHeight,
      },
      columns: concepts.length,
      around: { width: size.margin.left, height: top + bottom },
      margin: { ...size.margin, top, bottom },
    }),
    fx: { ...conceptFacet(concepts), ...(layout.top ? {} : { axis: null }) },
    x: axis("Strength", {
      domain: strengths,
      tickFormat: strengthLabel,
      padding: 0,
      ...(layout.bottom ? {} : { axis: null }),
    }),
    y: axis(`${model} · Layer`, { reverse: true, ...layerAxis }),
    color: layout.color,
    marks: [
      // The panels' extent (the cells fill it), not drawn.
      Plot.frame({ stroke: "none" }),
      Plot.barY(own, {
        x: "strength",
        y1: (c: HeatmapCell) => position(c.layer) - 0.5,
        y2: (c: HeatmapCell) => position(c.layer) + 0.5,
        fill: "mean_logit_diff",
        fx: "concept",
        inset: 0,
        title: cellTitle,
      }),
      noDataText(missing),
    ],
  });
}

/**
 * One model/concept heatmap (the original shows 14B corrigible).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * const cells = [30, 31].flatMap((layer) =>
 *   [-1, 0, 1].map((strength) => ({
 *     model: "14B",
 *     concept: "corrigible",
 *     layer,
 *     strength,
 *     mean_logit_diff: 3 * strength,
 *   }))
 * );
 * const document = createDocument();
 * const fig = strengthHeatmap(cells, { document, models: ["14B"], concepts: ["corrigible"] });
 * assert.equal(fig.querySelector("h2")?.textContent, "14B - Corrigible");
 * assert.equal(fig.querySelectorAll('g[aria-label="bar"] rect').length, 6);
 * ```
 */
export function strengthHeatmap(
  cells: readonly HeatmapCell[],
  options: HeatmapOptions,
): HTMLElement {
  const [model] = options.models, [concept] = options.concepts;
  const own = cells.filter((c) => c.model === model && c.concept === concept);
  return composeFigure(options.document, {
    title: `${model} - ${conceptTitle(concept)}`,
    subtitle: "Mean logit diff by layer and steering strength",
    legends: [rampLegend(options.document, heatmapColor(own))],
    charts: [
      heatmapRow(own, model, { ...options, concepts: [concept] }, {
        layerHeight: HEATMAP_SIZE.layerHeight.single,
        top: false,
        bottom: true,
        color: heatmapColor(own),
      }),
    ],
  });
}

/**
 * The grid of heatmaps: models down, concepts across, one colour scale for all panels.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * const cells = [30, 31].flatMap((layer) =>
 *   [-1, 0, 1].map((strength) => ({
 *     model: "14B",
 *     concept: "corrigible",
 *     layer,
 *     strength,
 *     mean_logit_diff: 3 * strength,
 *   }))
 * );
 * const document = createDocument();
 * const options = { document, models: ["14B"], concepts: ["corrigible", "sycophancy"] };
 * const fig = heatmapGrid(cells, options);
 * assert.equal(fig.querySelectorAll("svg").length, 2); // the colour ramp, then one row per model
 * ```
 */
export function heatmapGrid(cells: readonly HeatmapCell[], options: HeatmapOptions): HTMLElement {
  return composeFigure(options.document, {
    title: "Mean Logit Diff by Layer and Steering Strength",
    subtitle: "One colour scale for every panel, centred at 0 (red: toward the matching answer)",
    legends: [rampLegend(options.document, heatmapColor(cells))],
    charts: options.models.map((model, i) =>
      heatmapRow(cells, model, options, {
        layerHeight: HEATMAP_SIZE.layerHeight.grid,
        top: i === 0,
        bottom: i === options.models.length - 1,
        color: heatmapColor(cells),
      })
    ),
  });
}
