/**
 * Jupyter notebooks (nbformat 4) as typed cells: reading, and the source and tags of a cell.
 * Only what the runner needs is checked (the nbformat version, a list of cells, each with a type
 * and a source); every other field is kept as read.
 * @module
 */
import { NotebookError } from "./errors.ts";

/** A notebook string field: one string, or a list of lines (each with its "\n"). */
export type MultilineString = string | string[];

/** The fields every cell has. */
interface CellBase {
  id?: string;
  metadata?: { tags?: string[] } & Record<string, unknown>;
  source: MultilineString;
}

/** A code cell: its source runs; the runner never reads its outputs. */
export interface CodeCell extends CellBase {
  cell_type: "code";
  execution_count?: number | null;
  outputs?: Record<string, unknown>[];
}

/** A markdown or raw cell: text, never run. */
export interface TextCell extends CellBase {
  cell_type: "markdown" | "raw";
}

/** One cell of a notebook. */
export type Cell = CodeCell | TextCell;

/** A notebook in nbformat 4. */
export interface Notebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

/**
 * The text of a multiline notebook string.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(cellSource({ cell_type: "code", source: ["a = 1\n", "b = 2"] }), "a = 1\nb = 2");
 * assert.equal(cellSource({ cell_type: "markdown", source: "# Title" }), "# Title");
 * ```
 */
export function cellSource(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/**
 * Whether a cell carries a tag in `metadata.tags` (as Jupyter, papermill and Quarto keep them).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const cell: Cell = { cell_type: "code", source: "", metadata: { tags: ["parameters"] } };
 * assert.equal(hasTag(cell, "parameters"), true);
 * assert.equal(hasTag({ cell_type: "code", source: "" }, "parameters"), false);
 * ```
 */
export function hasTag(cell: Cell, tag: string): boolean {
  const tags = cell.metadata?.tags;
  return Array.isArray(tags) && tags.includes(tag);
}

/** What is wrong with `value` as an nbformat 4 notebook, or undefined. */
function problem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return "not an nbformat 4 notebook: not a JSON object";
  }
  const nb = value as Record<string, unknown>;
  if (nb.nbformat !== 4) {
    return `not an nbformat 4 notebook: nbformat is ${JSON.stringify(nb.nbformat)}`;
  }
  if (!Array.isArray(nb.cells)) return "not an nbformat 4 notebook: no list of cells";
  for (const [i, cell] of (nb.cells as unknown[]).entries()) {
    const c = cell as Record<string, unknown> | null;
    const where = `not an nbformat 4 notebook: cell ${i + 1}`;
    if (typeof c !== "object" || c === null) return `${where} is not an object`;
    if (!["code", "markdown", "raw"].includes(c.cell_type as string)) {
      return `${where} has cell_type ${JSON.stringify(c.cell_type)}`;
    }
    const source = c.source;
    const lines = Array.isArray(source) && source.every((line) => typeof line === "string");
    if (typeof source !== "string" && !lines) return `${where} has no source text`;
  }
  return undefined;
}

/**
 * Parses a notebook's text; `path` names it in errors. Throws a one-line {@link NotebookError}
 * for text that is not JSON or not an nbformat 4 notebook.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const nb = parseNotebook(
 *   '{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [' +
 *     '{"cell_type": "code", "metadata": {}, "source": ["let x = 1;"], "outputs": []}]}',
 *   "x.ipynb",
 * );
 * assert.equal(nb.cells[0].cell_type, "code");
 * assert.throws(() => parseNotebook("{", "x.ipynb"), { message: /^x\.ipynb: not valid JSON: / });
 * assert.throws(
 *   () => parseNotebook('{"nbformat": 3, "cells": []}', "old.ipynb"),
 *   { message: "old.ipynb: not an nbformat 4 notebook: nbformat is 3" },
 * );
 * ```
 */
export function parseNotebook(text: string, path: string): Notebook {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new NotebookError(`not valid JSON: ${(error as Error).message}`, { path, cause: error });
  }
  const wrong = problem(value);
  if (wrong) throw new NotebookError(wrong, { path });
  const nb = value as Notebook;
  return { ...nb, metadata: nb.metadata ?? {}, nbformat_minor: nb.nbformat_minor ?? 0 };
}

/**
 * Reads and parses a notebook file (see {@link parseNotebook}); a file that cannot be read is
 * a one-line {@link NotebookError} naming it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * await assert.rejects(readNotebook("/no/such/notebook.ipynb"), {
 *   name: "NotebookError",
 *   message: /^\/no\/such\/notebook\.ipynb: cannot read it: No such file or directory/,
 * });
 * ```
 */
export async function readNotebook(path: string): Promise<Notebook> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    const reason = (error as Error).message.replace(/ \(os error \d+\).*$/s, "");
    throw new NotebookError(`cannot read it: ${reason}`, { path, cause: error });
  }
  return parseNotebook(text, path);
}
