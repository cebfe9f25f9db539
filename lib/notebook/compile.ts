/**
 * A notebook's code cells as one TypeScript module, with a map from each module line back to its
 * cell and line, and the `parameters` convention of papermill and Quarto: after the cell tagged
 * `parameters`, an injected cell sets the given parameters.
 *
 * The Deno kernel runs each cell with REPL semantics; the module runs them once, in order, as one
 * scope. So a notebook that runs as a module declares each top-level name once (the kernel
 * accepts a `const` declared again in another cell; a module does not), and a cell does not rely
 * on being run twice or out of order. A cell's last bare expression is evaluated, not displayed.
 *
 * Parameter values never appear in the module's text: only their names, checked to be
 * identifiers declared by the parameters cell. Each injected line reads its value, at run time,
 * from a function stored under `Symbol.for("notebook.parameters")` on `globalThis` (see
 * `runNotebook`), so a value holding quotes, backticks or `${...}` is just a string.
 * @module
 */
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type CellPosition, NotebookError } from "./errors.ts";
import { cellSource, hasTag, type Notebook } from "./ipynb.ts";
import { topLevelDeclarations } from "./declarations.ts";

/** The global key under which `runNotebook` hands the parameters to the injected cell. */
export const PARAMETERS_KEY: unique symbol = Symbol.for("notebook.parameters");

/** The tag of the cell that declares the parameters (papermill's and Quarto's). */
export const PARAMETERS_TAG = "parameters";

/** A notebook's code as one module. */
export interface CompiledNotebook {
  /** The notebook, as the caller named it (errors name it so). */
  path: string;
  /** The module's TypeScript text. */
  source: string;
  /**
   * Where each line of `source` comes from: `lines[n - 1]` for module line n; undefined for a
   * line the compiler adds (a `// cell N` header). An injected parameter's line points at the
   * parameter's declaration in the parameters cell.
   */
  lines: (CellPosition | undefined)[];
  /** The parameters the injected cell sets, in order. */
  parameters: string[];
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if import in instanceof new null return super switch this throw " +
    "true try typeof var void while with yield let static implements interface package private " +
    "protected public await arguments eval undefined NaN Infinity").split(" "),
);

/**
 * A static import or re-export whose module specifier is a path (`./`, `../` or `/`), on one
 * line: `import x from "./a.ts"`, `export * from "../b.ts"`, `import "/c.ts"`, or the
 * `} from "./d.ts"` line that ends a multi-line import.
 */
