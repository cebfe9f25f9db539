/**
 * Colour scales several figures share: one colour per model, one per steering strength.
 * @module
 */
import type * as Plot from "@observablehq/plot";
import { modelColors, strengthColors } from "./theme.ts";

/**
 * The model colour scale: tab10 in model order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(modelColorScale(["4B", "8B"]).range, ["#1f77b4", "#ff7f0e"]);
 * ```
 */
export function modelColorScale(models: readonly string[]): Plot.ScaleOptions {
  return { type: "ordinal", domain: [...models], range: modelColors(models) };
}

/**
 * The strengths present in some rows, sorted: the domain of the strength scale.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(strengthsOf([{ strength: 1 }, { strength: -1 }, { strength: 1 }]), [-1, 1]);
 * ```
 */
export function strengthsOf(rows: readonly { strength: number }[]): number[] {
  return [...new Set(rows.map((r) => r.strength))].sort((a, b) => a - b);
}

/**
 * The strength colour scale: diverging blue, gray, red.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const color = strengthColorScale([-1, 0, 1]);
 * assert.deepEqual([color.domain, (color.range as string[])[1]], [[-1, 0, 1], "#8c8c8c"]);
 * ```
 */
export function strengthColorScale(strengths: readonly number[]): Plot.ScaleOptions {
  return { type: "ordinal", domain: [...strengths], range: strengthColors(strengths) };
}

/** Options of {@link symmetricDivergingScale}. */
export interface DivergingOptions {
  /** A Plot colour scheme ("BuRd", "RdYlGn", ...). */
  scheme: string;
  /** The legend's label. */
  label: string;
  /** The smallest half-width of the domain (default 0). */
  minExtent?: number;
}

/**
 * A diverging colour scale centred at 0, its domain symmetric about 0 and wide enough for every
 * value (and for `minExtent`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const color = symmetricDivergingScale([-0.5, 2], { scheme: "BuRd", label: "Mean" });
 * assert.deepEqual([color.pivot, color.domain], [0, [-2, 2]]);
 * ```
 */
export function symmetricDivergingScale(
  values: readonly number[],
  options: DivergingOptions,
): Plot.ScaleOptions {
  const extent = Math.max(options.minExtent ?? 0, ...values.map(Math.abs));
  return {
    type: "diverging",
    scheme: options.scheme as Plot.ColorScheme,
    pivot: 0,
    domain: [-extent, extent],
    label: options.label,
  };
}
