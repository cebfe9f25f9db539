/**
 * Annotations drawn over the data: "no data" notes in panels that lack data, the panel titles of
 * a wrapped layout, and the dashed reference line at 0.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
import type { Pair } from "../sweep/types.ts";
import type { ConceptLayout, FacetChannels } from "./layout.ts";

/** Options of {@link noDataText}. */
export interface NoDataOptions {
  /** "no data" in the middle of each model x concept panel, rather than one note per concept
   * panel listing the missing models (default false). */
  byModel?: boolean;
  /** The facet channels of the chart (default fx: concept, and fy: model with `byModel`). */
  facet?: FacetChannels;
}

/**
 * A gray "no data" note in each panel that lacks data: per concept panel, listing the models
 * missing from it, or with `byModel`, "no data" in the middle of each model x concept panel.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const note = noDataText([{ model: "32B", concept: "honesty" }]); // "no data: 32B", top left
 * assert.ok(note !== null);
 * ```
 */
export function noDataText(missing: readonly Pair[], options: NoDataOptions = {}): Plot.Markish {
  const byModel = options.byModel ?? false;
  const facet = options.facet ?? (byModel ? { fx: "concept", fy: "model" } : { fx: "concept" });
  const notes = byModel
    ? missing.map((p) => ({ ...p, text: "no data" }))
    : [...new Set(missing.map((p) => p.concept))].map((concept) => ({
      concept,
      text: `no data: ${
        missing.filter((p) => p.concept === concept).map((p) => p.model).join(", ")
      }`,
    }));
  return Plot.text(notes, {
    ...facet,
    text: "text",
    frameAnchor: byModel ? "middle" : "top-left",
    dx: byModel ? 0 : 6,
    dy: byModel ? 0 : 6,
    fill: "#888",
    fontSize: 12,
  });
}

/**
 * The marks every concept-panel chart ends with: "no data" notes and, when wrapped, the titles.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { conceptLayout } from "./layout.ts";
 * const [notes, titles] = panelNotes(conceptLayout(["a", "b"]), []);
 * assert.ok(notes !== null);
 * assert.equal(titles, null); // one row: the titles are the fx axis
 * ```
 */
export function panelNotes(layout: ConceptLayout, missing: readonly Pair[] = []): Plot.Markish[] {
  return [noDataText(missing, { facet: layout.facet }), layout.titles];
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
