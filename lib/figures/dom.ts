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
 * const document = createDocument();
 * Plot.plot({ document, marks: [Plot.dot([1, 2])] });
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
