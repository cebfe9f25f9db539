/**
 * A chart: what every builder takes, the base style, the one sizing helper and a typed
 * `Plot.plot`.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
import type { Pair } from "../sweep/types.ts";
import { FONT_FAMILY } from "./theme.ts";

/** What every figure builder takes: the DOM to draw in, the models and concepts in order, and the
 * pairs with no data (noted in their panels). */
export interface FigureOptions {
  document: Document;
  models: string[];
  concepts: string[];
  missing?: readonly Pair[];
}

/** Base style of every chart. */
export const CHART_STYLE = { fontFamily: FONT_FAMILY, fontSize: "12px", background: "white" };

/** Margins of a chart, in pixels; an unset side keeps Plot's default. */
export interface Margins {
  top?: number;
  right?: number;
  bottom?: number;
  left?: number;
}

/** A chart's size: a grid of equal panels plus fixed room around them (axes, titles). */
export interface ChartGrid {
  /** One panel's width and height, in pixels. */
  panel: { width: number; height: number };
  /** Panels across and down (default 1 each). */
  columns?: number;
  rows?: number;
  /** Pixels added to the grid's width and height for the axes and titles around it. */
  around: { width: number; height: number };
  margin: Margins;
}

/**
 * The size options of a chart (base style, width, height, margins) from its panel grid: the one
 * sizing rule of every figure.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const size = chartSize({
 *   panel: { width: 300, height: 280 },
 *   columns: 3,
 *   around: { width: 70, height: 60 },
 *   margin: { left: 60, bottom: 45 },
 * });
 * assert.deepEqual([size.width, size.height, size.marginLeft], [970, 340, 60]);
 * assert.equal("marginRight" in size, false);
 * ```
 */
export function chartSize(grid: ChartGrid): Plot.PlotOptions {
  const { panel, around, margin } = grid;
  const sides = {
    marginLeft: margin.left,
    marginRight: margin.right,
    marginTop: margin.top,
    marginBottom: margin.bottom,
  };
  return {
    style: CHART_STYLE,
    width: panel.width * (grid.columns ?? 1) + around.width,
    height: around.height + panel.height * (grid.rows ?? 1),
    ...Object.fromEntries(Object.entries(sides).filter(([, v]) => v !== undefined)),
  };
}

/**
 * `Plot.plot` in a given document, typed as the DOM element it returns (an `<svg>`, or a
 * `<figure>` when Plot adds a legend or title).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { createDocument } from "./dom.ts";
 * const chart = plotChart(createDocument(), { marks: [Plot.dot([1, 2])] });
 * assert.equal(chart.tagName.toLowerCase(), "svg");
 * ```
 */
export function plotChart(document: Document, options: Plot.PlotOptions): Element {
  return Plot.plot({ document, ...options }) as unknown as Element;
}
