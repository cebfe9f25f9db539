/**
 * The first section of `deno task bench`: the notebook's code cells timed one by one in one
 * process, run as `deno task render` runs them (compiled into one module, from the notebook's
 * folder, its parameters injected, saving into an output set whose PNGs are drawn on PNG workers
 * meanwhile), with a time mark on the `// cell N` line before each cell; then each figure's PNG
 * drawn again on this thread, one after another (what a figure's PNG costs, without the
 * workers' overlap). `deno run -A cli/bench_cells.ts [DATA]` prints the lines; the bench runs it
 * in a process of its own.
 * @module
 */
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type CompiledNotebook, compileNotebook, PARAMETERS_KEY } from "../lib/notebook/compile.ts";
import { cellSource, readNotebook } from "../lib/notebook/ipynb.ts";
import { locateError } from "../lib/notebook/locate.ts";
import { moduleUrl, parameterReader } from "../lib/notebook/run.ts";
import { setOutputSet } from "../lib/display/outputs.ts";
import type { OutputFile } from "../lib/export/atomic.ts";
import { megabytes, peakRss } from "../lib/export/memory.ts";
import { rasterize } from "../lib/export/png.ts";
import { DEFAULT_DATA, DEFAULT_NOTEBOOK, parseRenderArgs } from "./args.ts";
import { seconds } from "./bench_run.ts";
import { notebookParameters } from "./render.ts";
import { collectOutputs } from "./render_outputs.ts";

/** The global key of the function the marked module calls at the start of each cell. */
const MARK_KEY = "steering-sweep.bench.cell-mark";

/**
 * A compiled notebook's source with a call to the cell mark on each `// cell N` header line (the
 * lines the compiler added, so never a line of a cell): `Reflect.get(...)(N); // cell N`. The
 * module keeps its lines, so errors still map back to cell and line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const compiled = {
 *   path: "nb.ipynb",
 *   parameters: [],
 *   source: "// cell 2\nconst a = 1;\n// cell 4\nconsole.log(a);\n",
 *   lines: [undefined, { cell: 2, line: 1 }, undefined, { cell: 4, line: 1 }],
 * };
 * const marked = markCells(compiled).split("\n");
 * assert.equal(marked.length, compiled.source.split("\n").length);
 * assert.match(marked[2], /^Reflect\.get\(globalThis, Symbol\.for\(".*"\)\)\(4\); \/\/ cell 4$/);
 * assert.equal(marked[3], "console.log(a);");
 * ```
 */
export function markCells(compiled: CompiledNotebook): string {
  return compiled.source.split("\n").map((line, i) => {
    const cell = compiled.lines[i] === undefined ? /^\/\/ cell (\d+)$/.exec(line)?.[1] : undefined;
    return cell === undefined
      ? line
      : `Reflect.get(globalThis, Symbol.for("${MARK_KEY}"))(${cell}); ${line}`;
  }).join("\n");
}

/**
 * A short name for a cell: its first line when that is a comment (the notebook heads its cells
 * so), otherwise what it saves (`best_layers.csv`, `figure heatmap_grid`), otherwise its first
 * line; cut to `width` characters.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(cellLabel("// Best layer per model/concept\nconst x = 1;"), "Best layer per model/concept");
 * assert.equal(
 *   cellLabel('const b = 1;\nawait out.figure("baseline", () => b);\nawait out.json("s", b);'),
 *   "figure baseline, s.json",
 * );
 * assert.equal(cellLabel("const samples = load();", 12), "const sam...");
 * ```
 */
export function cellLabel(source: string, width = 48): string {
  const first = source.split("\n").map((line) => line.trim()).find((line) => line !== "") ?? "";
  const saved = [...source.matchAll(/\bout\.(table|json|figure)\(\s*"([^"]+)"/g)].map((
    [, kind, name],
  ) => kind === "figure" ? `figure ${name}` : `${name}.${kind === "table" ? "csv" : "json"}`);
  const label = first.startsWith("//")
    ? first.replace(/^\/\/\s*/, "")
    : saved.length
    ? saved.join(", ")
    : first;
  return label.length > width ? `${label.slice(0, width - 3)}...` : label;
}

/** A time mark: the cell starting (or 0: the module's end), when, and the peak memory then. */
export interface Mark {
  cell: number;
  at: number;
  peak: number;
}

/** One cell's time (ms) and the process's peak memory (bytes) at its end. */
export interface CellTime {
  cell: number;
  ms: number;
  peak: number;
}

/**
 * Each cell's time from the marks at the start of the cells, in the order they ran, and the mark
 * at the module's end.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const marks = [{ cell: 2, at: 10, peak: 1 }, { cell: 3, at: 15, peak: 2 }];
 * assert.deepEqual(cellTimes(marks, { cell: 0, at: 45, peak: 3 }), [
 *   { cell: 2, ms: 5, peak: 2 },
 *   { cell: 3, ms: 30, peak: 3 },
 * ]);
 * ```
 */
