/**
 * The shared look of every figure: labels, colours, sizes.
 * @module
 */
import defer * as Plot from "@observablehq/plot";

/** Font stack of every figure (DejaVu Sans is bundled for the PNG export). */
export const FONT_FAMILY = "DejaVu Sans, sans-serif";

/** Width of one facet panel, in pixels. */
export const PANEL_WIDTH = 300;

/** matplotlib's tab10 cycle: the original's colour per model, in model order. */
export const MODEL_PALETTE = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

/**
 * A concept as a panel title, as Python's `concept.replace("_", " ").title()`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(conceptTitle("self_awareness"), "Self Awareness");
 * ```
 */
export function conceptTitle(concept: string): string {
  return concept.replaceAll("_", " ").replace(
    /[A-Za-z]+/g,
    (w) => w[0].toUpperCase() + w.slice(1).toLowerCase(),
  );
}

/**
 * One colour per model, cycling through tab10.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(modelColors(["4B", "8B"]), ["#1f77b4", "#ff7f0e"]);
 * ```
 */
export function modelColors(models: readonly string[]): string[] {
  return models.map((_, i) => MODEL_PALETTE[i % MODEL_PALETTE.length]);
}

/** ColorBrewer's Dark2: a colour per concept where models are told apart by position (so not
 * by tab10, the models' colours). */
export const CONCEPT_PALETTE = [
  "#1b9e77",
  "#d95f02",
  "#7570b3",
  "#e7298a",
  "#66a61e",
  "#e6ab02",
  "#a6761d",
  "#666666",
];

/**
 * One colour per concept, cycling through Dark2.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(conceptColors(["corrigible", "sycophancy"]), ["#1b9e77", "#d95f02"]);
 * ```
 */
export function conceptColors(concepts: readonly string[]): string[] {
  return concepts.map((_, i) => CONCEPT_PALETTE[i % CONCEPT_PALETTE.length]);
}

/**
 * Diverging colours for steering strengths: negative blue, zero gray, positive red, deeper with
 * the size of the strength (the original's blue, gray and red).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const colors = strengthColors([-1, 0, 1]);
 * assert.deepEqual(colors, ["rgb(44, 115, 176)", "#8c8c8c", "rgb(186, 48, 54)"]);
 * ```
 */
export function strengthColors(strengths: readonly number[]): string[] {
  const max = Math.max(...strengths.map(Math.abs)) || 1;
  const scale = Plot.scale({
    color: { type: "diverging", scheme: "RdBu", domain: [max * 1.35, -max * 1.35], pivot: 0 },
  });
  return strengths.map((s) => s === 0 ? "#8c8c8c" : String(scale.apply(s)));
}

/**
 * Labels strengths as the original's legends do.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual([1, 0, -1].map(strengthLabel), ["+1.0", "0.0", "\u22121.0"]); // a minus sign
 * ```
 */
export function strengthLabel(strength: number): string {
  return `${strength > 0 ? "+" : strength < 0 ? "\u2212" : ""}${Math.abs(strength).toFixed(1)}`;
}

/**
 * Approximate width of a text in the figure font (DejaVu Sans averages 0.6 em per character):
 * the one estimate for legends, margins and the flattened titles of the export.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(textWidth("4B", 10), 12);
 * ```
 */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

/**
 * The estimated width of the widest of some texts (0 for none), to make room for labels.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(widestText(["4B", "235B"], 10), 24);
 * assert.equal(widestText([], 10), 0);
 * ```
 */
export function widestText(texts: readonly string[], fontSize: number): number {
  return Math.max(0, ...texts.map((t) => textWidth(t, fontSize)));
}
