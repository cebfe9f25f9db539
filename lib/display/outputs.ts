/**
 * Where a notebook's tables, figures and JSON files go: `outputFolder(OUT_DIR)` gives the cells
 * one object to show and save with. Run interactively, each `table`, `figure` and `json` call
 * shows its output and writes its file into the folder at once, atomically (a temporary file
 * renamed over the old one), as the original's `savefig` calls did. Run by `deno task render`,
 * the render task has installed an output set (`setOutputSet`): the files go there, and the
 * render task writes them all or none once the notebook has finished. Interactively, a figure's
 * files are drawn and written in the background while the notebook goes on (`saves.ts`).
 * @module
 */
import { join } from "node:path";
import { toCsv } from "../util/csv.ts";
import { tableColumns, type TableOptions, type TableRow } from "../util/table_text.ts";
import { writeFileAtomic } from "../export/atomic.ts";
import { jsonText } from "../export/json.ts";
import { display } from "./jupyter.ts";
import { inBackground, throwFailedSave } from "./saves.ts";
import { tableBundle } from "./table.ts";

/** What a cell hands over to be saved: a file's text or bytes, possibly still being made. */
export type OutputContent = string | Uint8Array | Promise<string | Uint8Array>;

/**
 * The files of one render run, collected while its notebook runs (installed by the render
 * task with {@link setOutputSet}).
 */
export interface OutputSet {
  /** Adds a file; a name added twice is an error. */
  add(name: string, content: OutputContent): void;
  /** Whether figures are made (false with `--no-figures`). */
  figures: boolean;
  /** Makes a figure's files from the flattened SVG (the render task rasterizes on workers). */
  figure(name: string, svg: string): void;
}

const KEY = Symbol.for("steering-sweep.output-set");
type Holder = { [KEY]?: OutputSet };

/**
 * Installs (or, with undefined, removes) the output set that every `outputFolder` of the
 * process saves into instead of its folder: what the render task does around a notebook run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const names: string[] = [];
 * setOutputSet({ add: (name) => void names.push(name), figures: false, figure: () => {} });
 * await outputFolder("/nonexistent").json("summary", { a: 1 });
 * setOutputSet(undefined);
 * assert.deepEqual(names, ["summary.json"]);
 * ```
 */
export function setOutputSet(set: OutputSet | undefined): void {
  (globalThis as Holder)[KEY] = set;
}

/** The output set installed by the render task, if any. */
export function outputSet(): OutputSet | undefined {
  return (globalThis as Holder)[KEY];
}

/** Options of a table: its display (columns, digits, caption) and whether it is shown at all. */
export interface SaveTableOptions extends TableOptions {
  /** Show the table in the notebook (default true); false: only its file is written. */
  show?: boolean;
}

/** A figure as a cell hands it over: Plot's SVG or `<figure>` element, or a function making it. */
export type FigureInput = Element | (() => Element);

/** Options of {@link outputFolder}. */
export interface OutputFolderOptions {
  /** Make figures (default true): false skips every `figure` call without drawing it. */
  figures?: boolean;
}

/** What a notebook saves and shows through: see {@link outputFolder}. */
export interface OutputFolder {
  /** The folder files go to when the notebook runs interactively. */
  dir: string;
  /** Shows rows as a table (HTML in Jupyter) and saves them as `<name>.csv`, as pandas writes. */
  table(name: string, rows: readonly object[], options?: SaveTableOptions): Promise<void>;
  /** Saves a value as `<name>.json`, indented by 2 (non-finite numbers as null). */
  json(name: string, value: unknown): Promise<void>;
  /** Shows a figure (PNG) and saves it as `<name>.svg` and `<name>.png` (2x pixel density). */
  figure(name: string, figure: FigureInput): Promise<void>;
}

/**
 * The one object a notebook shows and saves its outputs through. Interactively each call writes
 * its file into `dir` at once; under `deno task render` the files go to the render's output set.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * const out = outputFolder(dir);
 * await out.table("t", [{ model: "4B", d: 0.5 }], { show: false });
 * assert.equal(await Deno.readTextFile(`${dir}/t.csv`), "model,d\n4B,0.5\n");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function outputFolder(dir: string, options: OutputFolderOptions = {}): OutputFolder {
  const save = async (name: string, content: OutputContent) => {
    const set = outputSet();
    if (set) set.add(name, content);
    else {
      await Deno.mkdir(dir, { recursive: true });
      await writeFileAtomic(join(dir, name), await content);
    }
  };
  return {
    dir,
    async table(name, rows, tableOptions = {}) {
      throwFailedSave();
      const { show = true, ...shown } = tableOptions;
      const records = rows as readonly TableRow[];
      const columns = shown.columns ?? tableColumns(records);
      await save(`${name}.csv`, toCsv(records as Parameters<typeof toCsv>[0], columns));
      if (show && !outputSet()) await display(tableBundle(records, shown));
    },
    async json(name, value) {
      throwFailedSave();
      await save(`${name}.json`, jsonText(value));
    },
    async figure(name, figure) {
      const set = outputSet();
      if (options.figures === false || set?.figures === false) return;
      const element = typeof figure === "function" ? figure() : figure;
      const { standaloneSvg } = await import("../export/svg.ts");
      const svg = standaloneSvg(element);
      if (set) return set.figure(name, svg);
      throwFailedSave();
      const { displayPng, svgToPng, svgToPngOffThread } = await import("./figure_png.ts");
      const shown = svgToPng(svg, 1);
      // The saved files are drawn and written while the notebook goes on (saves.ts).
      inBackground(`${name}.png`, async () => {
        await save(`${name}.svg`, svg);
        await save(`${name}.png`, await svgToPngOffThread(svg, 2));
      });
      await displayPng(await shown, svg, name);
    },
  };
}

/**
 * Shows rows as a table without saving them (HTML in Jupyter, aligned text elsewhere); nothing
 * under `deno task render`.
 *
 * @example
 * ```ts
 * await show([{ model: "4B", delta: 1.23456 }], { digits: 2 }); // prints the table as text
 * ```
 */
export async function show(rows: readonly object[], options: TableOptions = {}): Promise<void> {
  if (!outputSet()) await display(tableBundle(rows as readonly TableRow[], options));
}

/**
 * Shows a ready MIME bundle (an HTML table with its text form, say); nothing under
 * `deno task render`.
 *
 * @example
 * ```ts
 * await showBundle({ "text/plain": "a table" }); // prints "a table" outside Jupyter
 * ```
 */
export async function showBundle(bundle: Record<string, string>): Promise<void> {
  if (!outputSet()) await display(bundle);
}
