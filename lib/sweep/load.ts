/**
 * `loadSweep`: reads a sweep folder into one typed {@link Sweep}.
 * @module
 */
import { join } from "node:path";
import { checkLayerRange, cutOffWarnings, duplicateNote } from "./checks.ts";
import { SweepDataError } from "./errors.ts";
import { discoverConcepts, type RunFolder, runsInConcept } from "./discover.ts";
import { describeKind, type PathKind, pathKind } from "./files.ts";
import { orderModels, RUN_FILES } from "./layout.ts";
import { checkAskedNames, checkLayerCountKeys, uniqueNames } from "./options.ts";
import { type LoadedRun, readRunFiles, type RunTask } from "./run_read.ts";
import { readRuns } from "./run_workers.ts";
import type { Pair, Sweep, SweepRun } from "./types.ts";

/** What to load: defaults are every model and concept found in the folder. */
export interface LoadOptions {
  /**
   * Model labels such as `"4B"`, `"30B-A3B"` or `"Llama-3.1-8B"` (each run's per-sample `model`
   * column), in the order to show them.
   */
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
  /**
   * Workers reading runs at once (1 to 64); by default a sweep under 32 MiB of per-sample CSV is
   * read in this thread, a larger one on two workers (one on a one-core machine). The result is
   * the same either way.
   */
  workers?: number;
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
  return (await readRunFiles(dir, model, concept)).run;
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
    if (Object.hasOwn(override, run.model) || !run.info) continue;
    const n = run.info.num_layers, file = join(run.dir, RUN_FILES.info);
    if (Object.hasOwn(counts, run.model) && counts[run.model] !== n) {
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
    if (Object.hasOwn(override, model)) {
      counts[model] = override[model];
      sources[model] = `--layer-counts ${model}=${override[model]}`;
    }
    const hasRun = runs.some((run) => run.model === model);
    if (hasRun && !Object.hasOwn(counts, model)) {
      throw new SweepDataError(
        `no layer count for model ${model}: its folders have no summary.json; ` +
          `pass --layer-counts ${model}=N`,
        { file: runs.find((run) => run.model === model)!.dir },
      );
    }
  }
  return { counts, sources };
}

/** What a concept of the sweep holds: its run folders, or what is at its path instead. */
type ConceptRuns = RunFolder[] | PathKind;

/** "does not exist", or "is a file, not a folder", for a path that should be a folder. */
function notAFolder(kind: PathKind): string {
  return kind === "missing" || kind === "unreadable"
    ? describeKind(kind)
    : `is ${describeKind(kind)}, not a folder`;
}

/**
 * Why a concept has no run of a model: the folder the model's runs have in other concepts is
 * absent there (or is no folder, or holds another model), or no folder there holds it.
 */
async function absentRun(
  conceptDir: string,
  model: string,
  runs: RunFolder[],
  found: Map<string, ConceptRuns>,
): Promise<string> {
  const elsewhere = [...found.values()].flatMap((r) => typeof r === "string" ? [] : r)
    .find((run) => run.model === model);
  if (elsewhere === undefined) return `no run folder in ${conceptDir} holds model ${model}`;
  const path = join(conceptDir, elsewhere.name);
  const kind = await pathKind(path);
  if (kind !== "folder") return `${path} ${notAFolder(kind)}`;
  const there = runs.find((run) => run.name === elsewhere.name);
  return there
    ? `${path} holds model ${there.model}, and no run folder in ${conceptDir} holds ${model}`
    : `${path} is not a run folder, and no run folder in ${conceptDir} holds ${model}`;
}

