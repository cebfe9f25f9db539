/**
 * Violins for figure cells (Plot has no violin mark, Plot issue 1469): per group a Gaussian KDE
 * with Scott's bandwidth, cut at the data range (seaborn `cut=0`), as rows for `Plot.areaX`, and
 * the quartile lines of seaborn's `inner="quartile"` as rows for `Plot.ruleY`. Violins sit at
 * numeric x positions (a model's index plus a strength's offset, see {@link dodge}); the x axis
 * names the models with {@link slotTicks}.
 * @module
 */
import type * as Plot from "@observablehq/plot";
import { quantileSorted } from "d3-array";
import { densityCurve, type DensityPoint, scottBandwidth } from "../stats/kde.ts";

/** The parts that name a violin (`{ model, concept, strength }`), copied onto its rows. */
export type ViolinKey = Record<string, string | number>;

/** How rows make violins. */
export interface ViolinOptions<T, K extends ViolinKey> {
  /** The violin a row belongs to, as its key parts; rows with equal parts make one violin. */
  group: (d: T) => K;
  /** The value a row adds to its violin's distribution (non-finite values are left out). */
  value: (d: T) => number;
  /** The violin's centre on the x scale (read from its first row). */
  position: (d: T) => number;
  /** Half the width of the widest violin of the figure, in x units: every violin is scaled by
   * the same factor (seaborn's `density_norm="area"`). */
  halfWidth: number;
  /** Points on each outline (seaborn's `gridsize`, default 100). */
  gridsize?: number;
}

/** A point of a violin's outline: its key parts, then y (`value`) and its x extent. */
export type ViolinShape<K extends ViolinKey> = K & {
  /** The violin's parts as one string: its `z` channel. */
  key: string;
  position: number;
  value: number;
  density: number;
  left: number;
  right: number;
  /** Values in the violin, and their median (for hover text). */
  n: number;
  median: number;
};

/** A quartile line across a violin: its key parts, the quartile and its value, its x extent. */
export type ViolinQuartile<K extends ViolinKey> = K & {
  key: string;
  position: number;
  /** 0.25, 0.5 (the median) or 0.75. */
  quartile: number;
  value: number;
  left: number;
  right: number;
  n: number;
};

interface Fit<K extends ViolinKey> {
  parts: K;
  key: string;
  position: number;
  sorted: number[];
  curve: DensityPoint[];
}

/** The density of a curve at x, linearly interpolated between its points (as the outline is
 * drawn, so a quartile line ends on it). */
function densityAt(curve: readonly DensityPoint[], x: number): number {
  let i = 1;
  while (i < curve.length - 1 && curve[i].value < x) i++;
  const a = curve[i - 1], b = curve[i];
  const t = b.value > a.value ? (x - a.value) / (b.value - a.value) : 0;
  return a.density + Math.min(1, Math.max(0, t)) * (b.density - a.density);
}

/** Every group's values and density curve, and the half-width of a density. */
function fit<T, K extends ViolinKey>(rows: Iterable<T>, options: ViolinOptions<T, K>) {
  const groups = new Map<string, { parts: K; position: number; values: number[] }>();
  for (const d of rows) {
    const value = options.value(d);
    if (!Number.isFinite(value)) continue;
    const parts = options.group(d), key = JSON.stringify(parts);
    let group = groups.get(key);
    if (!group) groups.set(key, group = { parts, position: options.position(d), values: [] });
    group.values.push(value);
  }
  const fits: Fit<K>[] = [...groups].map(([key, { parts, position, values }]) => {
    const bandwidth = scottBandwidth(values);
    const gridsize = Math.max(2, options.gridsize ?? 100);
    return {
      parts,
      key,
      position,
      sorted: values.sort((a, b) => a - b),
      curve: bandwidth > 0 ? densityCurve(values, { bandwidth, gridsize }) : [],
    };
  });
  const peak = Math.max(0, ...fits.flatMap((f) => f.curve.map((p) => p.density)));
  const half = (density: number) => peak > 0 ? density / peak * options.halfWidth : 0;
  return { fits, half };
}

