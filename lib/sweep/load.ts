/**
 * `loadSweep`: reads a sweep folder into one typed {@link Sweep}.
 * @module
 */
import { join } from "node:path";
import {
  assertHasRows,
  checkLayerRange,
  checkStrengths,
  checkSummaryLayers,
  checkSummaryRepeats,
  cutOffWarnings,
  duplicateNote,
  type RunFiles,
} from "./checks.ts";
import { readCsvFile } from "./csv_file.ts";
import { bestLayerNote } from "./effect_gap.ts";
import { SweepDataError } from "./errors.ts";
import { discoverConcepts, modelsInConcept } from "./discover.ts";
import { assertRegularFile, describeKind, pathKind } from "./files.ts";
import { parseRunInfo } from "./json.ts";
import { scanKeys } from "./keys.ts";
import { modelFolderName, orderModels, RUN_FILES } from "./layout.ts";
import { checkAskedNames, checkLayerCountKeys, uniqueNames } from "./options.ts";
import { dataQualityNote } from "./quality.ts";
import { decodeText } from "./text.ts";
import {
  LAYER_SUMMARY_SCHEMA,
  type LayerSummaryRow,
  type Pair,
  SAMPLE_SCHEMA,
  type Sweep,
  type SweepRun,
} from "./types.ts";

/** What to load: defaults are every model and concept found in the folder. */
export interface LoadOptions {
  /** Model labels such as `"4B"` or `"30B-A3B"`, in the order to show them. */
  models?: string[];
  /** Concept folder names, in the order to show them. */
  concepts?: string[];
  /** Layer count per model, overriding `summary.json`'s `num_layers`. */
  layerCounts?: Record<string, number>;
  /**
   * Keep rows that repeat a (layer, strength, prompt_idx) key, as pandas does (a note says how
   * many); by default a repeated key is an error naming both lines.
   */
  allowDuplicates?: boolean;
}

/** True when `path` is a folder (or a link to one). */
async function isDirectory(path: string): Promise<boolean> {
  return (await pathKind(path)) === "folder";
}

/** A regular file's text (binary data and invalid UTF-8 are errors at their line). */
async function readText(path: string): Promise<string> {
  await assertRegularFile(path);
  return decodeText(await Deno.readFile(path), path);
}

/** A run with the read reports its checks need. */
interface ReadRun {
  run: SweepRun;
  files: RunFiles;
}

/** Reads a run's files, checks rows and summary layers, and keeps the read reports. */
async function readRun(dir: string, model: string, concept: string): Promise<ReadRun> {
  const samplesFile = join(dir, RUN_FILES.samples);
  const layersFile = join(dir, RUN_FILES.layers);
  const infoFile = join(dir, RUN_FILES.info);
  const [parsed, table, infoText] = await Promise.all([
    readCsvFile(samplesFile, SAMPLE_SCHEMA, { model, concept }),
    readCsvFile(layersFile, LAYER_SUMMARY_SCHEMA),
    pathKind(infoFile).then((kind) => kind === "missing" ? undefined : readText(infoFile)),
  ]);
  assertHasRows(parsed.report.rows, samplesFile);
  assertHasRows(table.report.rows, layersFile);
  const { model: _model, concept: _concept, ...samples } = parsed.columns;
  const t = table.columns;
  const layers: LayerSummaryRow[] = Array.from({ length: t.length }, (_, i) => ({
    layer: t.layer[i],
    baseline_mean: t.baseline_mean[i],
    positive_mean: t.positive_mean[i],
    negative_mean: t.negative_mean[i],
    delta: t.delta[i],
    model,
    concept,
  }));
  const info = infoText === undefined ? undefined : parseRunInfo(infoText, infoFile);
  const nfc = (name: string) => name.normalize("NFC");
  if (info && (info.model !== model || nfc(info.concept) !== nfc(concept))) {
    throw new SweepDataError(
      `summary.json is for ${info.model}/${info.concept} but the folder is for ${model}/${concept}`,
      { file: infoFile },
    );
  }
  const run = { model, concept, dir, info, layers, samples };
  const files = {
    samples: samplesFile,
    layers: layersFile,
    samplesReport: parsed.report,
    layersReport: table.report,
  };
  checkSummaryLayers(run, files);
  checkSummaryRepeats(run, files);
  checkStrengths(run, files);
  return { run, files };
}

/**
 * Reads one run folder: its per-sample CSV, layer summary and (when present) `summary.json`. A
 * CSV with no data rows, or a layer summary row whose layer has no per-sample rows, is an error.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * assert.equal(run.samples.length, 3000); // 25 layers x 3 strengths x 40 prompts
 * assert.equal(run.info?.num_layers, 36);
 * ```
 */
export async function loadRun(dir: string, model: string, concept: string): Promise<SweepRun> {
  return (await readRun(dir, model, concept)).run;
}

/** Layer counts per model, and where each came from (for messages). */
interface LayerCounts {
  counts: Record<string, number>;
  sources: Record<string, string>;
}

