/**
 * The shared look of every figure: labels, colours, sizes.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
import { createDocument } from "./dom.ts";

/** Font stack of every figure (DejaVu Sans is bundled for the PNG export). */
export const FONT_FAMILY = "DejaVu Sans, sans-serif";

/** Font size of every figure cell's text, in CSS pixels. */
export const FONT_SIZE = 12;

/** Default width of a figure cell's plot: with the export's 12 px margins on each side (964 px)
 * it fits a 980 CSS px notebook column without scaling. */
export const FIGURE_WIDTH = 940;

/** Pixels between a panel's frame and the extremes of its data (marks never touch the frame). */
export const INSET = 6;

/** Margins of {@link theme}: room for 12 px tick labels and axis labels. */
export const THEME_MARGINS = {
  marginTop: 40,
  marginRight: 24,
  marginBottom: 42,
  marginLeft: 56,
} as const;

/**
 * The base options every figure cell spreads first: a fresh document (so Plot draws in Deno and
 * in the Deno Jupyter kernel), DejaVu Sans at {@link FONT_SIZE} px on white, margins for it, a
 * width of {@link FIGURE_WIDTH}, no grid, and the data inset {@link INSET} px from each frame. The plot is drawn with `overflow: visible` (no mark
 * leaves its panel; unclipped, the exported PNG rasterizes about a third faster). Given options
 * override these; a given `style` (an object, or CSS text, which linkedom cannot take as it is)
 * is merged into the base style; a `margin` replaces all four margins.
 * With a facet axis on the right (`fy: { axis: "right" }`), give `marginRight` room for its labels.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * const chart = Plot.plot({ ...theme({ height: 200 }), marks: [Plot.dotX([1, 2])] });
 * assert.equal(chart.getAttribute("width"), "940");
 * assert.equal(chart.getAttribute("height"), "200");
 * assert.match(chart.getAttribute("style") ?? "", /font-family:DejaVu Sans.*font-size:12px/);
 * assert.equal(theme({ width: 600, grid: true }).width, 600);
 * ```
 */
export function theme(options: Plot.PlotOptions = {}): Plot.PlotOptions {
  const base: Partial<CSSStyleDeclaration> = {
    fontFamily: FONT_FAMILY,
    fontSize: `${FONT_SIZE}px`,
    background: "white",
    overflow: "visible",
  };
  const style = typeof options.style === "string" ? cssObject(options.style) : options.style;
  return {
    document: createDocument(),
    width: FIGURE_WIDTH,
    ...(options.margin === undefined ? THEME_MARGINS : {}),
    grid: false,
    inset: INSET,
    ...options,
    style: { ...base, ...(style ?? {}) },
  };
}

/** CSS text as an inline style object (`font-size: 14px` as `fontSize: "14px"`). */
function cssObject(css: string): Partial<CSSStyleDeclaration> {
  return Object.fromEntries(
    css.split(";").flatMap((declaration) => {
      const at = declaration.indexOf(":");
      if (at < 0) return [];
      const name = declaration.slice(0, at).trim().replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      return [[name, declaration.slice(at + 1).trim()]];
    }),
  );
}

/** matplotlib's tab10 cycle: the original's colour per model, in model order. */
export const MODEL_PALETTE = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

/**
 * A concept as a panel title, as Python's `concept.replace("_", " ").title()`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(conceptTitle("self_awareness"), "Self Awareness");
 * ```
 */
export function conceptTitle(concept: string): string {
  return concept.replaceAll("_", " ").replace(
    /[A-Za-z]+/g,
    (w) => w[0].toUpperCase() + w.slice(1).toLowerCase(),
  );
}

/**
 * The tab10 slot of each known Qwen3 model: 4B, 8B, 14B and 32B as matplotlib's default cycle
 * coloured the original notebook's four models, the others in distinct slots of their own.
 */
export const QWEN3_COLOR_SLOTS: Readonly<Record<string, number>> = {
  "4B": 0,
  "8B": 1,
  "14B": 2,
  "32B": 3,
  "30B-A3B": 4,
  "235B-A22B": 5,
  "0.6B": 6,
  "1.7B": 8,
};

/** Colours for models other than the known Qwen3 ones: the two tab10 slots no known model
 * takes, then tab20's light shades (so unknown names rarely share a colour). */