const RELATIVE_IMPORT =
  /^(\s*(?:(?:import|export)\b[^"'`]*?\bfrom|\}[^"'`]*?\bfrom|import)\s*)(["'])(\.{0,2}\/(?!\/)[^"'\n]*)\2/;

/**
 * One line of a cell with a path import specifier (relative, or absolute) resolved against the
 * notebook's folder, as the kernel resolves it (against its working directory) into a file URL;
 * other lines as they are.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   resolveImport('import { show } from "../lib/mod.ts";', "file:///p/notebooks/"),
 *   'import { show } from "file:///p/lib/mod.ts";',
 * );
 * assert.equal(resolveImport('import "/opt/x.ts";', "file:///p/n/"), 'import "file:///opt/x.ts";');
 * assert.equal(resolveImport('const s = "./not/an/import";', "file:///p/n/"),
 *   'const s = "./not/an/import";');
 * ```
 */
export function resolveImport(line: string, folderUrl: string): string {
  return line.replace(
    RELATIVE_IMPORT,
    (_, head: string, quote: string, specifier: string) =>
      `${head}${quote}${new URL(specifier, folderUrl).href}${quote}`,
  );
}

/** The 1-based numbers of the cells tagged `parameters`. */
function parameterCells(notebook: Notebook): number[] {
  return notebook.cells.flatMap((cell, i) => hasTag(cell, PARAMETERS_TAG) ? [i + 1] : []);
}

/**
 * Checks the parameter names against the parameters cell and returns the cell's number and the
 * line declaring each name. Throws a {@link NotebookError} naming what is wrong.
 */
function checkParameters(
  notebook: Notebook,
  path: string,
  names: string[],
): { cell: number; lines: Map<string, number> } {
  const bad = names.find((name) => !IDENTIFIER.test(name) || RESERVED.has(name));
  if (bad !== undefined) {
    throw new NotebookError(`parameter ${JSON.stringify(bad)} is not a valid name`, { path });
  }
  const cells = parameterCells(notebook);
  if (cells.length === 0) {
    throw new NotebookError(
      `parameters given (${names.join(", ")}) but no cell is tagged "${PARAMETERS_TAG}"`,
      { path },
    );
  }
  if (cells.length > 1) {
    throw new NotebookError(`cells ${cells.join(" and ")} are both tagged "${PARAMETERS_TAG}"`, {
      path,
    });
  }
  const [cell] = cells;
  const declared = topLevelDeclarations(cellSource(notebook.cells[cell - 1]));
  const lines = new Map<string, number>();
  for (const name of names) {
    const declaration = declared.find((d) => d.name === name);
    if (declaration === undefined) {
      throw new NotebookError(
        `parameter ${name} is not declared by the parameters cell ` +
          `(declare it there at the top level: let ${name} = ...;)`,
        { path, cell },
      );
    }
    if (declaration.kind !== "let") {
      throw new NotebookError(
        `parameter ${name} is declared with ${declaration.kind}: declare it with let so that ` +
          "it can be set",
        { path, cell, line: declaration.line },
      );
    }
    lines.set(name, declaration.line);
  }
  return { cell, lines };
}

/**
 * The statement of the injected cell that sets parameter `name` (a checked identifier): it reads
 * the value from the function `runNotebook` stores under {@link PARAMETERS_KEY}, passing the
 * declared default (for its type).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   injectedLine("DATA_DIR"),
 *   'DATA_DIR = Reflect.get(globalThis, Symbol.for("notebook.parameters"))("DATA_DIR", DATA_DIR);',
 * );
 * ```
 */
export function injectedLine(name: string): string {
  return `${name} = Reflect.get(globalThis, Symbol.for("notebook.parameters"))("${name}", ${name});`;
}

/**
 * The notebook's code cells, in order, as one TypeScript module, each after a `// cell N` line;
 * with `parameters` (only their names are used here), an injected cell after the cell tagged
 * `parameters` sets each one. Relative static imports are resolved against the notebook's
 * folder (as the kernel resolves them). Throws a {@link NotebookError} for a parameter that is
 * not a name, not declared with a top-level `let` in the parameters cell, or given to a notebook
 * without (or with two) parameters cells.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const notebook = {
 *   nbformat: 4 as const,
 *   nbformat_minor: 5,
 *   metadata: {},
 *   cells: [
 *     { cell_type: "markdown" as const, source: "# Sweep" },
 *     {
 *       cell_type: "code" as const,
 *       metadata: { tags: ["parameters"] },
 *       source: ['let DATA_DIR = "../results";\n', "let SEED = 1;"],
 *     },
 *     { cell_type: "code" as const, source: "console.log(DATA_DIR, SEED);" },
 *   ],
 * };
 * const compiled = compileNotebook(notebook, "/p/nb.ipynb", { SEED: 7 });
 * assert.equal(compiled.source, [
 *   "// cell 2",
 *   'let DATA_DIR = "../results";',
 *   "let SEED = 1;",
 *   "// injected parameters",
 *   'SEED = Reflect.get(globalThis, Symbol.for("notebook.parameters"))("SEED", SEED);',
 *   "// cell 3",
 *   "console.log(DATA_DIR, SEED);",
 *   "",
 * ].join("\n"));
 * assert.deepEqual(compiled.lines[6], { cell: 3, line: 1 }); // module line 7
 * assert.deepEqual(compiled.lines[4], { cell: 2, line: 2 }); // SEED's declaration
 * assert.throws(() => compileNotebook(notebook, "nb.ipynb", { OUT: "x" }), {
 *   message: "nb.ipynb cell 2: parameter OUT is not declared by the parameters cell " +
 *     "(declare it there at the top level: let OUT = ...;)",
 * });
 * ```
 */
export function compileNotebook(
  notebook: Notebook,
  path: string,
  parameters: Readonly<Record<string, unknown>> = {},
): CompiledNotebook {
  const names = Object.keys(parameters);
  const injected = names.length ? checkParameters(notebook, path, names) : undefined;
  const folderUrl = pathToFileURL(dirname(resolve(path)) + "/").href;
  const text: string[] = [];
  const lines: (CellPosition | undefined)[] = [];
  for (const [i, cell] of notebook.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const source = cellSource(cell).replace(/\n$/, "");
    text.push(`// cell ${i + 1}`);
    lines.push(undefined);
    for (const [l, line] of source.split("\n").entries()) {
      text.push(resolveImport(line, folderUrl));
      lines.push({ cell: i + 1, line: l + 1 });
    }
    if (injected?.cell === i + 1) {
      text.push("// injected parameters");
      lines.push(undefined);
      for (const name of names) {
        text.push(injectedLine(name));
        lines.push({ cell: i + 1, line: injected.lines.get(name)! });
      }
    }
  }
  return { path, source: text.length ? text.join("\n") + "\n" : "", lines, parameters: names };
}

/**
 * Where module line `line` (from 1) of a compiled notebook comes from. For a line the compiler
 * added, the next line's place (a `// cell N` header: line 1 of cell N); past the end (a syntax
 * error reported at the end of the module), the last line's; undefined for a module of no code.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const compiled = { path: "nb.ipynb", source: "", parameters: [],
 *   lines: [undefined, { cell: 2, line: 1 }, { cell: 2, line: 2 }] };
 * assert.deepEqual(positionOf(compiled, 3), { cell: 2, line: 2 });
 * assert.deepEqual(positionOf(compiled, 1), { cell: 2, line: 1 });
 * assert.deepEqual(positionOf(compiled, 9), { cell: 2, line: 2 });
 * ```
 */
export function positionOf(compiled: CompiledNotebook, line: number): CellPosition | undefined {
  const after = compiled.lines.slice(Math.max(line, 1) - 1).find((p) => p !== undefined);
  return after ?? compiled.lines.findLast((p) => p !== undefined);
}
