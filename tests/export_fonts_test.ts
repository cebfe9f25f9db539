import assert from "node:assert/strict";
import { Resvg } from "@resvg/resvg-js";
import {
  coveredBySubset,
  fontFiles,
  fontFilesFor,
  SUBSET_RANGES,
  subsetFontFiles,
} from "../lib/export/fonts.ts";
import { rasterize } from "../lib/export/png.ts";
import { decodePng } from "./helpers/png.ts";

/** A PNG of `svg` drawn with the given fonts, as `renderOptions` draws it otherwise. */
function drawnWith(svg: string, files: string[], scale = 2): Uint8Array {
  const font = { fontFiles: files, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" };
  const options = { fitTo: { mode: "zoom" as const, value: scale }, background: "white", font };
  return new Uint8Array(
    new Resvg(svg, { ...options, font: { ...font, sansSerifFamily: "DejaVu Sans" } }).render()
      .asPng(),
  );
}

/** Every code point of the subset ranges, as lines of 64 characters. */
function coveredText(): string[] {
  const chars = SUBSET_RANGES.flatMap(([a, b]) =>
    Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i))
  ).filter((c) => !"<&".includes(c));
  return Array.from(
    { length: Math.ceil(chars.length / 64) },
    (_, i) => chars.slice(i * 64, i * 64 + 64).join(""),
  );
}

const textSvg = (lines: string[], weight = "normal") =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${16 * lines.length + 8}" ` +
  `font-family="system-ui, sans-serif">` +
  lines.map((line, i) =>
    `<text x="4" y="${16 * i + 14}" font-size="12" font-weight="${weight}">${line}</text>`
  ).join("") + "</svg>";

Deno.test("the subsets draw every covered character as the full fonts do, regular and bold", () => {
  for (const weight of ["normal", "bold"]) {
    const svg = textSvg(coveredText(), weight);
    assert.ok(coveredBySubset(svg));
    for (const scale of [1, 2]) {
      assert.deepEqual(
        drawnWith(svg, subsetFontFiles(), scale),
        drawnWith(svg, fontFiles(), scale),
      );
    }
  }
});

Deno.test("a figure's text draws the same with the subsets (kerning, minus signs, Greek)", () => {
  const svg = textSvg(["AVAT Wa To −0.50 ±1 Δ d=0.8 Self Awareness (32B, 64L) ≥ 40%"]);
  assert.deepEqual(decodePng(rasterize(svg)), decodePng(drawnWith(svg, fontFiles())));
});

Deno.test("an SVG with a character outside the subsets is drawn with the full fonts", () => {
  const svg = textSvg(["模型 4B"]);
  assert.equal(coveredBySubset(svg), false);
  assert.deepEqual(fontFilesFor(svg), fontFiles());
  assert.deepEqual(decodePng(rasterize(svg)), decodePng(drawnWith(svg, fontFiles())));
});

Deno.test("the subsets are committed, and far smaller than the full fonts", async () => {
  for (const [i, subset] of subsetFontFiles().entries()) {
    const [small, full] = await Promise.all([Deno.stat(subset), Deno.stat(fontFiles()[i])]);
    assert.ok(small.size * 5 < full.size, `${subset}: ${small.size} bytes`);
  }
  assert.ok((await Deno.stat(new URL("../lib/export/fonts/LICENSE", import.meta.url))).isFile);
});
