/**
 * The author's later effect-size heatmap (`glass_delta_heatmap`): Glass's delta per model and
 * concept, drawn as the Cohen's d heatmap (figure 8) is.
 * @module
 */
import { effectHeatmap, type HeatmapMeasure } from "./effect_size_heatmap.ts";
import type { FigureOptions } from "./chart.ts";
import { formatValue, hoverText } from "./hover.ts";
import type { GlassDeltaRow } from "../stats/glass_delta.ts";

/**
 * One pair's Glass's delta at its best layer (a row of `glassDeltas`, lib/stats/glass_delta.ts:
 * (mean at +1 − mean at −1) / SD at −1, as the author defines it). The delta and the SD, when
 * given, show in the hover text.
 */
export type GlassDeltaCell =
  & Pick<GlassDeltaRow, "model" | "concept" | "glass_delta">
  & Partial<Pick<GlassDeltaRow, "delta" | "std_negative">>;

/**
 * Hover text of a cell: model, concept, the strengths compared, Glass's delta, and the delta
 * over the SD at −1 when the row has them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { model: "4B", concept: "corrigible", glass_delta: 1.5, delta: 12, std_negative: 8 };
 * assert.equal(
 *   glassTitle(row),
 *   "4B · Corrigible\nbest layer, strength +1.0 vs \u22121.0\n" +
 *     "Glass's delta 1.50 (delta 12.00 / SD at \u22121.0 8.00)",
 * );
 * assert.equal(
 *   glassTitle({ model: "4B", concept: "corrigible", glass_delta: 1.5 }).split("\n")[2],
 *   "Glass's delta 1.50",
 * );
 * ```
 */
export function glassTitle(r: GlassDeltaCell): string {
  const parts = r.delta !== undefined && r.std_negative !== undefined
    ? ` (delta ${formatValue(r.delta)} / SD at \u22121.0 ${formatValue(r.std_negative)})`
    : "";
  return hoverText(r, [
    "best layer, strength +1.0 vs \u22121.0",
    `Glass's delta ${formatValue(r.glass_delta)}${parts}`,
  ]);
}

/** The author's Glass's delta (cell 26). */
export const GLASS_DELTA: HeatmapMeasure<GlassDeltaCell> = {
  value: (r) => r.glass_delta,
  label: "Glass's delta",
  title: "Steering Effect Size (Glass's Delta) at Best Layers",
  subtitle: "(mean at +1 − mean at −1) / standard deviation at −1",
  hover: glassTitle,
};

/**
 * The Glass's delta heatmap, each cell's value to 2 decimals, RdYlGn centred at 0; pairs with no
 * data, or no Glass's delta (no spread at −1), say "no data".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * const rows = [
 *   { model: "4B", concept: "corrigible", glass_delta: 1.234 },
 *   { model: "4B", concept: "sycophancy", glass_delta: NaN },
 * ];
 * const document = createDocument();
 * const options = { document, models: ["4B"], concepts: ["corrigible", "sycophancy"] };
 * const fig = glassDeltaHeatmap(rows, options);
 * assert.equal(fig.querySelectorAll('g[aria-label="cell"] rect').length, 1);
 * assert.match(fig.textContent ?? "", /1\.23/);
 * assert.match(fig.textContent ?? "", /no data/);
 * ```
 */
export function glassDeltaHeatmap(
  rows: readonly GlassDeltaCell[],
  options: FigureOptions,
): HTMLElement {
  return effectHeatmap(rows, options, GLASS_DELTA);
}
