/**
 * The kinds of step the pipeline description is made of: tables, JSON files, figures and
 * printed reports, each built from the {@link Results} of a run.
 * @module
 */
import type { MimeBundle } from "../display/table.ts";
import type { TableOptions } from "../util/table_text.ts";
import type { Results } from "./results.ts";

/** Rows of a table: records by column name. */
export type Rows = readonly Record<string, unknown>[];

interface StepBase {
  /** The file stem the render task writes, and the name the notebook shows it by. */
  name: string;
  /** The comment heading the notebook cell (as the original's cell comments). */
  note?: string;
}

/** A table: written as `<name>.csv` unless `file` is false; shown unless `show` is false. */
export interface TableStep extends StepBase {
  kind: "table";
  rows: (results: Results) => Rows;
  columns: (results: Results) => string[];
  /** Printed above the table in the notebook (the original's print lines). */
  heading?: string;
  /** Whether the render task writes the CSV (default true). */
  file?: boolean;
  /** Whether the notebook shows it (default true); file-only tables say why in `note`. */
  show?: boolean;
  /** How the notebook shows it (rows are put in the figures' model order). */
  display?: TableOptions;
}

/** A JSON file `<name>.json`; the notebook saves it and shows `show`'s tables when given. */
export interface JsonStep extends StepBase {
  kind: "json";
  value: (results: Results) => unknown;
  show?: (results: Results) => MimeBundle[];
}

/** A figure: written as `<name>.svg` and `<name>.png`, shown as PNG in the notebook. */
export interface FigureStep extends StepBase {
  kind: "figure";
  build: (results: Results, document: Document) => Element;
}

/** A printed report: shown as text in the notebook (the original's `print` cells). */
export interface ReportStep extends StepBase {
  kind: "report";
  text: (results: Results) => string;
}

/** One output of the pipeline. */
export type Step = TableStep | JsonStep | FigureStep | ReportStep;

/** A section of the notebook: a heading, the text under it, and its steps in order. */
export interface Section {
  title: string;
  /** Markdown under the heading. */
  intro?: string;
  steps: readonly Step[];
}

/**
 * Every step of the sections, in order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const steps = stepsOf([
 *   { title: "A", steps: [{ kind: "report", name: "r", text: () => "" }] },
 *   { title: "B", steps: [{ kind: "report", name: "s", text: () => "" }] },
 * ]);
 * assert.deepEqual(steps.map((s) => s.name), ["r", "s"]); // steps in order
 * ```
 */
export function stepsOf(sections: readonly Section[]): Step[] {
  return sections.flatMap((section) => [...section.steps]);
}

/**
 * The step of that name; an error naming the known steps when there is none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const sections = [{ title: "A", steps: [{ kind: "report" as const, name: "r", text: () => "" }] }];
 * assert.equal(stepNamed(sections, "r").kind, "report"); // found by name
 * assert.throws(() => stepNamed(sections, "x"), /no step named "x" in the pipeline \(it has: r\)/);
 * ```
 */
export function stepNamed(sections: readonly Section[], name: string): Step {
  const step = stepsOf(sections).find((s) => s.name === name);
  if (!step) {
    const known = stepsOf(sections).map((s) => s.name).join(", ");
    throw new Error(`no step named "${name}" in the pipeline (it has: ${known})`);
  }
  return step;
}
