/**
 * Notebooks as programs: read an nbformat 4 notebook, compile its code cells into one TypeScript
 * module with a line map back to cell and line, run it with papermill-style parameters, and
 * type-check and lint it. Errors name the notebook, the cell (counted from 1, every cell) and the
 * line in the cell.
 *
 * @example
 * ```ts ignore
 * import { runNotebook } from "@lib/notebook/mod.ts";
 * await runNotebook("notebooks/logit_diff_sweep.ipynb", { parameters: { DATA_DIR: "/data" } });
 * ```
 * @module
 */
export { type CellPosition, NotebookError, type NotebookErrorOptions } from "./errors.ts";
export {
  type Cell,
  cellSource,
  type CodeCell,
  hasTag,
  type MultilineString,
  type Notebook,
  parseNotebook,
  readNotebook,
  type TextCell,
} from "./ipynb.ts";
export { type Declaration, topLevelDeclarations } from "./declarations.ts";
export {
  type CompiledNotebook,
  compileNotebook,
  injectedLine,
  PARAMETERS_KEY,
  PARAMETERS_TAG,
  positionOf,
  resolveImport,
} from "./compile.ts";
export { errorPosition, errorText, locateError, sameModule } from "./locate.ts";
export { moduleUrl, parameterReader, runNotebook, type RunOptions } from "./run.ts";
export {
  checkNotebook,
  type CheckOptions,
  type Diagnostic,
  formatDiagnostic,
  parseDiagnostics,
} from "./check.ts";
