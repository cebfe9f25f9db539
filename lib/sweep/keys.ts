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
 * Scans the keys once: duplicates, and the distinct prompts per layer x strength cell. Layers
 * must already be checked against the layer count (so that their span is small).
 *
 * @example
 * ```ts
 * const scan = scanKeys(run.samples);
 * scan.duplicates; // 0
 * scan.gaps;       // [] for a complete sweep
 * ```
 */
export function scanKeys(samples: Samples): KeyScan {
  const { layer, prompt_idx: prompt } = samples;
  const n = samples.length;
  const strengths = new Map<number, number>();
  const strengthCode = Int32Array.from(samples.strength, (s) => {
    if (!strengths.has(s)) strengths.set(s, strengths.size);
    return strengths.get(s)!;
  });
  const [minL, maxL] = range(layer), [minP, maxP] = range(prompt);
  const S = strengths.size, P = maxP - minP + 1, cellsSpan = (maxL - minL + 1) * S;
  const size = cellsSpan * P;
  const seen = n > 0 && size <= DENSE_LIMIT ? new Int32Array(size) : undefined;
  const sparse = new Map<number, number>();
  const perCell = cellsSpan <= DENSE_LIMIT ? new Int32Array(n > 0 ? cellsSpan : 0) : new Map();
  const prompts = new Set<number>();
  let duplicates = 0, firstRepeat: [number, number] | undefined;
  for (let i = 0; i < n; i++) {
    const cell = (layer[i] - minL) * S + strengthCode[i];
    const key = cell * P + (prompt[i] - minP);
    const before = seen ? seen[key] - 1 : (sparse.get(key) ?? 0) - 1;
    if (before >= 0) {
      duplicates++;
      firstRepeat ??= [before, i];
      continue;
    }
    if (seen) seen[key] = i + 1;
    else sparse.set(key, i + 1);
    if (perCell instanceof Map) perCell.set(cell, (perCell.get(cell) ?? 0) + 1);
    else perCell[cell]++;
    prompts.add(prompt[i]);
  }
  const gaps = gridGaps(perCell, presentLayers(layer), minL, [...strengths.keys()], prompts.size);
  const cells = presentLayers(layer).length * S;
  return { duplicates, firstRepeat, gaps, cells, prompts: prompts.size };
}

function gridGaps(
  perCell: Int32Array | Map<number, number>,
  layers: number[],
  minL: number,
  strengths: number[],
  prompts: number,
): GridGap[] {
  const gaps: GridGap[] = [];
  for (const layer of layers) {
    strengths.forEach((strength, s) => {
      const cell = (layer - minL) * strengths.length + s;
      const found = perCell instanceof Map ? perCell.get(cell) ?? 0 : perCell[cell];
      if (found < prompts) gaps.push({ layer, strength, found });
    });
  }
  return gaps;
}

function presentLayers(layer: Int32Array): number[] {
  return [...new Set(layer)].sort((a, b) => a - b);
}

function range(values: Int32Array): [number, number] {
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
 * describeGaps([{ layer: 35, strength: 1, found: 40 }], 100); // "layer 35 strength 1: 40 of 100 prompts"
 * ```
 */
export function describeGaps(gaps: GridGap[], prompts: number, shown = 3): string {
  const listed = gaps.slice(0, shown).map((g) =>
    `layer ${g.layer} strength ${g.strength}: ${g.found} of ${prompts} prompts`
  );
  return listed.join("; ") + (gaps.length > shown ? `; ${gaps.length - shown} more` : "");
}
