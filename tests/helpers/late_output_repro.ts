/**
 * Reproduces issue 18 (outputs filed under the following cell) and measures a remedy: runs a
 * small notebook `--runs` times with Kernel > Restart & Run All in Jupyter Notebook 6 (headless
 * Chromium; `--client notebook6`, the default) or with plain nbclient (`--client nbclient`),
 * while `--load` busy processes load the CPU, and counts the outputs that land under another
 * cell than the one that made them (misfiled) and those missing from their own cell.
 *
 * Every output names its cell. A cell prints lines, shows an HTML table or a PNG, prints after
 * showing, or ends in an expression (the project notebook's kinds of output). `--mode`:
 * - `before`: displays go out as lib/display/jupyter.ts sent them before the remedy
 *   (`await Deno.jupyter.broadcast("display_data", ...)`), nothing else;
 * - `after`: the first cell imports lib/display/jupyter.ts and displays go through its
 *   `display` (the remedy: each display, and each cell's end, waits until published);
 * - `wait:MS`: as `before`, each cell ending with `await new Promise((r) => setTimeout(r, MS))`
 *   (the timed alternative a notebook can write; a cell's result is queued after it);
 * - `hook:MS`: as `before`, the kernel waiting MS ms after queuing each cell's result (the timed
 *   alternative at the cell-end hook that lib/display/jupyter.ts uses, with no iopub watch).
 *
 *     deno run -A tests/helpers/late_output_repro.ts --mode before --runs 20 --load 4 --cells 24
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { deflateSync } from "node:zlib";
import { Buffer } from "node:buffer";
import { PYTHON } from "../../cli/notebook.ts";
import { withCpuLoad } from "./cpu_load.ts";
import { withPage } from "./chromium.ts";
import { withJupyterHome, withNotebookServer } from "./jupyter.ts";
import { waitFor } from "./page_checks.ts";

const DISPLAY_MODULE = new URL("../../lib/display/jupyter.ts", import.meta.url).href;

/** How a repro notebook shows its outputs: see the module's doc. */
export type Mode = "before" | "after" | `wait:${number}` | `hook:${number}`;

/** One output as it came back: its type and its text (stream text, or the text/plain form). */
export interface ShownOutput {
  output_type: string;
  text: string;
}

/** What one cell must show, as atoms: each printed line, each display, the result. */
export function expectedAtoms(cell: number): string[] {
  const lines = (from: number, n: number) =>
    Array.from({ length: n }, (_, k) => `cell ${cell} line ${from + k}`);
  switch (cell % 4) {
    case 0:
      return [...lines(0, 3), `table of cell ${cell}`, ...lines(3, 2)];
    case 1:
      return [`figure of cell ${cell}`, ...lines(0, 1)];
    case 2:
      return [...lines(0, 3), `result of cell ${cell}`];
    default:
      return lines(0, 5);
  }
}

/** An HTML table of tens of kB naming its cell, as the notebook's tables are. */
function tableHtml(cell: number): string {
  const rows = Array.from(
    { length: 300 },
    (_, r) => `<tr><td>${cell}.${r}</td><td>${(r * 0.12345).toFixed(3)}</td></tr>`,
  );
  return `<table data-cell="${cell}">${rows.join("")}</table>`;
}

