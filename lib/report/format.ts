/**
 * Python-style number and text formatting for printed reports (`f"{x:+.2f}"`, `f"{s:4s}"`). Every
 * number goes through `pyFixed` (round half to even from the exact binary value, as Python), so
 * the reports match the original's stdout.
 * @module
 */
import { pyFixed } from "../util/format.ts";

/**
 * A number with a sign and fixed decimals, as Python's `f"{x:+.2f}"`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(signed(1.4842, 2), "+1.48");
 * assert.equal(signed(-0.5, 1), "-0.5");
 * ```
 */
export function signed(x: number, digits = 2): string {
  if (Number.isNaN(x)) return "nan";
  const text = pyFixed(x, digits);
  return text.startsWith("-") ? text : `+${text}`;
}

/**
 * A percentage without decimals, as Python's `f"{x:.0%}"`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(percent(0.5833), "58%");
 * ```
 */
export function percent(x: number): string {
  return Number.isNaN(x) ? "" : `${pyFixed(x * 100, 0)}%`;
}

/**
 * A rule of `=` signs, as the original's `"=" * n`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(rule(5), "=====");
 * ```
 */
export function rule(n: number): string {
  return "=".repeat(n);
}

/**
 * A list of names as Python prints a numpy array of strings.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(numpyList(["4B", "8B"]), "['4B' '8B']");
 * ```
 */
export function numpyList(names: readonly string[]): string {
  return `[${names.map((n) => `'${n}'`).join(" ")}]`;
}

/**
 * A range of percentages such as "47-78%", or one value when both ends are equal.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(percentRange([0.47, 0.78, 0.5]), "47-78%");
 * ```
 */
export function percentRange(fractions: readonly number[]): string {
  const lo = percent(Math.min(...fractions)), hi = percent(Math.max(...fractions));
  return lo === hi ? lo : `${lo.slice(0, -1)}-${hi}`;
}
