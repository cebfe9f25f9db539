/**
 * Axes in the original's (matplotlib's) look: label centred, no arrow.
 * @module
 */
import type * as Plot from "@observablehq/plot";

/**
 * An axis with its label centred and no arrow (the matplotlib look).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(axis("Layer", { grid: true }), {
 *   label: "Layer",
 *   labelAnchor: "center",
 *   labelArrow: "none",
 *   grid: true,
 * });
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
 * import assert from "node:assert/strict";
 * const x = modelIndexAxis(["4B", "8B"]);
 * assert.deepEqual([x.domain, x.ticks], [[-0.5, 1.5], [0, 1]]);
 * assert.equal((x.tickFormat as (i: number) => string)(1), "8B");
 * ```
 */
export function modelIndexAxis(models: readonly string[]): Plot.ScaleOptions {
  return axis("Model", {
    domain: [-0.5, models.length - 0.5],
    ticks: models.map((_, i) => i),
    tickFormat: (i: number) => models[i] ?? "",
  });
}
