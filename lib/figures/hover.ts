/**
 * Hover text of the data marks: Plot's `title` channel, which writes a native `<title>` into each
 * mark element, so that hovering shows it in any SVG viewer (no `tip`, which needs a live page).
 * @module
 */
import { conceptTitle } from "./theme.ts";

/**
 * A number for a tooltip: two decimals in the usual range, three significant digits for very
 * small or large values, a minus sign, "no value" for NaN.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(formatValue(14.0213), "14.02");
 * assert.equal(formatValue(-0.00123), "\u22120.00123");
 * assert.equal(formatValue(NaN), "no value");
 * ```
 */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return "no value";
  const abs = Math.abs(x);
  const text = abs === 0 || (abs >= 0.01 && abs < 1e5) ? abs.toFixed(2) : abs.toPrecision(3);
  return (x < 0 ? "\u2212" : "") + text;
}

/**
 * A tooltip: "model · Concept" on the first line, then one line per detail.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   hoverText({ model: "4B", concept: "self_awareness" }, ["layer 18", "delta 8.84"]),
 *   "4B · Self Awareness\nlayer 18\ndelta 8.84",
 * );
 * ```
 */
export function hoverText(
  pair: { model: string; concept: string },
  details: readonly string[],
): string {
  return [`${pair.model} · ${conceptTitle(pair.concept)}`, ...details].join("\n");
}
