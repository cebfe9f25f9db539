/**
 * How a chart's panels are laid out: concept panels in a row or wrapped into rows, the facet
 * scales, and the size of a chart of concept panels.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
import { chartSize } from "./chart.ts";
import { conceptTitle, PANEL_WIDTH } from "./theme.ts";

/** The facet channels of a mark: which panel each datum goes to. */
export interface FacetChannels {
  fx?: Plot.ChannelValue;
  fy?: Plot.ChannelValue;
}

/** How concept panels are laid out: one row, or wrapped into rows of `columns`. */
export interface ConceptLayout {
  /** Facet channels for every mark of the chart. */
  facet: FacetChannels;
  /** The fx and fy scale options. */
  scales: { fx: Plot.ScaleOptions; fy?: Plot.ScaleOptions };
  /** Panel titles, when they are not the fx axis (wrapped layout). */
  titles: Plot.Markish;
  columns: number;
  rows: number;
}

/** Options of {@link conceptLayout}. */
export interface ConceptLayoutOptions {
  /** Panels per row before wrapping (default 3). */
  columns?: number;
}

/** Room around a chart of concept panels for its axes and titles, and its margins, in pixels. */
export const CONCEPT_PANELS = {
  around: { width: 70, height: 75 },
  margin: { left: 60, top: 30, bottom: 45 },
} as const;

/**
 * Concept panels in one row when there are at most `columns` of them (titles as the top fx axis),
 * else wrapped into rows of `columns`, each panel titled above its frame.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(conceptLayout(["a", "b", "c", "d"]).rows, 2);
 * assert.equal(conceptLayout(["a", "b", "c", "d"], { columns: 4 }).rows, 1);
 * ```
 */
export function conceptLayout(
  concepts: readonly string[],
  options: ConceptLayoutOptions = {},
): ConceptLayout {
  const columns = options.columns ?? 3;
  if (concepts.length <= columns) {
    return {
      facet: { fx: "concept" },
      scales: { fx: conceptFacet(concepts) },
      titles: null,
      columns: Math.max(1, concepts.length),
      rows: 1,
    };
  }
  const index = (d: { concept: string }) => concepts.indexOf(d.concept);
  const facet = {
    fx: (d: { concept: string }) => index(d) % columns,
    fy: (d: { concept: string }) => Math.floor(index(d) / columns),
  };
  return {
    facet,
    scales: { fx: { axis: null, padding: 0.1 }, fy: { axis: null, padding: 0.18 } },
    titles: Plot.text(concepts.map((concept) => ({ concept })), {
      ...facet,
      text: (d: { concept: string }) => conceptTitle(d.concept),
      frameAnchor: "top",
      dy: -16,
      fontSize: 12,
    }),
    columns,
    rows: Math.ceil(concepts.length / columns),
  };
}

/**
 * Plot options of a chart of concept panels: size from the panel size and the layout (through
 * {@link chartSize}), margins for the axis labels, the facet scales.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const options = panelChart(conceptLayout(["a", "b"]), { width: 300, height: 280 });
 * assert.deepEqual([options.width, options.height], [670, 355]);
 * ```
 */
export function panelChart(
  layout: ConceptLayout,
  panel: { width: number; height: number },
): Plot.PlotOptions {
  return {
    ...chartSize({ panel, columns: layout.columns, rows: layout.rows, ...CONCEPT_PANELS }),
    ...layout.scales,
  };
}

/** The size of a panel that holds a group of marks per model: its height, its width a model. */
export interface ModelPanelSize {
  panelHeight: number;
  widthPerModel: number;
}

/**
 * A panel holding a group of marks per model: `widthPerModel` pixels a model, at least
 * {@link PANEL_WIDTH} wide.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const size = { panelHeight: 305, widthPerModel: 90 };
 * assert.deepEqual(modelPanel(2, size), { width: 300, height: 305 });
 * assert.deepEqual(modelPanel(6, size), { width: 540, height: 305 });
 * ```
 */
export function modelPanel(
  models: number,
  size: ModelPanelSize,
): { width: number; height: number } {
  return { width: Math.max(PANEL_WIDTH, models * size.widthPerModel), height: size.panelHeight };
}

/**
 * Plot options for a concept facet across the top: titles as the original's panel titles.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const fx = conceptFacet(["self_awareness"]);
 * assert.equal((fx.tickFormat as (c: string) => string)("self_awareness"), "Self Awareness");
 * ```
 */
export function conceptFacet(concepts: readonly string[]): Plot.ScaleOptions {
  return { domain: [...concepts], tickFormat: conceptTitle, label: null, axis: "top" };
}

/**
 * Plot options for a model facet: model names on the right of each row of panels.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(modelFacet(["4B"]), { domain: ["4B"], label: null, axis: "right" });
 * ```
 */
export function modelFacet(models: readonly string[]): Plot.ScaleOptions {
  return { domain: [...models], label: null, axis: "right" };
}
