import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { display } from "../lib/display/jupyter.ts";
import { FIGURE_DENSITY, figureDisplay } from "../lib/pipeline/figure_display.ts";
import { composeFigure } from "../lib/figures/compose.ts";
import { createDocument } from "../lib/figures/dom.ts";
import { standaloneSvg, svgSize } from "../lib/export/svg.ts";

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

Deno.test("figureDisplay gives a PNG (no SVG), its display size and the title", async () => {
  const document = createDocument();
  const chart = Plot.plot({ document, marks: [Plot.dot([1])] }) as unknown as Element;
  const figure = composeFigure(document, { title: "Delta", charts: [chart] });
  const { data, metadata } = await figureDisplay(figure);
  assert.deepEqual(Object.keys(data).sort(), ["image/png", "text/plain"]);
  assert.equal(data["text/plain"], "[figure: Delta]");
  const png = Uint8Array.from(atob(data["image/png"]), (c) => c.charCodeAt(0));
  assert.equal(new TextDecoder().decode(png.slice(1, 4)), "PNG");
  const css = svgSize(standaloneSvg(figure));
  assert.deepEqual(metadata["image/png"], css);
  const px = pngSize(png);
  assert.ok(Math.abs(px.width - css.width * FIGURE_DENSITY) <= 1, `${px.width} px`);
  assert.ok(Math.abs(px.height - css.height * FIGURE_DENSITY) <= 1, `${px.height} px`);
});

Deno.test("display prints the text outside a notebook", async () => {
  const logged: string[] = [];
  const log = console.log;
  console.log = (text: string) => logged.push(text);
  try {
    await display({ "text/html": "<b>x</b>", "text/plain": "x" });
  } finally {
    console.log = log;
  }
  assert.deepEqual(logged, ["x"]);
});
