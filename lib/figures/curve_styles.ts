/**
 * How the layer curves are drawn: line styles by group of models (solid, dashed, thicker), and
 * the models' legend labels with their layer counts.
 * @module
 */

/** A line style of the curves: the models drawn with it, its width and its dashes. */
export interface CurveStyle {
  keep: (model: string) => boolean;
  strokeWidth: number;
  /** SVG stroke-dasharray; solid when unset. */
  dash?: string;
}

/** Stroke width of a solid curve, and width and dashes of a deep model's curve (figure 9). */
export const CURVE_STROKE = { solid: 1.5, deep: 2.2, deepDash: "6,3" } as const;

/**
 * The line styles of figure 9: every model solid, the deep ones dashed and thicker.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const [shallow, deep] = depthStyles(["32B"]);
 * assert.deepEqual([shallow.keep("4B"), deep.keep("32B"), deep.dash], [true, true, "6,3"]);
 * ```
 */
export function depthStyles(deep: readonly string[]): CurveStyle[] {
  return [
    { keep: (m) => !deep.includes(m), strokeWidth: CURVE_STROKE.solid },
    { keep: (m) => deep.includes(m), strokeWidth: CURVE_STROKE.deep, dash: CURVE_STROKE.deepDash },
  ];
}

/**
 * A model's legend label, with its layer count when layer counts are given (the author's
 * "4B (36L)"; "?" for a model without a count).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(layerCountLabel("4B", { "4B": 36 }), "4B (36L)");
 * assert.equal(layerCountLabel("mine", {}), "mine (?L)");
 * assert.equal(layerCountLabel("4B"), "4B");
 * ```
 */
export function layerCountLabel(
  model: string,
  layerCounts?: Readonly<Record<string, number>>,
): string {
  return layerCounts ? `${model} (${layerCounts[model] ?? "?"}L)` : model;
}
