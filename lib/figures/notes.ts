/**
 * Annotations drawn over the data: "no data" notes in panels that lack data, and the dashed
 * reference line at 0.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
import type { FacetChannels as PanelChannels } from "./facets.ts";

/** A pair (or a model, or a concept) with no data. */
export interface MissingEntry {
  model?: string;
  concept?: string;
}

/** A "no data" note of {@link noDataNotes}: the first missing entry of its panel, with the
 * models and concepts of all the panel's entries. */
export interface NoDataNote extends MissingEntry {
  models: string[];
  concepts: string[];
}

/** A facet channel's value for a datum, when it can be read without Plot (a field name or an
 * accessor); undefined otherwise. */
function facetValue(channel: Plot.ChannelValue | undefined, d: MissingEntry): unknown {
  if (typeof channel === "string") return (d as Record<string, unknown>)[channel];
  if (typeof channel === "function") return (channel as (d: MissingEntry) => unknown)(d);
  return undefined;
}

/**
 * A Plot text mark that writes "no data" (gray, centred) in each facet panel of a missing
 * entry: with `{ fx: "concept", fy: "model" }`, in the panel of each missing model and concept.
 * Entries that fall in one panel make one note (its datum lists their `models` and `concepts`).
 * A missing value is missing: draw nothing for it, never a 0, and note it here. `options`
 * override the text mark's: when a panel holds other models' data, say
 * `{ text: (d: NoDataNote) => "no data: " + d.models.join(", "), frameAnchor: "top-left" }`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { createDocument } from "./dom.ts";
 * const chart = Plot.plot({
 *   document: createDocument(),
 *   fx: { domain: ["corrigible", "sycophancy"] },
 *   marks: [
 *     Plot.dot([{ concept: "corrigible", x: 1 }], { fx: "concept", x: "x" }),
 *     noDataNotes([{ model: "32B", concept: "sycophancy" }], { fx: "concept" }),
 *   ],
 * });
 * const notes = chart.querySelectorAll('g[aria-label="text"] text');
 * assert.deepEqual(Array.from(notes, (t) => t.textContent), ["no data"]);
 * ```
 */
export function noDataNotes(
  missing: readonly MissingEntry[],
  facet: PanelChannels,
  options: Plot.TextOptions = {},
): Plot.Markish {
  const panels = new Map<string, NoDataNote>();
  for (const [i, entry] of missing.entries()) {
    const where = [facetValue(facet.fx, entry), facetValue(facet.fy, entry)];
    const key = where.every((v) => v === undefined) ? `#${i}` : JSON.stringify(where);
    const note = panels.get(key) ?? { ...entry, models: [], concepts: [] };
    if (entry.model !== undefined && !note.models.includes(entry.model)) {
      note.models.push(entry.model);
    }
    if (entry.concept !== undefined && !note.concepts.includes(entry.concept)) {
      note.concepts.push(entry.concept);
    }
    panels.set(key, note);
  }
  return Plot.text([...panels.values()], {
    ...facet,
    text: () => "no data",
    frameAnchor: "middle",
    fill: "#888",
    fontSize: 12,
    ...options,
  });
}

/** Options of {@link zeroLine}: its direction and its stroke. */
export interface ZeroLineOptions {
  /** "y" (default): a horizontal rule at y = 0; "x": a vertical rule at x = 0. */
  direction?: "x" | "y";
  stroke?: string;
  strokeOpacity?: number;
  strokeDasharray?: string;
}

/**
 * The dashed reference line at 0, described as "zero line" (`aria-description`) so that it is
 * told apart from the data marks. Unset strokes are black, 40% opaque, dashed 4,3.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * zeroLine(); // a gray dashed rule at y = 0
 * const red = zeroLine({ stroke: "red", strokeOpacity: 0.6, strokeDasharray: "5,3" });
 * assert.ok(red !== null);
 * ```
 */
export function zeroLine(options: ZeroLineOptions = {}): Plot.Markish {
  const { direction = "y", ...stroke } = options;
  const style = { stroke: "black", strokeOpacity: 0.4, strokeDasharray: "4,3", ...stroke };
  const markOptions = { ...style, ariaDescription: "zero line" };
  return direction === "y" ? Plot.ruleY([0], markOptions) : Plot.ruleX([0], markOptions);
}
