/**
 * What a sweep folder holds: its concept folders, and in each its run folders with the model
 * label their files give. A run folder is any folder of a concept folder that holds a run file
 * ({@link RUN_FILES}), whatever its name; its model label is the `model` column of its per-sample
 * CSV (first data row; the reader checks every other row against it), checked against
 * `summary.json`'s `model`, and the folder name only where neither says (`Qwen_Qwen3_4B` is
 * `4B`). Whatever looks like part of a sweep and is not one (a concept folder with no run folder,
 * a folder of a concept folder with no run file, a run file outside a run folder, a link to
 * nothing) is skipped with a one-line note; hidden names are passed over, and so are other files
 * at the top (the render's outputs, `models.json`).
 * @module
 */
import { basename, join } from "node:path";
import { quoteText, SweepDataError } from "./errors.ts";
import { describeKind, folderEntries, type PathKind, pathKind } from "./files.ts";
import { folderLabel, modelLabelOfFolder, RUN_FILES } from "./layout.ts";
import { firstCell, summaryModel } from "./run_read.ts";

/** Which of a run's files a label came from. */
export type LabelSource = "csv" | "summary.json" | "folder name";

/** What is at the path of each run file of a folder. */
export type RunFileKinds = Record<keyof typeof RUN_FILES, PathKind>;

/** A run folder of a concept folder: a folder holding at least one run file. */
export interface RunFolder {
  /** The folder's name. */
  name: string;
  /** The folder's path. */
  dir: string;
  /** The model label (see the module doc). */
  model: string;
  /** Where the label came from. */
  from: LabelSource;
  /** What is at each run file's path (`"missing"` when absent). */
  files: RunFileKinds;
}

const FILE_LIST = Object.values(RUN_FILES).join(", ");
const RUN_FILE_NAMES: readonly string[] = Object.values(RUN_FILES);
const LAYOUT = "<data>/<concept>/<run folder>/";

/**
 * What is at the path of each run file in `dir`, following links.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(await runFileKinds("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B"), {
 *   samples: "file",
 *   layers: "file",
 *   info: "file",
 * });
 * ```
 */
export async function runFileKinds(dir: string): Promise<RunFileKinds> {
  const [samples, layers, info] = await Promise.all(
    [RUN_FILES.samples, RUN_FILES.layers, RUN_FILES.info].map((f) => pathKind(join(dir, f))),
  );
  return { samples, layers, info };
}

const holdsRunFile = (kinds: RunFileKinds) => Object.values(kinds).some((k) => k !== "missing");

/** A path that is not loaded, and why, as a note. */
const skipped = (path: string, why: string) => `note: skipped ${path}: ${why}`;

/** Run folders of a concept folder (no labels yet), with a note for every other entry. */
async function runFoldersOf(
  conceptDir: string,
  notes: string[],
): Promise<Omit<RunFolder, "model" | "from">[]> {
  const found: Omit<RunFolder, "model" | "from">[] = [];
  for (const { name, path, kind } of await folderEntries(conceptDir)) {
    if (kind === "folder") {
      const files = await runFileKinds(path);
      if (holdsRunFile(files)) found.push({ name, dir: path, files });
      else notes.push(skipped(path, `not a run folder: it holds none of ${FILE_LIST}`));
    } else if (kind === "file") {
      notes.push(
        skipped(
          path,
          RUN_FILE_NAMES.includes(name)
            ? `a run file outside any run folder (the layout is ${LAYOUT}${name})`
            : "a file in a concept folder, which holds run folders",
        ),
      );
    } else {
      notes.push(skipped(path, describeKind(kind)));
    }
  }
  return found;
}

/**
 * The model label of a run folder and where it came from: its per-sample CSV's `model` column
 * (first data row), else `summary.json`'s `model`, else the folder name (`Qwen_Qwen3_4B` is `4B`;
 * another name is itself). Labels are compared and kept in Unicode NFC. A CSV and a
 * `summary.json` that name different models are a {@link SweepDataError} naming both files.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * assert.deepEqual(await runLabel(dir), { model: "4B", from: "csv" });
 * ```
 */
export async function runLabel(
  dir: string,
  files?: RunFileKinds,
): Promise<{ model: string; from: LabelSource }> {
  const kinds = files ?? await runFileKinds(dir);
  const samplesFile = join(dir, RUN_FILES.samples), infoFile = join(dir, RUN_FILES.info);
  const [cell, info] = await Promise.all([
    kinds.samples === "file" ? firstCell(samplesFile, "model") : undefined,
    kinds.info === "file" ? summaryModel(infoFile) : undefined,
  ]);
  const nfc = (text: string | undefined) => text?.normalize("NFC") || undefined; // "" says none
  const csv = nfc(cell?.value), json = nfc(info);
  if (csv !== undefined && json !== undefined && csv !== json) {
    throw new SweepDataError(
      `model is ${quoteText(json)} but ${samplesFile}:${cell!.line} (column "model") says ` +
        `${quoteText(csv)}: the run's files disagree on its model`,
      { file: infoFile },
    );
  }
  if (csv !== undefined) return { model: csv, from: "csv" };
  if (json !== undefined) return { model: json, from: "summary.json" };
  return { model: folderLabel(basename(dir)), from: "folder name" };
}