/** The source of repro cell `cell` (from 1) in `mode`. */
export function cellSource(cell: number, mode: Mode): string {
  const print = (lines: string[]) => lines.map((l) => `console.log(${JSON.stringify(l)});`);
  const atoms = expectedAtoms(cell);
  const show = (bundle: string, metadata = "{}") =>
    mode === "after"
      ? `await display(${bundle}, ${metadata});`
      : `await Deno.jupyter.broadcast("display_data", ` +
        `{ data: ${bundle}, metadata: ${metadata}, transient: {} });`;
  const lines: string[] = [];
  switch (cell % 4) {
    case 0: {
      const bundle = JSON.stringify({ "text/html": tableHtml(cell), "text/plain": atoms[3] });
      lines.push(...print(atoms.slice(0, 3)), show(bundle), ...print(atoms.slice(4)));
      break;
    }
    case 1: {
      const bundle = `{ "image/png": PNG, "text/plain": ${JSON.stringify(atoms[0])} }`;
      lines.push(show(bundle, `{ "image/png": { width: 320, height: 200 } }`));
      lines.push(...print(atoms.slice(1)));
      break;
    }
    case 2:
      lines.push(...print(atoms.slice(0, 3)), `({ cell: ${cell} })`);
      break;
    default:
      lines.push(...print(atoms));
  }
  if (mode.startsWith("wait:")) {
    const ms = Number(mode.slice("wait:".length));
    // A bare expression must stay last: the wait goes before it.
    const last = cell % 4 === 2 ? lines.pop()! : undefined;
    lines.push(`await new Promise((r) => setTimeout(r, ${ms}));`);
    if (last) lines.push(last);
  }
  return lines.join("\n");
}

/** The first cell: reads the figure (a PNG of about 100 kB) and, after the remedy, imports it. */
function setupSource(mode: Mode): string {
  const hook = mode.startsWith("hook:")
    ? `{ const J = Deno[Deno.internal].jupyter, result = J.broadcastResult;
  J.broadcastResult = async (count, value) => {
    await result(count, value);
    await new Promise((r) => setTimeout(r, ${Number(mode.slice("hook:".length))}));
  }; }`
    : "";
  return [
    mode === "after" ? `import { display } from ${JSON.stringify(DISPLAY_MODULE)};` : "",
    hook,
    `const bytes = Deno.readFileSync("figure.png");`,
    `let binary = "";`,
    `for (let i = 0; i < bytes.length; i += 8192) {`,
    `  binary += String.fromCharCode(...bytes.subarray(i, i + 8192));`,
    `}`,
    `const PNG = btoa(binary);`,
  ].filter((l) => l !== "").join("\n");
}

/**
 * The repro notebook: a setup cell, then `cells` cells numbered from 1.
 *
 * @example
 * ```ts
 * reproNotebook(24, "before").cells.length; // 25
 * ```
 */
export function reproNotebook(cells: number, mode: Mode): { cells: object[] } {
  const code = (id: string, source: string) => ({
    cell_type: "code",
    id,
    metadata: {},
    source,
    outputs: [],
    execution_count: null,
  });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    cells: [
      code("setup", setupSource(mode)),
      ...Array.from({ length: cells }, (_, i) => code(`c${i + 1}`, cellSource(i + 1, mode))),
    ],
  } as { cells: object[] };
}

/** A noisy RGB PNG of `width` x `height` (about 100 kB at 320 x 200, as a figure is). */
export function noisePng(width = 320, height = 200): Uint8Array {
  const raw = new Uint8Array(height * (1 + 3 * width));
  let seed = 12345;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < 3 * width; x++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      raw[y * (1 + 3 * width) + 1 + x] = seed >>> 24;
    }
  }
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array()),
  ]);
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

/** An ANSI colour escape, as `Deno.inspect` writes them. */
const ANSI_COLOUR = new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g");

/** The atoms an output holds: its printed lines, or the cell its display or result names. */
function atomsOf(output: ShownOutput): string[] {
  if (output.output_type === "stream") return output.text.split("\n").filter((l) => l !== "");
  if (output.output_type === "execute_result") {
    const cell = /cell: (\d+)/.exec(output.text)?.[1];
    return cell ? [`result of cell ${cell}`] : [output.text];
  }
  return [output.text];
}

/** The cell an atom names (0 when it names none). */
const cellOf = (atom: string) => Number(/cell (\d+)/.exec(atom)?.[1] ?? 0);

