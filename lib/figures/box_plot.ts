/**
 * Box plots drawn from computed statistics (seaborn's: quartiles by linear interpolation,
 * whiskers to the furthest value within 1.5 IQR, the rest as outlier dots), so that each part
 * carries its own hover text and the y domain can cover every whisker and outlier.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
import { quantile } from "d3-array";
import { formatValue, hoverText } from "./hover.ts";
import type { FacetChannels } from "./layout.ts";

/** The statistics of one box. */
export interface BoxStats {
  model: string;
  concept: string;
  /** A line that says what the box shows (layer, strength), for the hover text. */
  label: string;
  n: number;
  q1: number;
  median: number;
  q3: number;
  /** Whisker ends: the furthest values within 1.5 IQR of the box. */
  low: number;
  high: number;
  outliers: number[];
}

/**
 * One box's statistics from its values (NaN skipped).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const b = boxStats({ model: "4B", concept: "c", label: "" }, [1, 2, 3, 4, 100]);
 * assert.deepEqual([b.q1, b.median, b.q3, b.low, b.high, b.outliers], [2, 3, 4, 1, 4, [100]]);
 * ```
 */
export function boxStats(
  group: { model: string; concept: string; label: string },
  values: readonly number[],
): BoxStats {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25) ?? NaN, q3 = quantile(sorted, 0.75) ?? NaN;
  const reach = 1.5 * (q3 - q1);
  const inside = sorted.filter((v) => v >= q1 - reach && v <= q3 + reach);
  return {
    ...group,
    n: sorted.length,
    q1,
    median: quantile(sorted, 0.5) ?? NaN,
    q3,
    low: inside[0] ?? NaN,
    high: inside[inside.length - 1] ?? NaN,
    outliers: sorted.filter((v) => v < q1 - reach || v > q3 + reach),
  };
}

/**
 * Hover text of a box: model, concept, what it shows, and its five numbers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const b = boxStats({ model: "4B", concept: "corrigible", label: "layer 18" }, [1, 2, 3, 4, 100]);
 * assert.equal(
 *   boxTitle(b),
 *   "4B · Corrigible\nlayer 18\n5 samples, median 3.00\n" +
 *     "quartiles 2.00 to 4.00\nwhiskers 1.00 to 4.00",
 * );
 * ```
 */
export function boxTitle(b: BoxStats): string {
  return hoverText(b, [
    b.label,
    `${b.n} samples, median ${formatValue(b.median)}`,
    `quartiles ${formatValue(b.q1)} to ${formatValue(b.q3)}`,
    `whiskers ${formatValue(b.low)} to ${formatValue(b.high)}`,
  ]);
}

/**
 * The marks of box plots on a band x scale of models: whiskers, boxes, median ticks, outliers;
 * every part with its hover text.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const boxes = [boxStats({ model: "4B", concept: "c", label: "" }, [1, 2, 3, 4, 100])];
 * const marks = boxMarks(boxes, { fx: "concept" }, { fill: "model", stroke: "#444" });
 * assert.equal(marks.length, 4); // whiskers, boxes, medians, outliers
 * ```
 */
export function boxMarks(
  boxes: readonly BoxStats[],
  facet: FacetChannels,
  style: { fill: string; stroke: string },
): Plot.Markish[] {
  const outliers = boxes.flatMap((b) => b.outliers.map((value) => ({ ...b, value })));
  const common = { x: "model", ...facet, stroke: style.stroke };
  return [
    Plot.ruleX(boxes, { ...common, y1: "low", y2: "high", title: boxTitle }),
    Plot.barY(boxes, { ...common, y1: "q1", y2: "q3", fill: style.fill, title: boxTitle }),
    Plot.tickY(boxes, { ...common, y: "median", strokeWidth: 2, title: boxTitle }),
    Plot.dot(outliers, {
      ...common,
      y: "value",
      title: (o: BoxStats & { value: number }) =>
        hoverText(o, [o.label, `outlier ${formatValue(o.value)}`]),
    }),
  ];
}