/** Where a label came from, in words. */
function sourceText(run: RunFolder): string {
  return run.from === "csv"
    ? `its ${RUN_FILES.samples}`
    : run.from === "summary.json"
    ? `its ${RUN_FILES.info}`
    : "its folder name";
}

/**
 * The run folders of a concept folder, each with its model label ({@link runLabel}), in folder
 * name order. Every other entry (a folder holding no run file, a file, a link to nothing) is
 * skipped with a note in `notes`, and so is a run folder missing a CSV whose model nothing names
 * (no `summary.json` model, a name other than `Qwen_Qwen3_<label>`): it is no model of the sweep.
 * (A run folder missing a CSV whose model is named is kept: the loader skips its pair with a
 * warning.) Two run folders with the same label are a {@link SweepDataError} naming both.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const runs = await runsInConcept("results/logit_diff_sweep/corrigible");
 * assert.deepEqual(runs.map((r) => `${r.name}: ${r.model}`), [
 *   "Qwen_Qwen3_14B: 14B",
 *   "Qwen_Qwen3_32B: 32B",
 *   "Qwen_Qwen3_4B: 4B",
 *   "Qwen_Qwen3_8B: 8B",
 * ]);
 * ```
 */
export async function runsInConcept(
  conceptDir: string,
  notes: string[] = [],
): Promise<RunFolder[]> {
  const folders = await runFoldersOf(conceptDir, notes);
  const labels = await Promise.all(folders.map((f) => runLabel(f.dir, f.files)));
  const runs: RunFolder[] = [];
  folders.forEach((folder, i) => {
    const run = { ...folder, ...labels[i] };
    const lacking = (["samples", "layers"] as const).filter((f) => run.files[f] === "missing");
    if (
      lacking.length && run.from === "folder name" && modelLabelOfFolder(run.name) === undefined
    ) {
      // an incomplete run that nothing names a model for: not a model of the sweep
      const files = lacking.map((f) => RUN_FILES[f]).join(" and ");
      notes.push(skipped(run.dir, `a run folder without ${files}, and no file names its model`));
      return;
    }
    const twin = runs.find((r) => r.model === run.model);
    if (twin) {
      throw new SweepDataError(
        `model ${quoteText(run.model)} (from ${sourceText(run)}), as in ${twin.dir} (from ` +
          `${sourceText(twin)}): two run folders of one concept hold the same model; ` +
          `move one of them out of ${conceptDir}`,
        { file: run.dir },
      );
    }
    runs.push(run);
  });
  return runs;
}

/**
 * Model labels found in one concept folder ({@link runsInConcept}), in folder name order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const models = await modelsInConcept("results/logit_diff_sweep/corrigible");
 * assert.deepEqual(models, ["14B", "32B", "4B", "8B"]);
 * ```
 */
export async function modelsInConcept(
  conceptDir: string,
  notes: string[] = [],
): Promise<string[]> {
  return (await runsInConcept(conceptDir, notes)).map((run) => run.model);
}

/**
 * Concepts found in a sweep folder: subfolders holding at least one run folder, alphabetically.
 * Every other entry that looks like part of a sweep gets a note in `notes` naming it and why: a
 * subfolder with no run folder (or one that holds run files itself, a run folder out of place),
 * one that cannot be read (`lost+found`), a run file at the top, a link that loops or leads to
 * nothing, a FIFO. Hidden names and other files (the render's outputs, `models.json`) are passed
 * over. What is inside a concept folder is noted when its runs are read ({@link runsInConcept}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const notes: string[] = [];
 * const concepts = await discoverConcepts("results/logit_diff_sweep", notes);
 * assert.deepEqual(concepts, ["corrigible", "self_awareness", "sycophancy"]);
 * assert.deepEqual(notes, []); // the outputs beside the concept folders are passed over
 * ```
 */
export async function discoverConcepts(dir: string, notes: string[] = []): Promise<string[]> {
  const concepts: string[] = [];
  for (const { name, path, kind } of await folderEntries(dir)) {
    if (kind === "file") {
      if (RUN_FILE_NAMES.includes(name)) {
        notes.push(skipped(path, `a run file outside any run folder (the layout is ${LAYOUT})`));
      }
      continue;
    }
    if (kind !== "folder") {
      notes.push(skipped(path, describeKind(kind)));
      continue;
    }
    let runs: unknown[];
    try {
      runs = await runFoldersOf(path, []);
    } catch (error) {
      if (!(error instanceof SweepDataError)) throw error;
      notes.push(`note: skipped ${error.message}`);
      continue;
    }
    if (runs.length > 0) concepts.push(name);
    else if (holdsRunFile(await runFileKinds(path))) {
      notes.push(
        skipped(path, `a run folder with no concept folder around it (the layout is ${LAYOUT})`),
      );
    } else {
      notes.push(skipped(path, `no run folder in it (a run folder holds ${FILE_LIST})`));
    }
  }
  return concepts;
}
