/**
 * A DOM for Observable Plot outside the browser: linkedom, with a canvas (from @napi-rs/canvas)
 * for the colour ramps of continuous legends. Both (and Plot, in the figure modules) are imported
 * deferred: linked, but evaluated only when a figure is first drawn, so a run without figures
 * does not pay for them.
 * @module
 */
import defer * as linkedom from "linkedom";
import defer * as canvas from "@napi-rs/canvas";

/**
 * A fresh document that Plot can draw into, legends with colour ramps included.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * const document = createDocument();
 * const chart = Plot.plot({ document, marks: [Plot.dotX([1, 2])] });
 * assert.equal(chart.querySelectorAll("circle").length, 2);
 * ```
 */
export function createDocument(): Document {
  const { document } = linkedom.parseHTML("<!doctype html><html><head></head><body></body></html>");
  const createElement = document.createElement.bind(document);
  document.createElement =
    ((name: string) =>
      name.toLowerCase() === "canvas"
        ? canvas.createCanvas(1, 1)
        : createElement(name)) as typeof document.createElement;
  return document as unknown as Document;
}