export function cellTimes(marks: readonly Mark[], end: Mark): CellTime[] {
  return marks.map((mark, i) => {
    const next = marks[i + 1] ?? end;
    return { cell: mark.cell, ms: next.at - mark.at, peak: next.peak };
  });
}

/** What {@link timeCells} measured. */
export interface CellTimings {
  /** From importing the module to its first cell: compiling it and loading what it imports. */
  moduleMs: number;
  /** Peak memory (bytes) when the first cell started. */
  modulePeak: number;
  /** Every code cell that ran, in order, with its label. */
  cells: (CellTime & { label: string })[];
  /** Waiting for the PNG workers after the last cell (their figures' PNGs). */
  pngWaitMs: number;
  /** The files the cells saved, as the render task would write them. */
  files: OutputFile[];
}

let runs = 0;

/**
 * Runs the notebook at `path` as `runNotebook` does (its folder the working directory, the
 * parameters injected, printed lines kept back), saving into an output set as the render task
 * does, and times each code cell. Throws the notebook's error, located at its cell and line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * try {
 *   const cells = [
 *     { cell_type: "code", metadata: { tags: ["parameters"] }, source: "let WAIT = 1;" },
 *     { cell_type: "markdown", metadata: {}, source: "# Waiting" },
 *     { cell_type: "code", metadata: {}, source: "// Wait\nawait new Promise((r) => setTimeout(r, WAIT));" },
 *   ];
 *   await Deno.writeTextFile(`${dir}/nb.ipynb`, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
 *   const timings = await timeCells(`${dir}/nb.ipynb`, { WAIT: 30 }, { figures: false });
 *   assert.deepEqual(timings.cells.map((c) => [c.cell, c.label]), [[1, "let WAIT = 1;"], [3, "Wait"]]);
 *   assert.ok(timings.cells[1].ms >= 25);
 *   assert.deepEqual(timings.files, []);
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function timeCells(
  path: string,
  parameters: Readonly<Record<string, unknown>> = {},
  options: { figures?: boolean } = {},
): Promise<CellTimings> {
  const notebook = await readNotebook(path);
  const compiled = compileNotebook(notebook, path, parameters);
  const url = moduleUrl(markCells(compiled), ++runs);
  const marks: Mark[] = [];
  const failures: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => {
    event.preventDefault();
    failures.push(event.reason);
  };
  const outputs = collectOutputs({ figures: options.figures ?? true });
  const cwd = Deno.cwd(), log = console.log, info = console.info;
  // as runNotebook: a timer held for the run keeps the event loop polling (Deno 2.9)
  const keepAlive = setInterval(() => {}, 3_600_000);
  Reflect.set(globalThis, Symbol.for(MARK_KEY), (cell: number) => {
    marks.push({ cell, at: performance.now(), peak: peakRss() });
  });
  Reflect.set(globalThis, PARAMETERS_KEY, parameterReader(parameters));
  globalThis.addEventListener("unhandledrejection", onRejection);
  setOutputSet(outputs);
  try {
    Deno.chdir(dirname(resolve(path)));
    console.log = console.info = () => {};
    const start = performance.now();
    try {
      await import(url);
    } catch (error) {
      failures.push(error);
    }
    const end: Mark = { cell: 0, at: performance.now(), peak: peakRss() };
    await new Promise((resolve) => setTimeout(resolve, 0)); // unhandled rejections come now
    if (failures.length) throw locateError(failures[0], compiled, url);
    const t0 = performance.now();
    const files = await outputs.files();
    const pngWaitMs = performance.now() - t0;
    const sources = new Map(notebook.cells.map((cell, i) => [i + 1, cellSource(cell)]));
    return {
      moduleMs: (marks[0]?.at ?? end.at) - start,
      modulePeak: marks[0]?.peak ?? end.peak,
      cells: cellTimes(marks, end).map((t) => ({ ...t, label: cellLabel(sources.get(t.cell)!) })),
      pngWaitMs,
      files,
    };
  } finally {
    console.log = log;
    console.info = info;
    Deno.chdir(cwd);
    clearInterval(keepAlive);
    setOutputSet(undefined);
    outputs.close();
    globalThis.removeEventListener("unhandledrejection", onRejection);
    Reflect.deleteProperty(globalThis, PARAMETERS_KEY);
    Reflect.deleteProperty(globalThis, Symbol.for(MARK_KEY));
  }
}

/**
 * The per-sample rows of a sweep from the `counts.csv` the notebook saves (its `ALL` row's
 * `per_sample_rows`); undefined when it is not there.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const csv = "model,concept,present,per_sample_rows\nALL,ALL,True,86400\n4B,corrigible,True,3000\n";
 * assert.equal(sweepRows(csv), 86400);
 * assert.equal(sweepRows("model,concept\n"), undefined);
 * ```
 */
