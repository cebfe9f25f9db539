/**
 * Test helper: the render task two ways. In this process, as `cli/render.ts` runs it (the flags
 * parsed by `parseRenderArgs`, injected by `notebookParameters`, the notebook run by
 * `runNotebook` with an output set installed), keeping the files in memory and the cells'
 * printed lines and warnings as text; or as `deno run cli/render.ts` in a child process. Also:
 * copies of folders and of the notebook, edited, in temporary folders.
 * @module
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseRenderArgs } from "../../cli/args.ts";
import { notebookParameters } from "../../cli/render.ts";
import { collectOutputs } from "../../cli/render_outputs.ts";
import { type OutputContent, type OutputSet, setOutputSet } from "../../lib/display/outputs.ts";
import { runNotebook } from "../../lib/notebook/run.ts";

/** The project folder. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The notebook the render task runs by default. */
export const NOTEBOOK = join(ROOT, "notebooks/logit_diff_sweep.ipynb");

/** The committed sweep (the pandas reference was computed on it), and the MoE fixture. */
export const DEFAULT_DATA = join(ROOT, "results/logit_diff_sweep");
export const MOE_FIXTURE = join(ROOT, "tests/fixtures/logit_diff_sweep_moe");

/** What a run saved and printed. */
export interface Rendered {
  /** Every file saved, by name, in the order saved (figures: the SVG only). */
  files: Map<string, string>;
  /** What the cells printed with console.log and console.info. */
  printed: string;
  /** What they printed with console.warn and console.error (the load's notes, say). */
  warnings: string;
}

/**
 * Runs the render task's notebook run in this process on the flags `args` (as given to
 * `deno task render`; `--data` is required here) and returns what the cells saved and printed.
 * Nothing is written: the files stay in memory. Figures, unless `--no-figures`, are kept as SVG.
 */
export async function renderInProcess(args: string[]): Promise<Rendered> {
  const parsed = parseRenderArgs(args, undefined, ROOT);
  if (!args.includes("--data")) throw new Error("renderInProcess needs --data");
  const figures: [string, string][] = [];
  const collected = collectOutputs({ figures: false });
  const set: OutputSet = parsed.figures
    ? {
      figures: true,
      add: (name: string, content: OutputContent) => collected.add(name, content),
      figure: (name: string, svg: string) => void figures.push([`${name}.svg`, svg]),
    }
    : collected;
  const printed: string[] = [], warnings: string[] = [];
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const keep = (into: string[]) => (...data: unknown[]) =>
    void into.push(data.map((d) => typeof d === "string" ? d : Deno.inspect(d)).join(" "));
  console.log = console.info = keep(printed);
  console.warn = console.error = keep(warnings);
  setOutputSet(set);
  try {
    await runNotebook(resolve(ROOT, parsed.notebook), { parameters: notebookParameters(parsed) });
  } finally {
    setOutputSet(undefined);
    Object.assign(console, saved);
    collected.close();
  }
  const decoder = new TextDecoder();
  const files = new Map<string, string>();
  for (const { name, content } of await collected.files()) {
    files.set(name, typeof content === "string" ? content : decoder.decode(content));
  }
  for (const [name, svg] of figures) files.set(name, svg);
  return { files, printed: printed.join("\n"), warnings: warnings.join("\n") };
}

/** The exit status and output of a render run as a child process. */
export interface RenderProcess {
  code: number;
  signal: Deno.Signal | null;
  out: string;
  err: string;
}

/**
 * Runs `deno run -A cli/render.ts ...args` from the project folder (no INIT_CWD: relative paths
 * are the project's) and returns its exit code and output.
 */
export async function renderProcess(
  args: string[],
  env: Record<string, string> = {},
): Promise<RenderProcess> {
  const { code, signal, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "cli/render.ts"), ...args],
    cwd: ROOT,
    env: { ...env, INIT_CWD: ROOT },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  return { code, signal, out: text.decode(stdout), err: text.decode(stderr) };
}

/** Copies a folder's contents into another (made if needed). */
export async function copyTree(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    const source = join(from, entry.name), target = join(to, entry.name);
    if (entry.isDirectory) await copyTree(source, target);
    else await Deno.copyFile(source, target);
  }
}

/** The six-model sweep (the default data and the MoE fixture) copied into `dir`. */
export async function sixModelSweepIn(dir: string): Promise<string> {
  await copyTree(DEFAULT_DATA, dir);
  await copyTree(MOE_FIXTURE, dir);
  return dir;
}

/**
 * The CSV and JSON files of a folder, by name: the outputs (not the render's hidden manifest
 * `.sweep-outputs.json`, nor a sweep's run folders).
 */
export async function dataFiles(dir: string): Promise<Map<string, Uint8Array>> {
  const found = new Map<string, Uint8Array>();
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile && !entry.name.startsWith(".") && /\.(csv|json)$/.test(entry.name)) {
      found.set(entry.name, await Deno.readFile(join(dir, entry.name)));
    }
  }
  return new Map([...found].sort(([a], [b]) => a < b ? -1 : 1));
}

/** A notebook's JSON as read (cells with their source as a list of lines or one string). */
export interface NotebookJson {
  cells: { cell_type: string; source: string | string[]; metadata?: unknown }[];
  [key: string]: unknown;
}

/** The source of a cell as one string. */
export const sourceOf = (cell: NotebookJson["cells"][number]): string =>
  Array.isArray(cell.source) ? cell.source.join("") : cell.source;

/**
 * Writes a copy of the project notebook to `path`, changed by `edit` (which may change the cells
 * in place), and returns `path` (its folder made if needed). The copy sits alone in its folder:
 * the notebook's default DATA_DIR is relative to it, so a test passes `--data`.
 */
export async function editedNotebook(
  path: string,
  edit: (nb: NotebookJson) => void = () => {},
): Promise<string> {
  const nb: NotebookJson = JSON.parse(await Deno.readTextFile(NOTEBOOK));
  edit(nb);
  await Deno.mkdir(dirname(path), { recursive: true });
  await Deno.writeTextFile(path, JSON.stringify(nb, null, 1) + "\n");
  return path;
}

/**
 * Replaces `from` with `to` in the one code cell that holds `from` (exactly once); throws when no
 * cell or several do, so that a test never edits nothing.
 */
export function replaceInCell(nb: NotebookJson, from: string, to: string): void {
  const cells = nb.cells.filter((c) => c.cell_type === "code" && sourceOf(c).includes(from));
  if (cells.length !== 1) {
    throw new Error(`${cells.length} code cells hold ${JSON.stringify(from)}`);
  }
  const text = sourceOf(cells[0]);
  if (text.indexOf(from) !== text.lastIndexOf(from)) throw new Error(`${from} is there twice`);
  cells[0].source = text.replace(from, () => to).split(/(?<=\n)/);
}