/** Each model's layer count (override, else `summary.json`, which must agree across concepts). */
function layerCountsOf(
  runs: SweepRun[],
  models: string[],
  override: Record<string, number>,
): LayerCounts {
  const counts: Record<string, number> = {};
  const sources: Record<string, string> = {};
  for (const run of runs) {
    if (run.model in override || !run.info) continue;
    const n = run.info.num_layers, file = join(run.dir, RUN_FILES.info);
    if (run.model in counts && counts[run.model] !== n) {
      throw new SweepDataError(
        `num_layers is ${n} but ${sources[run.model]} says ${
          counts[run.model]
        } for model ${run.model}`,
        { file },
      );
    }
    counts[run.model] = n;
    sources[run.model] = file;
  }
  for (const model of models) {
    if (model in override) {
      counts[model] = override[model];
      sources[model] = `--layer-counts ${model}=${override[model]}`;
    }
    const hasRun = runs.some((run) => run.model === model);
    if (hasRun && !(model in counts)) {
      throw new SweepDataError(
        `no layer count for model ${model}: its folders have no summary.json; ` +
          `pass --layer-counts ${model}=N`,
        { file: runs.find((run) => run.model === model)!.dir },
      );
    }
  }
  return { counts, sources };
}

/** Which runs to read: present ones, and a note and a missing pair for each absent one. */
async function planRuns(
  dir: string,
  concepts: string[],
  models: string[],
  found: Map<string, string[]>,
  notes: string[],
): Promise<{ present: Array<[string, string, string]>; missing: Pair[] }> {
  const present: Array<[string, string, string]> = [];
  const missing: Pair[] = [];
  for (const concept of concepts) {
    for (const model of models) {
      const runDir = join(dir, concept, modelFolderName(model));
      let absent = found.get(concept)!.includes(model) ? undefined : runDir;
      for (const file of [RUN_FILES.samples, RUN_FILES.layers]) {
        if (absent === undefined && (await pathKind(join(runDir, file))) === "missing") {
          absent = join(runDir, file);
        }
      }
      if (absent) {
        const kind = await pathKind(absent);
        const what = kind === "missing" || kind === "unreadable"
          ? describeKind(kind)
          : `is ${describeKind(kind)}, not a folder`;
        notes.push(`warning: ${model}/${concept} skipped: ${absent} ${what}`);
        missing.push({ model, concept });
      } else {
        present.push([runDir, model, concept]);
      }
    }
  }
  return { present, missing };
}

/** Options as given, without repeated names (with a note for each list that had some). */
function uniqueOptions(options: LoadOptions, notes: string[]): LoadOptions {
  const out = { ...options };
  for (const key of ["models", "concepts"] as const) {
    if (!options[key]) continue;
    const { names, note } = uniqueNames(options[key], key);
    out[key] = names;
    if (note) notes.push(note);
  }
  return out;
}

/**
 * Loads a sweep folder. Missing model/concept folders (or folders missing a CSV) are skipped with
 * a warning in `notes`, as the original's `if path.exists()` does; hidden entries are ignored and
 * symbolic links followed; repeated names in `models`/`concepts` are loaded once (with a note).
 * Malformed or inconsistent files throw a {@link SweepDataError} naming the file, line and column:
 * a layer outside the model's layer count, a layer summary row without per-sample rows, a
 * header-only file, a repeated (layer, strength, prompt_idx) key (unless `allowDuplicates`), a
 * `layerCounts` key that is no model of the sweep. A sweep that looks cut off (incomplete
 * layer x strength grid, a last line without a line end) gives a warning in `notes`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const sweep = await loadSweep("results/logit_diff_sweep");
 * assert.deepEqual(sweep.models, ["4B", "8B", "14B", "32B"]);
 * assert.deepEqual(sweep.concepts, ["corrigible", "self_awareness", "sycophancy"]);
 * assert.equal(sweep.runs.length, 12);
 * ```
 */
export async function loadSweep(dir: string, options: LoadOptions = {}): Promise<Sweep> {
  const kind = await pathKind(dir);
  if (kind !== "folder") {
    const what = kind === "missing" ? "no such folder" : `${describeKind(kind)}, not a folder`;
    throw new SweepDataError(`${what} (the sweep's data folder)`, { file: dir });
  }
  const notes: string[] = [];
  const asked = uniqueOptions(options, notes);
  const concepts = asked.concepts ?? await discoverConcepts(dir, notes);
  const found = new Map<string, string[]>();
  for (const concept of concepts) {
    const conceptDir = join(dir, concept);
    const inside = (await isDirectory(conceptDir)) ? await modelsInConcept(conceptDir, notes) : [];
    found.set(concept, inside);
  }
  const models = asked.models ?? orderModels([...found.values()].flat());
  checkAskedNames(asked.models, [...new Set([...found.values()].flat())], "--models", dir);
  if (asked.concepts) {
    checkAskedNames(asked.concepts, await discoverConcepts(dir), "--concepts", dir);
  }
  checkLayerCountKeys(
    asked.layerCounts ?? {},
    [...new Set([...models, ...found.values()].flat())],
    dir,
  );
  const { present, missing } = await planRuns(dir, concepts, models, found, notes);
  const read = await Promise.all(present.map((args) => readRun(...args)));
  if (read.length === 0) {
    throw new SweepDataError(
      `no model folders (${modelFolderName("<model>")}/${RUN_FILES.samples}) found`,
      { file: dir },
    );
  }
  const runs = read.map((r) => r.run);
  const { counts, sources } = layerCountsOf(runs, models, asked.layerCounts ?? {});
  for (const { run, files } of read) {
    checkLayerRange(run, files, counts[run.model], sources[run.model]);
    const scan = scanKeys(run.samples);
    const duplicates = duplicateNote(run, scan, files, asked.allowDuplicates ?? false);
    const found = [dataQualityNote(run, files.samples), duplicates, ...cutOffWarnings(scan, files)];
    for (const note of [...found, bestLayerNote(run, files)]) {
      if (note) notes.push(note);
    }
  }
  return { dir, models, concepts, runs, layerCounts: counts, missing, notes };
}
