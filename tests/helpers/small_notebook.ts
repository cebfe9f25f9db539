/**
 * Small notebooks for tests: cells from source text, written as nbformat 4 JSON as Jupyter
 * writes it (indent 1, sources as lists of lines, ids).
 * @module
 */

/** A cell as nbformat 4 holds it. */
export interface TestCell {
  cell_type: "code" | "markdown";
  id: string;
  metadata: Record<string, unknown>;
  source: string[];
  outputs?: unknown[];
  execution_count?: number | null;
}

let ids = 0;

/** Notebook source text as a list of lines, each but the last with its "\n". */
function lines(source: string): string[] {
  return source.split(/(?<=\n)/).filter((line) => line !== "");
}

/**
 * A code cell; `tags` go into its metadata.
 *
 * @example
 * ```ts
 * code("let x = 1;", ["parameters"]).metadata; // { tags: ["parameters"] }
 * ```
 */
export function code(source: string, tags?: string[]): TestCell {
  return {
    cell_type: "code",
    execution_count: null,
    id: `code-${++ids}`,
    metadata: tags ? { tags } : {},
    outputs: [],
    source: lines(source),
  };
}

/**
 * A markdown cell.
 *
 * @example
 * ```ts
 * markdown("# Title").cell_type; // "markdown"
 * ```
 */
export function markdown(source: string): TestCell {
  return { cell_type: "markdown", id: `markdown-${++ids}`, metadata: {}, source: lines(source) };
}

/**
 * A notebook of `cells` on the Deno kernel, as nbformat 4 JSON text written as Jupyter does.
 *
 * @example
 * ```ts
 * JSON.parse(notebookText([markdown("# A")])).nbformat; // 4
 * ```
 */
export function notebookText(cells: TestCell[], metadata: Record<string, unknown> = {}): string {
  const notebook = {
    cells,
    metadata: {
      kernelspec: { display_name: "Deno", language: "typescript", name: "deno" },
      language_info: { name: "typescript" },
      ...metadata,
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(notebook, null, 1) + "\n";
}

/**
 * Writes a notebook of `cells` to `path` and returns `path`.
 *
 * @example
 * ```ts
 * await writeNotebook(`${dir}/nb.ipynb`, [code('console.log("hi");')]);
 * ```
 */
export async function writeNotebook(path: string, cells: TestCell[]): Promise<string> {
  await Deno.writeTextFile(path, notebookText(cells));
  return path;
}
