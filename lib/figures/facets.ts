/**
 * Facet scales of figure cells: a panel per concept (or model), in the sweep's order, titled as
 * the original's panels.
 * @module
 */
import type * as Plot from "@observablehq/plot";
import { conceptTitle } from "./theme.ts";

/** The facet channels of a mark (which panel each datum goes to): `{ fx: "concept" }`,
 * `{ fx: "concept", fy: "model" }`, or accessors. */
export interface FacetChannels {
  fx?: Plot.ChannelValue;
  fy?: Plot.ChannelValue;
}

/**
 * Options of Plot's `fx` (or `fy`) scale for a panel per concept: the concepts in the given
 * order (Plot would sort them), titled "Self Awareness" from "self_awareness"
 * (`conceptTitle`), no axis label. Plot puts an `fx` axis on top, an `fy` axis on the right.
 * `extra` overrides any option.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const fx = conceptFacet(["sycophancy", "self_awareness"]);
 * assert.deepEqual([fx.domain, fx.label], [["sycophancy", "self_awareness"], null]);
 * assert.equal((fx.tickFormat as (c: string) => string)("self_awareness"), "Self Awareness");
 * ```
 */
export function conceptFacet(
  concepts: readonly string[],
  extra: Plot.ScaleOptions = {},
): Plot.ScaleOptions {
  return { domain: [...concepts], tickFormat: conceptTitle, label: null, ...extra };
}

/**
 * Options of Plot's `fy` (or `fx`) scale for a panel per model: the models in the given order
 * (Plot would sort "32B" before "4B"), no axis label. `extra` overrides any option.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(modelFacet(["4B", "32B"]), { domain: ["4B", "32B"], label: null });
 * ```
 */
export function modelFacet(
  models: readonly string[],
  extra: Plot.ScaleOptions = {},
): Plot.ScaleOptions {
  return { domain: [...models], label: null, ...extra };
}
