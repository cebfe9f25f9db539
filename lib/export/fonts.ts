/**
 * The fonts figures are rasterized with: DejaVu Sans (regular and bold) from the npm package
 * `dejavu-fonts-ttf`, or subsets of them committed beside this module.
 *
 * resvg reads a font file again for every text element it lays out (about three reads of the
 * whole file per `<text>`), so with the 757 kB TTFs a figure's text costs more than its marks.
 * The subsets (`fonts/*.ttf`, written by `scripts/subset_fonts.ts`) hold the same glyphs, metrics
 * and layout tables for the characters of {@link SUBSET_RANGES} and are about 8 times smaller; an
 * SVG with any character outside those ranges is drawn with the full fonts, so the PNG is the
 * same byte for byte either way (tests/export_fonts_test.ts).
 * @module
 */

const FULL_DIR = "dejavu-fonts-ttf/ttf/";
const FACES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];

/**
 * The code points the subsets cover, as inclusive ranges: Basic Latin, Latin-1 and Latin
 * Extended-A, Greek, general punctuation, super- and subscripts, arrows and mathematical
 * operators (Plot's minus sign, U+2212, among them).
 */
export const SUBSET_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x370, 0x3ff],
  [0x2000, 0x209f],
  [0x2190, 0x22ff],
];

/**
 * Paths of the full DejaVu Sans TTFs (regular and bold), from the npm package.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(fontFiles().map((f) => f.split("/").at(-1)), ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]);
 * ```
 */
export function fontFiles(): string[] {
  return FACES.map((name) => new URL(import.meta.resolve(FULL_DIR + name)).pathname);
}

/**
 * Paths of the subset TTFs committed under `lib/export/fonts/` (same names as the full ones).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(subsetFontFiles().every((f) => f.includes("/lib/export/fonts/")));
 * ```
 */
export function subsetFontFiles(): string[] {
  return FACES.map((name) => new URL(`./fonts/${name}`, import.meta.url).pathname);
}

/** Tabs, line ends and the code points of {@link SUBSET_RANGES}, as a regex class's body. */
const COVERED = "\\t\\n\\r" +
  SUBSET_RANGES.map(([a, b]) => `\\u{${a.toString(16)}}-\\u{${b.toString(16)}}`).join("");
const UNCOVERED = new RegExp(`[^${COVERED}]`, "u");

/**
 * Whether every character of a text is in {@link SUBSET_RANGES}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(coveredBySubset('<text x="1">Δ −0.50 ≥ Corrigible é</text>'), true);
 * assert.equal(coveredBySubset("模型"), false); // CJK: not in the subsets
 * ```
 */
export function coveredBySubset(text: string): boolean {
  return !UNCOVERED.test(text);
}

/**
 * The font files to rasterize an SVG with: the subsets when they cover all its characters, the
 * full fonts otherwise (the same pixels either way, the subsets read faster).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(fontFilesFor("<svg><text>4B</text></svg>"), subsetFontFiles());
 * assert.deepEqual(fontFilesFor("<svg><text>4B 模型</text></svg>"), fontFiles());
 * ```
 */
export function fontFilesFor(svg: string): string[] {
  return coveredBySubset(svg) ? subsetFontFiles() : fontFiles();
}
