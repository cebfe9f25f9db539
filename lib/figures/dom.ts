/**
 * A DOM for Observable Plot outside the browser: linkedom, with a canvas (from @napi-rs/canvas)
 * for the colour ramps of continuous legends.
 * @module
 */
import { parseHTML } from "linkedom";
import { createCanvas } from "@napi-rs/canvas";

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
  const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
  const createElement = document.createElement.bind(document);
  document.createElement =
    ((name: string) =>
      name.toLowerCase() === "canvas"
        ? createCanvas(1, 1)
        : createElement(name)) as typeof document.createElement;
  return document as unknown as Document;
}
