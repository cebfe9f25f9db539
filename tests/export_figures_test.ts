import assert from "node:assert/strict";
import { exportFigures } from "../lib/export/figures.ts";
import { svgSize } from "../lib/export/svg.ts";
import { FIGURES } from "../lib/figures/registry.ts";
import { pngSize } from "./helpers/png.ts";
import { smallAnalysis } from "./helpers/small_analysis.ts";

Deno.test("every figure exports as a titled SVG and a 2x PNG of the same size", async () => {
  const analysis = await smallAnalysis(undefined, [["beta", "Qwen_Qwen3_4B"]]);
  const done: string[] = [];
  const files = await exportFigures(analysis, { onFigure: (t) => done.push(t.name) });
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