/**
 * The outlines of violins, one row per point (`gridsize` per violin, from its smallest value to
 * its largest), for `Plot.areaX(shapes, { y: "value", x1: "left", x2: "right", z: "key" })`.
 * A group whose values are all equal (or single) has no outline (its quartile lines show it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const rows = [1, 2, 2, 3, 4, 8].map((v) => ({ model: "4B", strength: 1, v }));
 * const shapes = violinShapes(rows, {
 *   group: (d) => ({ model: d.model, strength: d.strength }),
 *   value: (d) => d.v,
 *   position: () => 0,
 *   halfWidth: 0.4,
 * });
 * assert.equal(shapes.length, 100);
 * assert.deepEqual([shapes[0].value, shapes[99].value], [1, 8]); // cut at the data range
 * assert.equal(Math.max(...shapes.map((p) => p.right)), 0.4); // the widest: the half-width
 * assert.deepEqual([shapes[0].model, shapes[0].strength, shapes[0].n], ["4B", 1, 6]);
 * ```
 */
export function violinShapes<T, K extends ViolinKey>(
  rows: Iterable<T>,
  options: ViolinOptions<T, K>,
): ViolinShape<K>[] {
  const { fits, half } = fit(rows, options);
  return fits.flatMap((f) => {
    const median = quantileSorted(f.sorted, 0.5)!;
    return f.curve.map((p) => ({
      ...f.parts,
      key: f.key,
      position: f.position,
      value: p.value,
      density: p.density,
      left: f.position - half(p.density),
      right: f.position + half(p.density),
      n: f.sorted.length,
      median,
    }));
  });
}

/**
 * The quartile lines of the same violins (seaborn's `inner="quartile"`: the 25%, 50% and 75%
 * quantiles by linear interpolation, each as wide as its outline there), for
 * `Plot.ruleY(quartiles, { y: "value", x1: "left", x2: "right" })`. A violin without outline
 * (all values equal) gets lines of the full half-width.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const rows = [1, 2, 3, 4].map((v) => ({ concept: "corrigible", v }));
 * const lines = violinQuartiles(rows, {
 *   group: (d) => ({ concept: d.concept }),
 *   value: (d) => d.v,
 *   position: () => 2,
 *   halfWidth: 0.3,
 * });
 * assert.deepEqual(lines.map((q) => q.value), [1.75, 2.5, 3.25]);
 * assert.ok(lines.every((q) => q.left < 2 && q.right > 2 && q.right <= 2.3 + 1e-12));
 * ```
 */
export function violinQuartiles<T, K extends ViolinKey>(
  rows: Iterable<T>,
  options: ViolinOptions<T, K>,
): ViolinQuartile<K>[] {
  const { fits, half } = fit(rows, options);
  return fits.flatMap((f) =>
    [0.25, 0.5, 0.75].map((quartile) => {
      const value = quantileSorted(f.sorted, quartile)!;
      const w = f.curve.length > 0 ? half(densityAt(f.curve, value)) : options.halfWidth;
      return {
        ...f.parts,
        key: f.key,
        position: f.position,
        quartile,
        value,
        left: f.position - w,
        right: f.position + w,
        n: f.sorted.length,
      };
    })
  );
}

/**
 * Several items side by side in a slot of `width` x units centred at 0 (seaborn's dodge): each
 * item's offset from the slot's centre, and the room each gets (`step`; a violin's half-width
 * is about `0.48 * step`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const { offset, step } = dodge([-1, 0, 1]);
 * assert.deepEqual([-1, 0, 1].map(offset).map((x) => +x.toFixed(4)), [-0.2667, 0, 0.2667]);
 * assert.equal(+step.toFixed(4), 0.2667);
 * ```
 */
export function dodge<V>(
  items: readonly V[],
  width = 0.8,
): { offset: (item: V) => number; step: number } {
  const step = width / Math.max(1, items.length);
  return { offset: (item) => (items.indexOf(item) - (items.length - 1) / 2) * step, step };
}

/**
 * Options of a numeric x (or y) scale whose slot i (from 0) is labelled `labels[i]`: the domain
 * from -0.5 to n - 0.5, a tick per slot, no axis label.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const x = slotTicks(["4B", "32B"]);
 * assert.deepEqual([x.domain, x.ticks], [[-0.5, 1.5], [0, 1]]);
 * assert.equal((x.tickFormat as (i: number) => string)(1), "32B");
 * ```
 */
export function slotTicks(labels: readonly string[]): Plot.ScaleOptions {
  return {
    domain: [-0.5, labels.length - 0.5],
    ticks: labels.map((_, i) => i),
    tickFormat: (i: number) => labels[i] ?? "",
    label: null,
  };
}