export function sweepRows(countsCsv: string): number | undefined {
  const [header, ...rows] = countsCsv.split("\n").map((line) => line.split(","));
  const column = header.indexOf("per_sample_rows");
  const all = rows.find((row) => row[0] === "ALL");
  return column < 0 || !all ? undefined : Number(all[column]);
}

/**
 * One line of the section: a label (padded to 58 characters), a time (right-aligned in 8) and
 * the peak memory (when given).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(timeLine("cell 5  Load", 1320, 2 ** 27), /^ {2}cell 5 {2}Load +1\.32 s {3}peak RSS 128 MB$/);
 * assert.equal(timeLine("cell 5  Load", 85), `  ${"cell 5  Load".padEnd(58)}    85 ms`);
 * ```
 */
export function timeLine(label: string, ms: number, peak?: number): string {
  const line = `  ${label.padEnd(58)} ${seconds(ms).padStart(8)}`;
  return peak === undefined ? line : `${line}   peak RSS ${megabytes(peak)}`;
}

/** `cell  5`, `cell 35`: cell numbers aligned. */
const cellName = (cell: number) => `cell ${String(cell).padStart(2)}`;

/**
 * The section's lines: the module's loading, each cell, the wait for the PNG workers, the run in
 * all, the rows loaded per second (by the cell calling `loadSweep`), the slowest cells, and each
 * figure's PNG drawn again on this thread.
 */
async function report(notebook: string, timings: CellTimings, slowest: number): Promise<void> {
  const { cells, files } = timings;
  console.log(
    timeLine("module: compile it, load its imports", timings.moduleMs, timings.modulePeak),
  );
  for (const c of cells) console.log(timeLine(`${cellName(c.cell)}  ${c.label}`, c.ms, c.peak));
  console.log(timeLine("PNG workers, after the last cell", timings.pngWaitMs, peakRss()));
  const total = timings.moduleMs + cells.reduce((sum, c) => sum + c.ms, 0) + timings.pngWaitMs;
  console.log(timeLine(`the notebook in all: ${files.length} files`, total));
  const counts = files.find((f) => f.name === "counts.csv")?.content;
  const rows = typeof counts === "string" ? sweepRows(counts) : undefined;
  const sources = (await readNotebook(notebook)).cells.map(cellSource);
  const load = cells.find((c) => /\bloadSweep\(/.test(sources[c.cell - 1] ?? ""));
  if (rows !== undefined && load) {
    console.log(
      `  ${rows.toLocaleString("en-US")} rows loaded in cell ${load.cell}: ` +
        `${Math.round(rows / (load.ms / 1000)).toLocaleString("en-US")} rows/s`,
    );
  }
  const top = [...cells].sort((a, b) => b.ms - a.ms).slice(0, slowest);
  const share = top.reduce((sum, c) => sum + c.ms, 0) / total;
  console.log(
    `  slowest cells (${top.length} of ${cells.length}, ${(share * 100).toFixed(0)}% of the run):`,
  );
  for (const c of top) console.log(`  ${timeLine(`${cellName(c.cell)}  ${c.label}`, c.ms)}`);
  const svgs = files.filter((f) => f.name.endsWith(".svg"));
  if (svgs.length === 0) return;
  console.log("  each figure's PNG again, one after another on this thread (resvg, 2x, encoded):");
  let sum = 0;
  for (const { name, content } of svgs) {
    const t0 = performance.now();
    rasterize(content as string, 2);
    const ms = performance.now() - t0;
    sum += ms;
    console.log(`  ${timeLine(`figure ${name.replace(/\.svg$/, "")}: png`, ms, peakRss())}`);
  }
  console.log(`  ${timeLine(`all ${svgs.length} PNGs, one after another`, sum)}`);
}

/**
 * `deno run -A cli/bench_cells.ts [DATA] [--notebook PATH] [--slowest N]`: times the notebook's
 * cells on DATA (default the committed sweep) and prints the section.
 */
async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      notebook: { type: "string", default: DEFAULT_NOTEBOOK },
      slowest: { type: "string", default: "5" },
    },
    allowPositionals: true,
  });
  const out = await Deno.makeTempDir({ prefix: "sweep-bench-cells-" }); // never written
  try {
    const data = positionals[0] ?? DEFAULT_DATA;
    const args = parseRenderArgs(["--data", data, "--out", join(out, "out")], undefined);
    const timings = await timeCells(resolve(values.notebook), notebookParameters(args));
    await report(values.notebook, timings, Number(values.slowest));
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

if (import.meta.main) {
  try {
    await main(Deno.args);
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : error}`);
    Deno.exitCode = 1;
  }
}
