/**
 * What figure cells share and Observable Plot lacks, in one import: a cell draws its figure with
 * Plot's own API, spreading {@link theme} first.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { conceptFacet, modelColor, noDataNotes, theme, zeroLine } from "./kit.ts";
 * const MODELS = ["4B", "32B"], CONCEPTS = ["corrigible", "self_awareness"];
 * const rows = MODELS.flatMap((model) =>
 *   [0, 1, 2].map((layer) => ({ model, concept: "corrigible", layer, delta: layer - 1 }))
 * );
 * const figure = Plot.plot({
 *   ...theme({ height: 260 }),
 *   fx: conceptFacet(CONCEPTS),
 *   color: modelColor(MODELS),
 *   marks: [
 *     Plot.lineY(rows, { fx: "concept", x: "layer", y: "delta", stroke: "model" }),
 *     zeroLine(),
 *     noDataNotes([{ concept: "self_awareness" }], { fx: "concept" }),
 *   ],
 * });
 * assert.equal(figure.tagName.toLowerCase(), "figure"); // Plot's swatch legend, then the plot
 * assert.equal(figure.querySelectorAll("path[stroke='#d62728']").length, 1); // 32B in red
 * ```
 * @module
 */
export { createDocument } from "./dom.ts";
export {
  conceptTitle,
  FIGURE_WIDTH,
  FONT_FAMILY,
  FONT_SIZE,
  modelColorOf,
  modelColorsByName,
  strengthLabel,
  theme,
} from "./theme.ts";
export {
  type ColorScaleOptions,
  modelColor,
  ramp,
  strengthColor,
  strengthsOf,
  swatches,
} from "./scales.ts";
export { conceptFacet, type FacetChannels, modelFacet } from "./facets.ts";
export {
  dodge,
  slotTicks,
  type ViolinKey,
  type ViolinOptions,
  type ViolinQuartile,
  violinQuartiles,
  type ViolinShape,
  violinShapes,
} from "./violins.ts";
export { type MissingEntry, type NoDataNote, noDataNotes, zeroLine } from "./notes.ts";
export { stack, type StackHeadings } from "./stack.ts";
