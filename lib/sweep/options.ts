/**
 * Checking what a caller asks `loadSweep` for: repeated model or concept names, and layer-count
 * keys that name no model of the sweep (with the near match suggested).
 * @module
 */
import { SweepDataError } from "./errors.ts";

/**
 * The names without repeats (first occurrence kept), and a note naming the repeats, if any.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(uniqueNames(["4B", "8B", "4B"], "models"), {
 *   names: ["4B", "8B"],
 *   note: "note: models lists 4B more than once; each is loaded once",
 * });
 * ```
 */
export function uniqueNames(names: readonly string[], what: string): {
  names: string[];
  note?: string;
} {
  const unique = [...new Set(names)];
  if (unique.length === names.length) return { names: unique };
  const repeated = unique.filter((name) => names.indexOf(name) !== names.lastIndexOf(name));
  return {
    names: unique,
    note: `note: ${what} lists ${repeated.join(", ")} more than once; each is loaded once`,
  };
}

/**
 * The number of single-character edits (insert, delete, replace) between two strings.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(editDistance("30B-A3B", "30B_A3B"), 1);
 * ```
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(replace, previous[j] + 1, row[j - 1] + 1));
    }
    previous = row;
  }
  return previous[b.length];
}

/**
 * The known name nearest to `name`: equal but for case first, else the closest within one edit
 * per four characters (at least one).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(nearestName("4b", ["4B", "8B"]), "4B");
 * assert.equal(nearestName("70B", ["4B", "8B"]), undefined);
 * ```
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const folded = known.find((k) => k.toLowerCase() === name.toLowerCase());
  if (folded !== undefined) return folded;
  let best: string | undefined, bestDistance = Math.max(1, Math.floor(name.length / 4)) + 1;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

/**
 * Throws a {@link SweepDataError} (naming the sweep folder) for a layer-count key that is no
 * model of the sweep, suggesting the near match, or for a count that is not a positive integer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.throws(() => checkLayerCountKeys({ "4b": 36 }, ["4B", "8B"], "results/x"), {
 *   message: 'results/x: --layer-counts: no model "4b" in this sweep; did you mean "4B"?',
 * });
 * ```
 */
export function checkLayerCountKeys(
  layerCounts: Readonly<Record<string, number>>,
  known: readonly string[],
  dir: string,
): void {
  for (const [model, count] of Object.entries(layerCounts)) {
    if (!known.includes(model)) {
      const near = nearestName(model, known);
      const hint = near !== undefined
        ? `did you mean "${near}"?`
        : `its models are ${known.join(", ") || "none"}`;
      throw new SweepDataError(
        `--layer-counts: no model "${model}" in this sweep; ${hint}`,
        { file: dir },
      );
    }
    if (!Number.isInteger(count) || count <= 0) {
      throw new SweepDataError(
        `--layer-counts: ${model}=${count} is not a positive whole number of layers`,
        { file: dir },
      );
    }
  }
}

/**
 * Throws a {@link SweepDataError} (naming the sweep folder) for a name asked for with `flag` that
 * the sweep does not hold but does under another spelling (case, `-`/`_`/spaces, Unicode form:
 * `4b` for `4B`): a typo, like a `--layer-counts` one, is an error suggesting the match. Another
 * name (`8B` where the sweep has `4B`) is left to the loader: skipped with a warning, as the
 * original skips a missing folder.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.throws(() => checkAskedNames(["4B", "4b"], ["4B", "8B"], "--models", "results/x"), {
 *   message: 'results/x: --models: no "4b" in this sweep; did you mean "4B"?',
 * });
 * checkAskedNames(["8B", "14B"], ["4B", "8B"], "--models", "results/x"); // 14B: left to the loader
 * ```
 */
export function checkAskedNames(
  asked: readonly string[] | undefined,
  known: readonly string[],
  flag: string,
  dir: string,
): void {
  for (const name of asked ?? []) {
    if (known.includes(name)) continue;
    const fold = (n: string) => n.normalize("NFC").toLowerCase().replace(/[-_\s]/g, "");
    const near = known.find((k) => fold(k) === fold(name));
    if (near === undefined) continue;
    throw new SweepDataError(`${flag}: no "${name}" in this sweep; did you mean "${near}"?`, {
      file: dir,
    });
  }
}
