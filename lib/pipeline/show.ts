/**
 * Showing the steps of the pipeline in the notebook: tables as HTML (in the figures' model
 * order), figures as PNG, reports as text; JSON steps are saved and their tables shown.
 * @module
 */
import { join } from "node:path";
import { writeFileAtomic } from "../export/atomic.ts";
import { createDocument } from "../figures/dom.ts";
import { display, type DisplayData } from "../display/jupyter.ts";
import { figureDisplay } from "./figure_display.ts";
import { inModelOrder } from "../display/order.ts";
import { tableBundle } from "../display/table.ts";
import { figureSteps, fileName, fileText } from "./files.ts";
import { PIPELINE } from "./description.ts";
import type { Results } from "./results.ts";
import { type Section, type Step, stepNamed, type TableStep } from "./steps.ts";

let shared: Document | undefined;

/** The document figures are drawn into, made once per process. */
function figureDocument(): Document {
  return shared ??= createDocument();
}

/** Options of {@link show}. */
export interface ShowOptions {
  /** Where JSON steps are saved (default: the sweep folder, as the original). */
  outDir?: string;
  /** The description the step is looked up in (default: the pipeline). */
  sections?: readonly Section[];
}

/**
 * The rows of a table step as the notebook shows them: in the model (then concept) order of the
 * figures when the table has a model column.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PIPELINE } from "./description.ts";
 * import { stepNamed } from "./steps.ts";
 * import { computeResults } from "./results.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const results = computeResults(await loadSweep("results/logit_diff_sweep"), { resamples: 20 });
 * const rows = shownRows(stepNamed(PIPELINE, "summary_stats") as never, results);
 * assert.equal(rows[0].model, "4B"); // models by size, as the figures (pandas would put 14B first)
 * ```
 */
export function shownRows(step: TableStep, results: Results): Record<string, unknown>[] {
  const rows = step.rows(results) as { model: string; concept?: string }[];
  const { models, concepts } = results.sweep;
  return (rows.length && "model" in rows[0]
    ? inModelOrder(rows, models, concepts)
    : rows) as Record<string, unknown>[];
}

/** The figures' display outputs of one run, per description: started together, awaited one by one. */
const figureOutputs = new WeakMap<
  Results,
  Map<readonly Section[], Map<string, Promise<DisplayData>>>
>();

/**
 * The display output of a figure step. The first figure shown of a run draws every figure of the
 * description and starts rasterizing them all at once (off the main thread, in parallel), so the
 * later figure cells only wait for their own PNG.
 */
function figureOutput(results: Results, sections: readonly Section[], name: string) {
  const bySections = figureOutputs.get(results) ?? new Map();
  figureOutputs.set(results, bySections);
  let outputs = bySections.get(sections);
  if (!outputs) {
    outputs = new Map(
      figureSteps(sections).map((step) => {
        const output = figureDisplay(step.build(results, figureDocument()));
        output.catch(() => {}); // a failure is reported by the cell that shows this figure
        return [step.name, output];
      }),
    );
    bySections.set(sections, outputs);
  }
  return outputs.get(name)!;
}

async function showStep(
  step: Step,
  results: Results,
  outDir: string,
  sections: readonly Section[],
): Promise<void> {
  switch (step.kind) {
    case "table":
      if (step.heading !== undefined) console.log(step.heading);
      return display(tableBundle(shownRows(step, results), {
        columns: step.columns(results),
        ...step.display,
      }));
    case "figure": {
      const { data, metadata } = await figureOutput(results, sections, step.name);
      return display(data, metadata);
    }
    case "report":
      return console.log(step.text(results));
    case "json": {
      const name = fileName(step);
      await writeFileAtomic(join(outDir, name), fileText(step, results));
      console.log(`Saved ${name}`);
      for (const table of step.show?.(results) ?? []) await display(table);
    }
  }
}

/**
 * Shows one step of the pipeline, by name, in the notebook (as text outside a notebook).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { computeResults } from "./results.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const results = computeResults(await loadSweep("results/logit_diff_sweep"), { resamples: 20 });
 * const printed: unknown[] = [];
 * const log = console.log;
 * console.log = (text: unknown) => printed.push(text);
 * try {
 *   await show(results, "best_layer_samples"); // outside a notebook: printed
 * } finally {
 *   console.log = log;
 * }
 * assert.deepEqual(printed, ["Samples at best layers: 2,880"]);
 * ```
 */
export function show(results: Results, name: string, options: ShowOptions = {}): Promise<void> {
  const sections = options.sections ?? PIPELINE;
  const step = stepNamed(sections, name);
  return showStep(step, results, options.outDir ?? results.sweep.dir, sections);
}