/** Which runs to read: present ones, and a warning and a missing pair for each absent one. */
async function planRuns(
  dir: string,
  concepts: string[],
  models: string[],
  found: Map<string, ConceptRuns>,
  notes: string[],
): Promise<{ present: RunTask[]; missing: Pair[] }> {
  const present: RunTask[] = [];
  const missing: Pair[] = [];
  for (const concept of concepts) {
    const conceptDir = join(dir, concept), runs = found.get(concept)!;
    for (const model of models) {
      let why: string | undefined;
      if (typeof runs === "string") why = `${conceptDir} ${notAFolder(runs)}`;
      else {
        const run = runs.find((r) => r.model === model);
        if (run === undefined) why = await absentRun(conceptDir, model, runs, found);
        else {
          const lacking = (["samples", "layers"] as const).find((f) => run.files[f] === "missing");
          if (lacking) why = `${join(run.dir, RUN_FILES[lacking])} does not exist`;
          else present.push({ dir: run.dir, model, concept });
        }
      }
      if (why !== undefined) {
        notes.push(`warning: ${model}/${concept} skipped: ${why}`);
        missing.push({ model, concept });
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

/** What a sweep load reads, decided before any run is read (see {@link planSweep}). */
export interface SweepPlan {
  dir: string;
  /** The options, without repeated names. */
  asked: LoadOptions;
  models: string[];
  concepts: string[];
  /** The runs to read, concept by concept, models in order within each. */
  runs: RunTask[];
  /** Pairs with no run folder or no CSV. */
  missing: Pair[];
  /** Notes so far (skipped pairs, folders and files, repeated names), in the order found. */
  notes: string[];
}

/**
 * The first half of {@link loadSweep}: checks the folder and the options, finds the concepts and
 * their run folders with each run's model label (`discover.ts`: the per-sample CSV's `model`
 * column, checked against `summary.json`), and lists the runs to read (and the missing pairs,
 * with a warning each). Throws a {@link SweepDataError} for a data folder that is none, a
 * misspelled name, a bad layer count key, a run whose CSV and `summary.json` name different
 * models, two run folders of one concept with the same model, or no run at all.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const plan = await planSweep("results/logit_diff_sweep", { models: ["4B", "70B"] });
 * assert.deepEqual(plan.runs.map((r) => `${r.model}/${r.concept}`), [
 *   "4B/corrigible",
 *   "4B/self_awareness",
 *   "4B/sycophancy",
 * ]);
 * assert.equal(plan.missing.length, 3); // 70B, in each concept
 * ```
 */
export async function planSweep(dir: string, options: LoadOptions = {}): Promise<SweepPlan> {
  const kind = await pathKind(dir);
  if (kind !== "folder") {
    const what = kind === "missing" ? "no such folder" : `${describeKind(kind)}, not a folder`;
    throw new SweepDataError(`${what} (the sweep's data folder)`, { file: dir });
  }
  const notes: string[] = [];
  const asked = uniqueOptions(options, notes);
  const concepts = asked.concepts ?? await discoverConcepts(dir, notes);
  const found = new Map<string, ConceptRuns>();
  for (const concept of concepts) {
    const conceptDir = join(dir, concept);
    const kind = await pathKind(conceptDir);
    found.set(concept, kind === "folder" ? await runsInConcept(conceptDir, notes) : kind);
  }
  const labels = [
    ...new Set(
      [...found.values()].flatMap((r) => typeof r === "string" ? [] : r.map((run) => run.model)),
    ),
  ];
  const models = asked.models ?? orderModels(labels);
  checkAskedNames(asked.models, labels, "--models", dir);
  if (asked.concepts) {
    checkAskedNames(asked.concepts, await discoverConcepts(dir), "--concepts", dir);
  }
  checkLayerCountKeys(asked.layerCounts ?? {}, [...new Set([...models, ...labels])], dir);
  const { present, missing } = await planRuns(dir, concepts, models, found, notes);
  if (present.length === 0) {
    throw new SweepDataError(
      `no run folders (${RUN_FILES.samples} and ${RUN_FILES.layers} in ` +
        `<concept>/<run folder>/) found`,
      { file: dir },
    );
  }
  return { dir, asked, models, concepts, runs: present, missing, notes };
}

/**
 * The second half of {@link loadSweep}: the runs of the plan, read (in its order), checked
 * against one another. Throws for layer counts that disagree or are unknown, a layer outside its
 * model's count, a repeated key (unless allowed); gathers every note in a fixed order (the plan's,
 * then each run's: data quality, repeats, cut-off warnings, best layer), whatever the order or
 * place the runs were read in.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readRun } from "./run_read.ts";
 * const plan = await planSweep("results/logit_diff_sweep", { models: ["4B"] });
 * const sweep = assembleSweep(plan, await Promise.all(plan.runs.map(readRun)));
 * assert.deepEqual(sweep.layerCounts, { "4B": 36 });
 * assert.equal(sweep.notes.length, 1); // the data-quality note of 4B/sycophancy
 * ```
 */
export function assembleSweep(plan: SweepPlan, loaded: readonly LoadedRun[]): Sweep {
  const runs = loaded.map((r) => r.run);
  const asked = plan.asked;
  const { counts, sources } = layerCountsOf(runs, plan.models, asked.layerCounts ?? {});
  const notes = [...plan.notes];
  for (const { run, files, scan, quality, bestLayer } of loaded) {
    checkLayerRange(run, files, counts[run.model], sources[run.model]);
    const duplicates = duplicateNote(run, scan, files, asked.allowDuplicates ?? false);
    for (const note of [quality, duplicates, ...cutOffWarnings(scan, files), bestLayer]) {
      if (note) notes.push(note);
    }
  }
  const { dir, models, concepts, missing } = plan;
  return { dir, models, concepts, runs, layerCounts: counts, missing, notes };
}

/**
 * Loads a sweep folder: `<data>/<concept>/<run folder>/`, a run folder being any folder holding
 * the run files, its model the label its per-sample CSV's `model` column gives (`discover.ts`).
 * A model/concept pair with no run (or a run folder missing a CSV) is skipped with a warning in
 * `notes`, as the original's `if path.exists()` does, and so is a model or concept asked for that
 * the sweep does not hold; whatever else looks like part of a sweep and is not loaded (a concept
 * folder with no run folder, a folder with no run file, a run file out of place) gets a note
 * naming it. Hidden entries are ignored and symbolic links followed; repeated names in
 * `models`/`concepts` are loaded once (with a note).
 * Malformed or inconsistent files throw a {@link SweepDataError} naming the file, line and column:
 * a run whose CSV rows, or CSV and `summary.json`, disagree on its model, two run folders of one
 * concept with the same model, a layer outside the model's layer count, a layer summary row
 * without per-sample rows, a header-only file, a repeated (layer, strength, prompt_idx) key
 * (unless `allowDuplicates`), a `layerCounts` key that is no model of the sweep. A sweep that
 * looks cut off (incomplete layer x strength grid, a last line without a line end) gives a
 * warning in `notes`. A large sweep's runs are read on worker threads (`options.workers`,
 * `run_workers.ts`), with the same result as one after another: the error of the first bad run
 * in the sweep's order is the one thrown.
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
  const plan = await planSweep(dir, options);
  return assembleSweep(plan, await readRuns(plan.runs, options.workers));
}
