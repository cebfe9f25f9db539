/**
 * The notebook, generated from the pipeline description: a markdown cell per section and a
 * short code cell per step it shows, after the cells that load the data and run the analysis.
 * @module
 */
import { PIPELINE } from "./description.ts";
import { INTRO, TITLE } from "./prose.ts";
import type { Section, Step } from "./steps.ts";

/** A notebook cell as nbformat 4 stores it (outputs only on code cells). */
export interface NotebookCell {
  cell_type: "markdown" | "code";
  id: string;
  metadata: Record<string, never>;
  source: string[];
  outputs?: unknown[];
  execution_count?: number | null;
}

/** The cells before the first section: title, imports, config, loading, the analysis run. */
const OPENING: ReadonlyArray<["markdown" | "code", string]> = [
  ["markdown", `# ${TITLE}\n\n${INTRO}`],
  [
    "code",
    `import { loadReport, loadSweep, resultsOf, show } from "@lib/mod.ts";`,
  ],
  ["markdown", "## Load All Data"],
  [
    "code",
    `// Config: point this cell at your own sweep. Models and concepts left undefined are discovered
// from the folder (models by size, concepts alphabetically); layer counts come from each
// summary.json's num_layers unless overridden here.
const DATA_DIR = "../results/logit_diff_sweep";
const OUT_DIR = Deno.env.get("SWEEP_NOTEBOOK_OUT") ?? DATA_DIR; // where the JSON files go
const MODELS: string[] | undefined = undefined; // e.g. ["4B", "8B", "14B", "32B"]
const CONCEPTS: string[] | undefined = undefined; // e.g. ["corrigible", "self_awareness", "sycophancy"]
const LAYER_COUNT_OVERRIDES: Record<string, number> | undefined = undefined; // e.g. { "30B-A3B": 48 }`,
  ],
  [
    "code",
    `// Load all per-sample data and layer summaries
const sweep = await loadSweep(DATA_DIR, {
  models: MODELS,
  concepts: CONCEPTS,
  layerCounts: LAYER_COUNT_OVERRIDES,
});

console.log(loadReport(sweep));`,
  ],
  [
    "code",
    `// Every statistic of the analysis, then the robustness bootstrap (2,000 resamples, seed 1)
// and the model table (lib's Qwen3 metadata, overridden by a models.json in DATA_DIR).
// Each cell below shows one output of lib/pipeline/description.ts, as the render task writes it.
const results = await resultsOf(sweep, { resamples: 2000, seed: 1 });`,
  ],
];

/** Whether the notebook shows a step (file-only tables are not shown). */
function shown(step: Step): boolean {
  return !(step.kind === "table" && step.show === false);
}

/**
 * The code of the cell that shows a step.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const code = stepCode({ kind: "report", name: "key_findings", text: () => "" });
 * assert.equal(code, 'await show(results, "key_findings");');
 * ```
 */
export function stepCode(step: Step): string {
  const options = step.kind === "json" ? ", { outDir: OUT_DIR }" : "";
  const call = `await show(results, ${JSON.stringify(step.name)}${options});`;
  return step.note ? `// ${step.note}\n${call}` : call;
}

/** Splits text into nbformat's list of lines (each but the last ending in a newline). */
function lines(text: string): string[] {
  return text.split("\n").map((line, i, all) => i < all.length - 1 ? `${line}\n` : line);
}

/**
 * The notebook's cells: the opening, then per section its heading (and introduction) and one
 * code cell per step it shows. Outputs are empty (the runner fills them).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const cells = notebookCells();
 * assert.equal(cells[0].cell_type, "markdown"); // the title comes first
 * const code = cells.map((c) => c.source.join("")).join("\n");
 * assert.ok(code.includes('show(results, "effect_size_heatmap")')); // every figure has a cell
 * ```
 */
export function notebookCells(sections: readonly Section[] = PIPELINE): NotebookCell[] {
  const raw: ["markdown" | "code", string][] = [...OPENING];
  for (const section of sections) {
    raw.push(["markdown", `## ${section.title}${section.intro ? `\n\n${section.intro}` : ""}`]);
    for (const step of section.steps.filter(shown)) raw.push(["code", stepCode(step)]);
  }
  return raw.map(([cell_type, text], i) => {
    const id = `cell-${String(i).padStart(2, "0")}`;
    const source = lines(text);
    return cell_type === "code"
      ? { cell_type, id, metadata: {}, source, outputs: [], execution_count: null }
      : { cell_type, id, metadata: {}, source };
  });
}

/** The notebook's metadata: the Deno kernel. */
export const NOTEBOOK_METADATA = {
  kernelspec: { display_name: "Deno", language: "typescript", name: "deno" },
  language_info: {
    codemirror_mode: "typescript",
    file_extension: ".ts",
    mimetype: "text/x.typescript",
    name: "typescript",
    nbconvert_exporter: "script",
    pygments_lexer: "typescript",
  },
};

/**
 * The whole notebook document, unexecuted, as nbformat 4.5 JSON text (1-space indent, as
 * Jupyter writes it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const nb = JSON.parse(notebookText());
 * assert.equal(nb.nbformat, 4);
 * assert.equal(nb.metadata.kernelspec.name, "deno");
 * ```
 */
export function notebookText(sections: readonly Section[] = PIPELINE): string {
  const notebook = {
    cells: notebookCells(sections),
    metadata: NOTEBOOK_METADATA,
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(notebook, null, 1) + "\n";
}
