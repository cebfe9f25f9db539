/**
 * The files of a run, from the pipeline description: each table as CSV, each JSON step, and
 * (unless left out) each figure as SVG and PNG.
 * @module
 */
import type { OutputFile } from "../export/atomic.ts";
import type { FigureTiming } from "../export/figures.ts";
import type { PngPool } from "../export/png_pool.ts";
import { jsonText } from "../export/json.ts";
import { toCsv } from "../util/csv.ts";
import type { Results } from "./results.ts";
import type { FigureStep, JsonStep, Section, Step, TableStep } from "./steps.ts";
import { stepsOf } from "./steps.ts";

/** A data file of one step: `<name>.csv` for a table, `<name>.json` for a JSON step. */
export type DataStep = TableStep | JsonStep;

/** Whether the render task writes a file for this data step. */
function writesFile(step: Step): step is DataStep {
  return step.kind === "json" || (step.kind === "table" && step.file !== false);
}

/**
 * The data steps the render task writes, JSON files first (as the original saves its summary
 * first), then the tables in the order of the description.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PIPELINE } from "./description.ts";
 * const names = dataSteps(PIPELINE).map(fileName);
 * assert.equal(names[0], "analysis_summary.json"); // the summary comes first
 * assert.ok(names.includes("best_layers.csv"));
 * ```
 */
export function dataSteps(sections: readonly Section[]): DataStep[] {
  const steps = stepsOf(sections).filter(writesFile);
  return [...steps.filter((s) => s.kind === "json"), ...steps.filter((s) => s.kind === "table")];
}

/**
 * The file name of a data step.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(fileName({ kind: "json", name: "robustness", value: () => [] }), "robustness.json");
 * ```
 */
export function fileName(step: DataStep): string {
  return `${step.name}.${step.kind === "json" ? "json" : "csv"}`;
}

/**
 * The text of a data step's file: CSV as pandas' `to_csv(index=False)`, JSON indented by 2.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PIPELINE } from "./description.ts";
 * import { computeResults } from "./results.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const results = computeResults(await loadSweep("results/logit_diff_sweep"), { resamples: 20 });
 * const best = dataSteps(PIPELINE).find((s) => s.name === "best_layers")!;
 * assert.ok(String(fileText(best, results)).startsWith("model,concept,layer,"));
 * ```
 */
export function fileText(step: DataStep, results: Results): string {
  if (step.kind === "json") return jsonText(step.value(results));
  return toCsv(step.rows(results) as Parameters<typeof toCsv>[0], step.columns(results));
}

/** The figure steps, in the order of the description. */
export function figureSteps(sections: readonly Section[]): FigureStep[] {
  return stepsOf(sections).filter((s): s is FigureStep => s.kind === "figure");
}

/** Options of {@link figureFiles}. */
export interface FigureFileOptions {
  /** Called as each figure's PNG is ready. */
  onFigure?: (timing: FigureTiming) => void;
  /** The PNG workers to rasterize with (default: a pool of its own). */
  pool?: PngPool;
}

/**
 * Every figure step as `<name>.svg` and `<name>.png`, built on this thread and rasterized by PNG
 * workers. The export modules (resvg among them) are imported here, when figures are made, so a
 * run without figures never loads them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PIPELINE } from "./description.ts";
 * import { computeResults } from "./results.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B"], concepts: ["corrigible"] });
 * const files = await figureFiles(PIPELINE, computeResults(sweep, { resamples: 20 }));
 * assert.equal(files.length, 2 * figureSteps(PIPELINE).length); // an SVG and a PNG each
 * assert.ok(files.some((f) => f.name === "effect_size_heatmap.png"));
 * ```
 */
export async function figureFiles(
  sections: readonly Section[],
  results: Results,
  options: FigureFileOptions = {},
): Promise<OutputFile[]> {
  const [{ figureStages }, { pngPool }] = await Promise.all([
    import("./figure_stages.ts"),
    import("../export/png_pool.ts"),
  ]);
  const pool = options.pool ?? pngPool();
  try {
    return await figureStages(figureSteps(sections), pool, options.onFigure).finish(results);
  } finally {
    if (!options.pool) pool.close();
  }
}