/** What one run gave: outputs under another cell than theirs, and outputs missing from theirs. */
export interface RunCount {
  /** Outputs (printed lines, displays, results) found under a cell that did not make them. */
  misfiled: number;
  /** Outputs missing from the cell that made them (misfiled or lost). */
  missing: number;
  /** The cells (numbered from 1) that made a misfiled or missing output. */
  cells: number[];
}

/**
 * Counts misfiled and missing outputs; `outputs[i]` are the outputs shown under cell i + 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const lines = (cell: number) => expectedAtoms(cell).join("\n") + "\n";
 * const count = countMisfiled([
 *   [],
 *   [{ output_type: "stream", text: lines(3) }],
 *   [],
 * ]);
 * assert.equal(count.misfiled, 5); // cell 3's five lines under cell 2
 * ```
 */
export function countMisfiled(outputs: ShownOutput[][]): RunCount {
  let misfiled = 0, missing = 0;
  const cells = new Set<number>();
  outputs.forEach((shown, i) => {
    const cell = i + 1;
    const atoms = shown.flatMap(atomsOf);
    for (const atom of atoms) {
      if (cellOf(atom) !== cell) {
        misfiled++;
        cells.add(cellOf(atom));
      }
    }
    for (const atom of expectedAtoms(cell)) {
      if (!atoms.includes(atom)) {
        missing++;
        cells.add(cell);
      }
    }
  });
  return { misfiled, missing, cells: [...cells].sort((a, b) => a - b) };
}

/** A notebook's cells as nbformat JSON has them. */
export type NotebookCell = { cell_type: string; outputs?: Record<string, unknown>[] };

/**
 * The outputs of a notebook's code cells after the setup cell, from nbformat JSON (text without
 * colours).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const cells = [{ cell_type: "code" }, { cell_type: "code", outputs: [{ output_type: "stream", text: ["a\n"] }] }];
 * assert.deepEqual(shownOf(cells), [[{ output_type: "stream", text: "a\n" }]]);
 * ```
 */
export function shownOf(cells: NotebookCell[]): ShownOutput[][] {
  const join = (t: unknown) => Array.isArray(t) ? t.join("") : String(t ?? "");
  return cells.filter((c) => c.cell_type === "code").slice(1).map((c) =>
    (c.outputs ?? []).map((o) => ({
      output_type: String(o.output_type),
      text: join(o.text ?? (o.data as Record<string, unknown> | undefined)?.["text/plain"])
        .replace(ANSI_COLOUR, ""), // deno colours its text/plain
    }))
  );
}

/** Writes the repro notebook and its figure into `dir`; returns the notebook's path. */
export async function writeRepro(dir: string, cells: number, mode: Mode): Promise<string> {
  await Deno.writeFile(join(dir, "figure.png"), noisePng());
  const path = join(dir, "repro.ipynb");
  await Deno.writeTextFile(path, JSON.stringify(reproNotebook(cells, mode), null, 1));
  return path;
}

/** Page script: true once every code cell has run and the kernel is idle. */
const DONE = `(() => {
  const nb = Jupyter.notebook;
  return !nb.kernel_busy && nb.get_cells().every((c) =>
    c.cell_type !== "code" || typeof c.input_prompt_number === "number");
})()`;

/**
 * Runs the repro notebook `runs` times in Jupyter Notebook 6 (Kernel > Restart & Run All, as a
 * person does) and counts each run; `settleMs` after the last cell is waited for late outputs.
 */