export const OTHER_MODEL_PALETTE: readonly string[] = [
  MODEL_PALETTE[7],
  MODEL_PALETTE[9],
  "#aec7e8",
  "#ffbb78",
  "#98df8a",
  "#ff9896",
  "#c5b0d5",
  "#c49c94",
  "#f7b6d2",
  "#c7c7c7",
  "#dbdb8d",
  "#9edae5",
];

/** FNV-1a, 32 bits: a stable hash of a name (the same on every run and machine). */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(name)) h = Math.imul(h ^ byte, 0x01000193);
  return h >>> 0;
}

/**
 * A model's colour, keyed by its name whatever else is loaded: a known Qwen3 model's tab10 slot
 * (4B blue, 8B orange, 14B green, 32B red, 30B-A3B purple, 235B-A22B brown, 0.6B pink, 1.7B
 * olive), any other name a colour of {@link OTHER_MODEL_PALETTE} picked by a hash of the name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(modelColorOf("8B"), "#ff7f0e");
 * assert.equal(modelColorOf("32B"), "#d62728");
 * assert.equal(modelColorOf("Llama-3.1-8B"), modelColorOf("Llama-3.1-8B")); // every run
 * ```
 */
export function modelColorOf(model: string): string {
  const slot = QWEN3_COLOR_SLOTS[model];
  if (slot !== undefined) return MODEL_PALETTE[slot];
  return OTHER_MODEL_PALETTE[nameHash(model) % OTHER_MODEL_PALETTE.length];
}

/**
 * The colours of some models, each its {@link modelColorOf}, whatever their order or subset. If
 * two models not known here hash to one colour, the later in name order takes the next colour
 * of {@link OTHER_MODEL_PALETTE} no model of the list has (until the palette is used up), so a
 * figure never shows two models in one colour.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(modelColorsByName(["8B", "32B"]), ["#ff7f0e", "#d62728"]);
 * assert.deepEqual(modelColorsByName(["32B", "4B"]), ["#d62728", "#1f77b4"]);
 * const others = modelColorsByName(["m1", "m2", "m3", "m4", "m5", "m6"]);
 * assert.equal(new Set(others).size, 6);
 * ```
 */
export function modelColorsByName(models: readonly string[]): string[] {
  const colors = new Map<string, string>();
  for (const model of models) {
    if (QWEN3_COLOR_SLOTS[model] !== undefined) colors.set(model, modelColorOf(model));
  }
  const taken = new Set(colors.values());
  const others = [...new Set(models)].filter((m) => !colors.has(m)).sort();
  for (const model of others) {
    let at = OTHER_MODEL_PALETTE.indexOf(modelColorOf(model));
    for (let tries = 0; tries < OTHER_MODEL_PALETTE.length; tries++) {
      if (!taken.has(OTHER_MODEL_PALETTE[at])) break;
      at = (at + 1) % OTHER_MODEL_PALETTE.length;
    }
    colors.set(model, OTHER_MODEL_PALETTE[at]);
    taken.add(OTHER_MODEL_PALETTE[at]);
  }
  return models.map((m) => colors.get(m)!);
}

/**
 * Diverging colours for steering strengths: negative blue, zero gray, positive red, deeper with
 * the size of the strength (the original's blue, gray and red).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const colors = strengthColors([-1, 0, 1]);
 * assert.deepEqual(colors, ["rgb(44, 115, 176)", "#8c8c8c", "rgb(186, 48, 54)"]);
 * ```
 */
export function strengthColors(strengths: readonly number[]): string[] {
  const max = Math.max(...strengths.map(Math.abs)) || 1;
  const scale = Plot.scale({
    color: { type: "diverging", scheme: "RdBu", domain: [max * 1.35, -max * 1.35], pivot: 0 },
  });
  return strengths.map((s) => s === 0 ? "#8c8c8c" : String(scale.apply(s)));
}

/**
 * Labels strengths as the original's legends do.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual([1, 0, -1].map(strengthLabel), ["+1.0", "0.0", "\u22121.0"]); // a minus sign
 * ```
 */
export function strengthLabel(strength: number): string {
  return `${strength > 0 ? "+" : strength < 0 ? "\u2212" : ""}${Math.abs(strength).toFixed(1)}`;
}

/**
 * Approximate width of a text in the figure font (DejaVu Sans averages 0.6 em per character):
 * the one estimate for legends, margins and the flattened titles of the export.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(textWidth("4B", 10), 12);
 * ```
 */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}
