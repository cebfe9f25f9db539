/**
 * Reading notebook JSON in tests: cells, their source text, their outputs.
 * @module
 */

/** One output of a code cell. */
export interface Output {
  output_type: string;
  data?: Record<string, string | string[]>;
  metadata?: Record<string, unknown>;
  text?: string | string[];
}

/** One cell. */
export interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}

/**
 * A multiline notebook string (a list of lines or one string) as one string.
 *
 * @example
 * ```ts
 * text(["a\n", "b"]); // "a\nb"
 * ```
 */
export const text = (source: string | string[]): string =>
  Array.isArray(source) ? source.join("") : source;

/**
 * The code cells of a notebook.
 *
 * @example
 * ```ts
 * codeCells({ cells: [{ cell_type: "markdown", source: "" }] }); // []
 * ```
 */
export const codeCells = (nb: { cells: Cell[] }): Cell[] =>
  nb.cells.filter((c) => c.cell_type === "code");