export async function runInNotebook6(
  dir: string,
  env: Record<string, string>,
  runs: number,
  onRun: (run: number, count: RunCount, seconds: number) => void,
  settleMs = 2000,
): Promise<RunCount[]> {
  return await withNotebookServer(dir, env, (url) =>
    withPage(async (page) => {
      await page.goto(`${url}notebooks/repro.ipynb`);
      await waitFor(page, "window.Jupyter?.notebook?._fully_loaded", 60);
      await waitFor(page, "Jupyter.notebook.kernel?.is_connected()", 60);
      const counts: RunCount[] = [];
      for (let run = 1; run <= runs; run++) {
        const started = performance.now();
        await page.evaluate(`Jupyter.notebook.restart_run_all({ confirm: false })
          .then(() => new Promise((r) => setTimeout(r, 500)))`);
        await waitFor(page, DONE, 600);
        const seconds = (performance.now() - started) / 1000;
        await new Promise((resolve) => setTimeout(resolve, settleMs));
        const cells = await page.evaluate<NotebookCell[]>(
          `Jupyter.notebook.get_cells().filter((c) => c.cell_type === "code")
            .map((c) => ({ cell_type: "code", outputs: c.output_area.toJSON() }))`,
        );
        const count = countMisfiled(shownOf(cells));
        counts.push(count);
        onRun(run, count, seconds);
      }
      return counts;
    }));
}

/**
 * Executes `dir`/repro.ipynb once with plain nbclient (which stops listening at a cell's idle:
 * a late output is lost or lands under the next cell) and returns its cells.
 */
export async function executeWithNbclient(
  dir: string,
  env: Record<string, string>,
): Promise<NotebookCell[]> {
  const script = [
    "import sys, json, nbformat",
    "from nbclient import NotebookClient",
    "nb = nbformat.read(sys.argv[1], 4)",
    "NotebookClient(nb, kernel_name='deno', resources={'metadata': {'path': sys.argv[2]}}).execute()",
    "print(json.dumps(nb))",
  ].join("\n");
  const { code, stdout, stderr } = await new Deno.Command(PYTHON, {
    args: ["-c", script, join(dir, "repro.ipynb"), dir],
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (code !== 0) throw new Error(new TextDecoder().decode(stderr));
  return JSON.parse(new TextDecoder().decode(stdout)).cells;
}

/** Runs the repro notebook `runs` times with plain nbclient and counts each run. */
export async function runInNbclient(
  dir: string,
  env: Record<string, string>,
  runs: number,
  onRun: (run: number, count: RunCount, seconds: number) => void,
): Promise<RunCount[]> {
  const counts: RunCount[] = [];
  for (let run = 1; run <= runs; run++) {
    const started = performance.now();
    const cells = await executeWithNbclient(dir, env);
    const count = countMisfiled(shownOf(cells));
    counts.push(count);
    onRun(run, count, (performance.now() - started) / 1000);
  }
  return counts;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      mode: { type: "string", default: "before" },
      client: { type: "string", default: "notebook6" },
      runs: { type: "string", default: "10" },
      cells: { type: "string", default: "24" },
      load: { type: "string", default: "4" },
    },
  });
  const mode = values.mode as Mode;
  if (!/^(before|after|(wait|hook):\d+)$/.test(mode)) throw new Error(`unknown --mode ${mode}`);
  const runs = Number(values.runs), cells = Number(values.cells), load = Number(values.load);
  const run = values.client === "nbclient" ? runInNbclient : runInNotebook6;
  const counts = await withJupyterHome(async (env, dir) => {
    const root = join(dir, "notebooks");
    await Deno.mkdir(root);
    await writeRepro(root, cells, mode);
    return await withCpuLoad(load, () =>
      run(root, env, runs, (n, count, seconds) =>
        console.log(
          `run ${n}: ${seconds.toFixed(1)} s, ${count.misfiled} misfiled, ` +
            `${count.missing} missing [cells ${count.cells.join(", ")}]`,
        )));
  });
  const sum = (key: "misfiled" | "missing") => counts.reduce((t, c) => t + c[key], 0);
  const bad = counts.filter((c) => c.misfiled + c.missing > 0).length;
  console.log(
    `${values.client}, mode ${mode}, ${load} busy processes: ${sum("misfiled")} misfiled and ` +
      `${sum("missing")} missing outputs over ${runs} runs of ${cells} cells ` +
      `(${bad} runs with any)`,
  );
}

if (import.meta.main) await main();
