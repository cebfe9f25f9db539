/**
 * The (layer, strength, prompt_idx) keys of a per-sample file: repeated keys, and the
 * layer x strength grid they should fill (a sweep cut off mid-way leaves it incomplete).
 * @module
 */
import type { Samples } from "./types.ts";

/** What a pass over the keys found. */
export interface KeyScan {
  /** Rows whose key an earlier row already had. */
  duplicates: number;
  /** The first repeated key: the rows (0-based) of its first and second occurrence. */
  firstRepeat?: [number, number];
  /** Layer x strength cells (of the layers present) lacking prompts that other cells have. */
  gaps: GridGap[];
  /** Cells in the grid: layers present x strengths present. */
  cells: number;
  /** Distinct prompts in the file. */
  prompts: number;
}

/** One incomplete layer x strength cell. */
export interface GridGap {
  layer: number;
  strength: number;
  /** Distinct prompts the cell has. */
  found: number;
}

/** Largest key space held in a typed array (beyond it, a Map). */
const DENSE_LIMIT = 1 << 24;

/**
 * Scans the keys once: duplicates, and the distinct prompts per layer x strength cell. Dense
 * arrays hold the keys when their span is small (layers within a model's count); a wider span
 * (a file whose layers the load will refuse) goes through maps.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load.ts";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * const scan = scanKeys(run.samples);
 * assert.equal(scan.duplicates, 0);
 * assert.deepEqual(scan.gaps, []); // a complete sweep
 * assert.deepEqual([scan.cells, scan.prompts], [25 * 3, 40]);
 * ```
 */
export function scanKeys(samples: Samples): KeyScan {
  const { layer, prompt_idx: prompt } = samples;
  const n = samples.length;
  const { codes: strengthCode, values: strengths } = codeValues(samples.strength);
  const [minL, maxL] = columnRange(layer), [minP, maxP] = columnRange(prompt);
  const S = strengths.length, P = maxP - minP + 1, cellsSpan = (maxL - minL + 1) * S;
  const size = cellsSpan * P;
  const seen = n > 0 && size <= DENSE_LIMIT ? new Int32Array(size) : undefined;
  // beyond the dense span, keys as text: cell * P + prompt could pass 2^53 and lose its digits
  const sparse = new Map<string, number>();
  const perCell = cellsSpan <= DENSE_LIMIT
    ? new Int32Array(n > 0 ? cellsSpan : 0)
    : new Map<string, number>();
  const prompts = P <= DENSE_LIMIT ? new Uint8Array(n > 0 ? P : 0) : new Set<number>();
  let duplicates = 0, firstRepeat: [number, number] | undefined;
  for (let i = 0; i < n; i++) {
    const cell = (layer[i] - minL) * S + strengthCode[i];
    const key = seen ? cell * P + (prompt[i] - minP) : 0;
    const text = seen ? "" : `${layer[i]} ${strengthCode[i]} ${prompt[i]}`;
    const before = seen ? seen[key] - 1 : (sparse.get(text) ?? 0) - 1;
    if (before >= 0) {
      duplicates++;
      firstRepeat ??= [before, i];
      continue;
    }
    if (seen) seen[key] = i + 1;
    else sparse.set(text, i + 1);
    if (perCell instanceof Map) {
      const at = cellText(layer[i], strengthCode[i]);
      perCell.set(at, (perCell.get(at) ?? 0) + 1);
    } else perCell[cell]++;
    if (prompts instanceof Set) prompts.add(prompt[i]);
    else prompts[prompt[i] - minP] = 1;
  }
  const promptCount = prompts instanceof Set ? prompts.size : prompts.reduce((a, b) => a + b, 0);
  const layers = presentLayers(layer);
  const gaps = gridGaps(perCell, layers, minL, strengths, promptCount);
  return { duplicates, firstRepeat, gaps, cells: layers.length * S, prompts: promptCount };
}

/**
 * Codes for the distinct values of a float column (NaN is one value), in first-seen order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const { codes, values } = codeValues(Float64Array.from([1, -1, 1]));
 * assert.deepEqual([codes, values], [Int32Array.from([0, 1, 0]), [1, -1]]);
 * ```
 */
export function codeValues(column: Float64Array): { codes: Int32Array; values: number[] } {
  const index = new Map<number, number>();
  const codes = new Int32Array(column.length);
  let last = NaN, lastCode = -1;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v !== last || lastCode < 0) {
      lastCode = index.get(v) ?? index.size;
      if (lastCode === index.size) index.set(v, lastCode);
      last = v;
    }
    codes[i] = lastCode;
  }
  return { codes, values: [...index.keys()] };
}

/** A layer x strength cell as a map key when the cells are too many for an array. */
const cellText = (layer: number, strengthCode: number) => `${layer} ${strengthCode}`;

/** The cells of the present layers x strengths holding fewer distinct prompts than the file. */
function gridGaps(
  perCell: Int32Array | Map<string, number>,
  layers: number[],
  minL: number,
  strengths: number[],
  prompts: number,
): GridGap[] {
  const gaps: GridGap[] = [];
  for (const layer of layers) {
    strengths.forEach((strength, s) => {
      const found = perCell instanceof Map
        ? perCell.get(cellText(layer, s)) ?? 0
        : perCell[(layer - minL) * strengths.length + s];
      if (found < prompts) gaps.push({ layer, strength, found });
    });
  }
  return gaps;
}

/**
 * The distinct values of an integer column, ascending.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(presentLayers(Int32Array.from([4, 3, 3, 4])), [3, 4]);
 * ```
 */
export function presentLayers(layer: Int32Array): number[] {
  const found = new Set<number>();
  let last = NaN;
  for (let i = 0; i < layer.length; i++) {
    if (layer[i] !== last) found.add(last = layer[i]);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * The smallest and largest value of an integer column ([0, 0] when empty).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(columnRange(Int32Array.from([4, 2, 9])), [2, 9]);
 * assert.deepEqual(columnRange(new Int32Array(0)), [0, 0]);
 * ```
 */
export function columnRange(values: Int32Array): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  return values.length ? [lo, hi] : [0, 0];
}

/**
 * Describes the first few incomplete cells, e.g. `layer 35 strength 1: 40 of 100 prompts`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const gaps = [{ layer: 35, strength: 1, found: 40 }];
 * assert.equal(describeGaps(gaps, 100), "layer 35 strength 1: 40 of 100 prompts");
 * ```
 */
export function describeGaps(gaps: GridGap[], prompts: number, shown = 3): string {
  const listed = gaps.slice(0, shown).map((g) =>
    `layer ${g.layer} strength ${g.strength}: ${g.found} of ${prompts} prompts`
  );
  return listed.join("; ") + (gaps.length > shown ? `; ${gaps.length - shown} more` : "");
}
