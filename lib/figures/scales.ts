/**
 * Colour scales several figures share: one colour per model, one per steering strength.
 * @module
 */
import type * as Plot from "@observablehq/plot";
import {
  FONT_FAMILY,
  FONT_SIZE,
  modelColorsByName,
  strengthColors,
  strengthLabel,
} from "./theme.ts";

/** A colour scale's options with its legend's (`style`, `swatchSize`, `columns`, ...): Plot
 * takes both from the `color` option. */
export type ColorScaleOptions =
  & Plot.ScaleOptions
  & Omit<Plot.LegendOptions, keyof Plot.ScaleOptions>;

/** The style of the kit's swatch legends: the figures' font and size (Plot's default is 10 px
 * system-ui); the PNG export draws the labels at this size. */
export const LEGEND_STYLE: Partial<CSSStyleDeclaration> = {
  fontFamily: FONT_FAMILY,
  fontSize: `${FONT_SIZE}px`,
};

/**
 * The model colour scale of a figure cell: ordinal, the models in the given order, each in its
 * own colour keyed by its name (`modelColorOf`: 8B is orange whether or not 4B is loaded), with
 * Plot's swatch legend. `extra` overrides any option (`{ legend: false }`, ...).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const color = modelColor(["8B", "32B"]);
 * assert.deepEqual(color.domain, ["8B", "32B"]);
 * assert.deepEqual(color.range, ["#ff7f0e", "#d62728"]); // orange and red, as with 4B loaded
 * assert.deepEqual([color.type, color.legend, color.label], ["ordinal", true, "Model"]);
 * assert.equal(modelColor(["4B"], { legend: false }).legend, false);
 * ```
 */
export function modelColor(
  models: readonly string[],
  extra: ColorScaleOptions = {},
): ColorScaleOptions {
  return {
    type: "ordinal",
    domain: [...models],
    range: modelColorsByName(models),
    legend: true,
    label: "Model",
    style: LEGEND_STYLE,
    ...extra,
  };
}

/**
 * The strength colour scale of a figure cell: ordinal, negative blue, 0 gray, positive red
 * (seaborn's coolwarm, as `strengthColors`), with Plot's swatch legend labelled "+1.0", "0.0",
 * "−1.0" (`strengthLabel`). `extra` overrides any option.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const color = strengthColor([-1, 0, 1]);
 * assert.deepEqual(color.range, ["rgb(44, 115, 176)", "#8c8c8c", "rgb(186, 48, 54)"]);
 * assert.equal((color.tickFormat as (s: number) => string)(1), "+1.0");
 * assert.deepEqual([color.legend, color.label], [true, "Strength"]);
 * ```
 */
export function strengthColor(
  strengths: readonly number[],
  extra: ColorScaleOptions = {},
): ColorScaleOptions {
  return {
    type: "ordinal",
    domain: [...strengths],
    range: strengthColors(strengths),
    legend: true,
    label: "Strength",
    tickFormat: strengthLabel,
    style: LEGEND_STYLE,
    ...extra,
  };
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
 * A categorical colour scale with Plot's swatch legend in the figures' font: the domain in the
 * given order; `extra` sets the colours (`range`), labels (`tickFormat`) or anything else.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const scale = swatches(["bootstrap", "held out"], { range: ["#1f77b4", "#d62728"] });
 * assert.deepEqual([scale.type, scale.legend, scale.domain], ["ordinal", true, ["bootstrap", "held out"]]);
 * ```
 */
export function swatches(
  domain: readonly unknown[],
  extra: ColorScaleOptions = {},
): ColorScaleOptions {
  return { type: "ordinal", domain: [...domain], legend: true, style: LEGEND_STYLE, ...extra };
}

/**
 * A diverging colour scale centred at 0 (seaborn's `center=0`) with Plot's colour-ramp legend in
 * the figures' font: `scheme` "BuRd" is seaborn's RdBu_r, "RdYlGn" its RdYlGn.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const scale = ramp("BuRd", "Mean Logit Diff");
 * assert.deepEqual([scale.type, scale.pivot, scale.label], ["diverging", 0, "Mean Logit Diff"]);
 * ```
 */
export function ramp(
  scheme: string,
  label: string,
  extra: ColorScaleOptions = {},
): ColorScaleOptions {
  return {
    type: "diverging",
    scheme: scheme as Plot.ColorScheme,
    pivot: 0,
    legend: true,
    label,
    style: LEGEND_STYLE,
    ...extra,
  };
}
