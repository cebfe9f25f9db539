/**
 * Marks and scale options several figures share.
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Pair } from "../sweep/types.ts";
import { conceptTitle, FONT_FAMILY, modelColors, strengthColors } from "./theme.ts";

/** What every figure builder takes: the DOM to draw in, the models and concepts in order, and the
 * pairs with no data (noted in their panels). */
export interface FigureOptions {
  document: Document;
  models: string[];
  concepts: string[];
  missing?: readonly Pair[];
}

/**
 * An axis with its label centred and no arrow (the matplotlib look).
 *
 * @example
 * ```ts
 * axis("Layer", { grid: true }); // { label: "Layer", labelAnchor: "center", labelArrow: "none", grid: true }
 * ```
 */
export function axis(label: string, options: Plot.ScaleOptions = {}): Plot.ScaleOptions {
  return { label, labelAnchor: "center", labelArrow: "none", ...options };
}

/**
 * A model axis on a linear scale, model i at x = i, for marks placed beside each other around a
 * model (dodged violins, paired estimates).
 *
 * @example
 * ```ts
 * modelIndexAxis(["4B", "8B"]); // domain [-0.5, 1.5], ticks 0 and 1 labelled 4B and 8B
 * ```
 */
export function modelIndexAxis(models: readonly string[]): Plot.ScaleOptions {
  return axis("Model", {
    domain: [-0.5, models.length - 0.5],
    ticks: models.map((_, i) => i),
    tickFormat: (i: number) => models[i] ?? "",
  });
}

/**
 * Plot options of a chart of concept panels: size from the panel size and the layout, margins
 * for the axis labels, the facet scales.
 *
 * @example
 * ```ts
 * Plot.plot({ document, ...panelChart(conceptLayout(concepts), 300, 280), marks });
 * ```
 */
export function panelChart(
  layout: ConceptLayout,
  panelWidth: number,
  panelHeight: number,
): Plot.PlotOptions {
  return {
    style: CHART_STYLE,
    width: panelWidth * layout.columns + 70,
    height: 75 + panelHeight * layout.rows,
    marginLeft: 60,
    marginTop: 30,
    marginBottom: 45,
    ...layout.scales,
  };
}

/** The facet channels of a mark: which panel each datum goes to. */
export interface FacetChannels {
  fx?: Plot.ChannelValue;
  fy?: Plot.ChannelValue;
}

/**
 * A gray "no data" note in each panel that lacks data: per concept panel, listing the models
 * missing from it, or with `byModel`, "no data" in the middle of each model x concept panel.
 *
 * @example
 * ```ts
 * noDataText([{ model: "32B", concept: "honesty" }]); // "no data: 32B" in the honesty panel
 * ```
 */
export function noDataText(
  missing: readonly Pair[],
  byModel = false,
  facet: FacetChannels = byModel ? { fx: "concept", fy: "model" } : { fx: "concept" },
): Plot.Markish {
  const notes = byModel
    ? missing.map((p) => ({ ...p, text: "no data" }))
    : [...new Set(missing.map((p) => p.concept))].map((concept) => ({
      concept,
      text: `no data: ${
        missing.filter((p) => p.concept === concept).map((p) => p.model).join(", ")
      }`,
    }));
  return Plot.text(notes, {
    ...facet,
    text: "text",
    frameAnchor: byModel ? "middle" : "top-left",
    dx: byModel ? 0 : 6,
    dy: byModel ? 0 : 6,
    fill: "#888",
    fontSize: 12,
  });
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

/**
 * Concept panels in one row when there are at most `columns` of them (titles as the top fx axis),
 * else wrapped into rows of `columns`, each panel titled above its frame.
 *
 * @example
 * ```ts
 * conceptLayout(["a", "b", "c", "d"]).rows; // 2
 * ```
 */
export function conceptLayout(concepts: readonly string[], columns = 3): ConceptLayout {
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
 * The marks every concept-panel chart ends with: "no data" notes and, when wrapped, the titles.
 *
 * @example
 * ```ts
 * marks: [...dataMarks, ...panelNotes(layout, options.missing)]
 * ```
 */
export function panelNotes(layout: ConceptLayout, missing: readonly Pair[] = []): Plot.Markish[] {
  return [noDataText(missing, false, layout.facet), layout.titles];
}

/** Plot options for a concept facet across the top: titles as the original's panel titles. */
export function conceptFacet(concepts: readonly string[]): Plot.ScaleOptions {
  return { domain: [...concepts], tickFormat: conceptTitle, label: null, axis: "top" };
}

/** Plot options for a model facet: model names on the right of each row of panels. */
export function modelFacet(models: readonly string[]): Plot.ScaleOptions {
  return { domain: [...models], label: null, axis: "right" };
}

/** The model colour scale: tab10 in model order. */
export function modelColorScale(models: readonly string[]): Plot.ScaleOptions {
  return { type: "ordinal", domain: [...models], range: modelColors(models) };
}

/** Base style of every chart. */
export const CHART_STYLE = { fontFamily: FONT_FAMILY, fontSize: "12px", background: "white" };

/** The strengths present in some rows, sorted. */
export function strengthsOf(rows: readonly { strength: number }[]): number[] {
  return [...new Set(rows.map((r) => r.strength))].sort((a, b) => a - b);
}

/** The strength colour scale: diverging blue, gray, red. */
export function strengthColorScale(strengths: readonly number[]): Plot.ScaleOptions {
  return { type: "ordinal", domain: [...strengths], range: strengthColors(strengths) };
}

/**
 * A colour-ramp legend for a continuous colour scale (drawn on a canvas by Plot).
 *
 * @example
 * ```ts
 * rampLegend(document, { type: "diverging", scheme: "BuRd", pivot: 0, label: "Mean" });
 * ```
 */
export function rampLegend(document: Document, color: Plot.ScaleOptions, width = 320): Element {
  const options = { document, color, width } as unknown as Parameters<typeof Plot.legend>[0];
  return Plot.legend(options) as unknown as Element;
}

/**
 * The dashed reference line at 0 (a horizontal rule, or vertical with `"x"`), described as
 * "zero line" (`aria-description`) so that it is told apart from the data marks.
 *
 * @example
 * ```ts
 * zeroLine(); // a gray dashed rule at y = 0
 * zeroLine("y", { stroke: "red", strokeOpacity: 0.6, strokeDasharray: "5,3" });
 * ```
 */
export function zeroLine(
  direction: "x" | "y" = "y",
  style: Plot.MarkOptions = { stroke: "black", strokeOpacity: 0.4, strokeDasharray: "4,3" },
): Plot.Markish {
  const options = { ...style, ariaDescription: "zero line" };
  return direction === "y" ? Plot.ruleY([0], options) : Plot.ruleX([0], options);
}
