/**
 * Type checking and linting a notebook's code as the module it runs as: the compiled module is
 * written to a private temporary folder, `deno check` and `deno lint` run on it with the
 * project's deno.json (its compiler options, import map and lint rules), and each diagnostic is
 * mapped back to the cell and line it came from.
 *
 * The module is checked as it runs with every parameter set: each top-level `let` of the cell
 * tagged `parameters` gets an injected assignment, so the parameters cell's `let`s are not
 * reported as never reassigned (`prefer-const`).
 * @module
 */
import { basename, join } from "node:path";
import { type CompiledNotebook, compileNotebook, PARAMETERS_TAG, positionOf } from "./compile.ts";
import { topLevelDeclarations } from "./declarations.ts";
import { cellSource, hasTag, type Notebook, readNotebook } from "./ipynb.ts";

/** One problem `deno check` or `deno lint` found, placed in the notebook when it is there. */
export interface Diagnostic {
  tool: "check" | "lint";
  /** `TS2322`, or the lint rule (`no-unused-vars`). */
  code: string;
  /** The first line of the tool's message. */
  message: string;
  /** The cell (from 1, every cell counted) and line in it, when the problem is in the notebook. */
  cell?: number;
  line?: number;
  /** The tool's text for it, with module positions written as `<path> cell N, line L`. */
  text: string;
}

/** How to check a notebook. */
export interface CheckOptions {
  /** The deno.json whose compiler options, import map and lint rules apply. */
  config: string;
}

const ANSI = new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g");

/**
 * The diagnostics of `deno check` (`tool` "check") or `deno lint` ("lint") output about the
 * module file `file` compiled from a notebook, each placed at its cell and line; positions in
 * other files (a library module) are left as they are.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const compiled = { path: "nb.ipynb", source: "", parameters: [],
 *   lines: [undefined, { cell: 2, line: 1 }, undefined, { cell: 4, line: 1 }] };
 * const output = "TS2322 [ERROR]: Type 'string' is not assignable to type 'number'.\n" +
 *   'const x: number = "a";\n      ^\n    at file:///tmp/x/nb.ts:4:7\n\nFound 1 error.\n';
 * const [diagnostic] = parseDiagnostics("check", output, compiled, "/tmp/x/nb.ts");
 * assert.equal(diagnostic.code, "TS2322");
 * assert.deepEqual([diagnostic.cell, diagnostic.line], [4, 1]);
 * assert.match(diagnostic.text, /at nb\.ipynb cell 4, line 1$/);
 * ```
 */
export function parseDiagnostics(
  tool: "check" | "lint",
  output: string,
  compiled: CompiledNotebook,
  file: string,
): Diagnostic[] {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const at = new RegExp(`(?:file://)?${escaped}:(\\d+):(\\d+)`, "g");
  const head = tool === "check" ? /^(TS\d+) \[ERROR\]: (.*)$/ : /^error\[([\w-]+)\]: (.*)$/;
  const diagnostics: Diagnostic[] = [];
  for (const block of output.replace(ANSI, "").split(/\n\s*\n/)) {
    const lines = block.split("\n");
    const start = lines.findIndex((line) => head.test(line));
    if (start < 0) continue;
    const [, code, message] = head.exec(lines[start])!;
    let place: { cell: number; line: number } | undefined;
    const text = lines.slice(start).join("\n").replace(at, (_, line: string) => {
      const position = positionOf(compiled, Number(line));
      place ??= position;
      return position ? `${compiled.path} cell ${position.cell}, line ${position.line}` : _;
    });
    diagnostics.push({ tool, code, message, ...place, text });
  }
  return diagnostics;
}

/**
 * A diagnostic as one line: `<path> cell N, line L: <code>: <message>`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const d = { tool: "lint" as const, code: "no-unused-vars", message: "`x` is never used",
 *   cell: 4, line: 2, text: "" };
 * assert.equal(formatDiagnostic(d, "nb.ipynb"), "nb.ipynb cell 4, line 2: no-unused-vars: `x` is never used");
 * ```
 */
export function formatDiagnostic(diagnostic: Diagnostic, path: string): string {
  const where = diagnostic.cell === undefined
    ? ""
    : ` cell ${diagnostic.cell}, line ${diagnostic.line}`;
  return `${path}${where}: ${diagnostic.code}: ${diagnostic.message}`;
}

/** The module to check: every top-level `let` of the parameters cell set, as a run may. */
function checkedModule(notebook: Notebook, path: string): CompiledNotebook {
  const cells = notebook.cells.filter((cell) => hasTag(cell, PARAMETERS_TAG));
  const names = cells.length === 1
    ? topLevelDeclarations(cellSource(cells[0])).filter((d) => d.kind === "let").map((d) => d.name)
    : [];
  return compileNotebook(notebook, path, Object.fromEntries(names.map((n) => [n, undefined])));
}

/** Runs a Deno subcommand; its exit code and its output (stdout and stderr), without colours. */
async function deno(args: string[]): Promise<{ code: number; output: string }> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code, output: decode(stdout) + "\n" + decode(stderr) };
}

/**
 * Type-checks (`deno check`) and lints (`deno lint`) the notebook's code compiled as one module,
 * with the compiler options, import map and lint rules of `options.config`; returns the
 * diagnostics, placed at their cells and lines (none when both pass). A tool that fails with
 * output it cannot parse gives one diagnostic holding that output. The temporary folder is
 * removed afterwards.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * try {
 *   const cells = [
 *     { cell_type: "markdown", metadata: {}, source: "# Title" },
 *     { cell_type: "code", metadata: { tags: ["parameters"] }, source: "let N = 1;" },
 *     { cell_type: "code", metadata: {}, source: 'console.log(N);\nconst s: number = "a";' },
 *   ];
 *   await Deno.writeTextFile(`${dir}/nb.ipynb`, JSON.stringify({ nbformat: 4, cells }));
 *   const config = new URL("../../deno.json", import.meta.url).pathname;
 *   const found = await checkNotebook(`${dir}/nb.ipynb`, { config });
 *   assert.deepEqual(found.map((d) => [d.tool, d.code, d.cell, d.line]), [
 *     ["check", "TS2322", 3, 2],
 *     ["lint", "no-unused-vars", 3, 2],
 *   ]);
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function checkNotebook(path: string, options: CheckOptions): Promise<Diagnostic[]> {
  const compiled = checkedModule(await readNotebook(path), path);
  const dir = await Deno.makeTempDir({ prefix: "notebook-check-" });
  try {
    const file = join(dir, basename(path).replace(/\.ipynb$/, "") + ".ts");
    await Deno.writeTextFile(file, compiled.source);
    const diagnostics: Diagnostic[] = [];
    for (const tool of ["check", "lint"] as const) {
      const { code, output } = await deno([tool, "--config", options.config, file]);
      const found = parseDiagnostics(tool, output, compiled, file);
      if (code !== 0 && found.length === 0) {
        const text = output.trim().replaceAll(file, `${compiled.path} (compiled)`);
        found.push({ tool, code: "failed", message: text.split("\n")[0], text });
      }
      diagnostics.push(...found);
    }
    return diagnostics;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
