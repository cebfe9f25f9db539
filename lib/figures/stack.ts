/**
 * Several Plot charts as one figure, top to bottom, under one title: what matplotlib's
 * `plt.subplots(2, n)` gives when the rows need different x scales (Plot's facets share them).
 * @module
 */

/** The headings of a stacked figure. */
export interface StackHeadings {
  title?: string;
  subtitle?: string;
}

/**
 * A `<figure>` holding `title`, `subtitle` and the charts in order (each a Plot SVG or Plot
 * `<figure>`, its legends included), in the charts' own document. The notebook shows it and the
 * export flattens it into one SVG, as it does a single Plot figure.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { createDocument } from "./dom.ts";
 * const document = createDocument();
 * const a = Plot.plot({ document, marks: [Plot.dotX([1, 2])] });
 * const b = Plot.plot({ document, marks: [Plot.dotX([3])] });
 * const figure = stack({ title: "Two rows" }, a, b);
 * assert.equal(figure.querySelector("h2")?.textContent, "Two rows");
 * assert.equal(figure.querySelectorAll("svg").length, 2);
 * ```
 */
export function stack(headings: StackHeadings, ...charts: Element[]): HTMLElement {
  if (charts.length === 0) throw new Error("stack needs at least one chart");
  const document = charts[0].ownerDocument;
  const figure = document.createElement("figure");
  figure.setAttribute("style", "margin: 0; background: white;");
  for (const [tag, text] of [["h2", headings.title], ["h3", headings.subtitle]] as const) {
    if (!text) continue;
    const el = document.createElement(tag);
    el.textContent = text;
    figure.append(el);
  }
  figure.append(...charts);
  return figure;
}
