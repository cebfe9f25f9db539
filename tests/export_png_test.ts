import assert from "node:assert/strict";
import { fontFiles, svgToPng } from "../lib/export/png.ts";
import { pngSize } from "./helpers/png.ts";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">' +
  '<text x="4" y="24" font-family="sans-serif" font-size="16">Delta</text></svg>';

Deno.test("svgToPng renders at 2x by default", async () => {
  assert.deepEqual(pngSize(await svgToPng(SVG)), { width: 240, height: 80 });
  assert.deepEqual(pngSize(await svgToPng(SVG, 1)), { width: 120, height: 40 });
});

Deno.test("text is drawn with the bundled fonts: the same bytes every time", async () => {
  for (const file of fontFiles()) assert.ok((await Deno.stat(file)).size > 100_000, file);
  const a = await svgToPng(SVG), b = await svgToPng(SVG);
  assert.deepEqual(a, b);
  const blank = await svgToPng(SVG.replace("Delta", ""));
  assert.notDeepEqual(a, blank, "the text left a mark");
});
