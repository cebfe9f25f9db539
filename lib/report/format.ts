/**
 * Python-style number and text formatting for printed reports (`f"{x:+.2f}"`, `f"{s:4s}"`).
 * @module
 */

/**
 * Fixed decimals as Python formats them (`f"{x:.2f}"`): correctly rounded from the exact binary
 * value, and an exact tie goes to the even digit (JavaScript's `toFixed` rounds ties up).
 *
 * @example
 * ```ts
 * pyFixed(62.5, 0);  // "62" (toFixed gives "63")
 * pyFixed(0.125, 2); // "0.12"
 * pyFixed(2.675, 2); // "2.67" (2.675 is just below the tie in binary)
 * ```
 */
export function pyFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  const exact = Math.abs(x).toFixed(digits + 30);
  const cut = exact.length - 30;
  if (exact.slice(cut) !== "5" + "0".repeat(29)) return x.toFixed(digits);
  const truncated = exact.slice(0, digits === 0 ? cut - 1 : cut);
  const lastDigit = Number(truncated[truncated.length - 1]);
  const magnitude = lastDigit % 2 === 0 ? truncated : Math.abs(x).toFixed(digits);
  return x < 0 ? `-${magnitude}` : magnitude;
}

/**
 * A number with a sign and fixed decimals, as Python's `f"{x:+.2f}"`.
 *
 * @example
 * ```ts
 * signed(1.4842, 2);  // "+1.48"
 * signed(-0.5, 1);    // "-0.5"
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
 * percent(0.5833); // "58%"
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
 * rule(5); // "====="
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
 * numpyList(["4B", "8B"]); // "['4B' '8B']"
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
 * percentRange([0.47, 0.78, 0.5]); // "47-78%"
 * ```
 */
export function percentRange(fractions: readonly number[]): string {
  const lo = percent(Math.min(...fractions)), hi = percent(Math.max(...fractions));
  return lo === hi ? lo : `${lo.slice(0, -1)}-${hi}`;
}
