import assert from "node:assert/strict";
import { svgSize } from "../lib/export/svg.ts";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { figureFiles, figureSteps } from "../lib/pipeline/files.ts";
import { pngSize } from "./helpers/png.ts";
import { smallResults } from "./helpers/small_analysis.ts";

Deno.test("every figure exports as a titled SVG and a 2x PNG of the same size", async () => {
  const results = await smallResults(undefined, [["beta", "Qwen_Qwen3_4B"]]);
  const done: string[] = [];
  const files = await figureFiles(PIPELINE, results, { onFigure: (t) => done.push(t.name) });
  const FIGURES = figureSteps(PIPELINE);
  assert.equal(files.length, 2 * FIGURES.length);
  assert.deepEqual(done.sort(), FIGURES.map((f) => f.name).sort());
  for (const figure of FIGURES) {
    const svg = files.find((f) => f.name === `${figure.name}.svg`)!.content as string;
    const png = files.find((f) => f.name === `${figure.name}.png`)!.content as Uint8Array;
    const size = svgSize(svg);
    assert.ok(
      size.width > 200 && size.height > 150,
      `${figure.name}: ${size.width}x${size.height}`,
    );
    assert.deepEqual(pngSize(png), { width: 2 * size.width, height: 2 * size.height }, figure.name);
    assert.match(svg, /<text [^>]*font-weight="bold">[^<]+<\/text>/, `${figure.name}: title`);
  }
});
