/**
 * `loadSweep`: reads a sweep folder into one typed {@link Sweep}.
 * @module
 */
import { join } from "node:path";
import { readTypedCsvFile } from "./csv_file.ts";
import { decodeText } from "./text.ts";
import { SweepDataError } from "./errors.ts";
import { parseRunInfo } from "./json.ts";
import {
  compareStrings,
  modelFolderName,
  modelLabelOfFolder,
  orderModels,
  RUN_FILES,
} from "./layout.ts";
import { dataQualityNote } from "./quality.ts";
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
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isDirectory;
  } catch {
    return false;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}

async function subfolders(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) if (entry.isDirectory) names.push(entry.name);
  return names.sort(compareStrings);
}

async function readText(path: string): Promise<string> {
  return decodeText(await Deno.readFile(path), path);
}

/**
 * Model labels found in one concept folder (from folder names: `Qwen_Qwen3_30B_A3B` is `30B-A3B`).
 *
 * @example
 * ```ts
 * await modelsInConcept("results/logit_diff_sweep/corrigible"); // ["14B", "32B", "4B", "8B"]
 * ```
 */
export async function modelsInConcept(conceptDir: string): Promise<string[]> {
  const labels = (await subfolders(conceptDir)).map(modelLabelOfFolder);
  return labels.filter((label): label is string => label !== undefined);
}

/**
 * Concepts found in a sweep folder: subfolders holding at least one model folder, alphabetically.
 *
 * @example
 * ```ts
 * await discoverConcepts("results/logit_diff_sweep"); // ["corrigible", "self_awareness", "sycophancy"]
 * ```
 */
export async function discoverConcepts(dir: string): Promise<string[]> {
  const concepts: string[] = [];
  for (const name of await subfolders(dir)) {
    if ((await modelsInConcept(join(dir, name))).length > 0) concepts.push(name);
  }
  return concepts;
}

/**
 * Reads one run folder: its per-sample CSV, layer summary and (when present) `summary.json`.
 *
 * @example
 * ```ts
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * run.samples.length; // 3000
 * ```
 */
export async function loadRun(dir: string, model: string, concept: string): Promise<SweepRun> {
  const samplesFile = join(dir, RUN_FILES.samples);
  const layersFile = join(dir, RUN_FILES.layers);
  const infoFile = join(dir, RUN_FILES.info);
  const [parsed, table, infoText] = await Promise.all([
    readTypedCsvFile(samplesFile, SAMPLE_SCHEMA, { model, concept }),
    readTypedCsvFile(layersFile, LAYER_SUMMARY_SCHEMA),
    isFile(infoFile).then((has) => has ? readText(infoFile) : undefined),
  ]);
  const { model: _model, concept: _concept, ...samples } = parsed;
  const layers: LayerSummaryRow[] = Array.from({ length: table.length }, (_, i) => ({
    layer: table.layer[i],
    baseline_mean: table.baseline_mean[i],
    positive_mean: table.positive_mean[i],
    negative_mean: table.negative_mean[i],
    delta: table.delta[i],
    model,
    concept,
  }));
  const info = infoText === undefined ? undefined : parseRunInfo(infoText, infoFile);
  if (info && (info.model !== model || info.concept !== concept)) {
    throw new SweepDataError(
      `summary.json is for ${info.model}/${info.concept} but the folder is for ${model}/${concept}`,
      { file: infoFile },
    );
  }
  return { model, concept, dir, info, layers, samples };
}

function layerCountsOf(
  runs: SweepRun[],
  models: string[],
  override: Record<string, number>,
): Record<string, number> {
  const counts: Record<string, number> = {};
  const source: Record<string, string> = {};
  for (const run of runs) {
    if (run.model in override || !run.info) continue;
    const n = run.info.num_layers, file = join(run.dir, RUN_FILES.info);
    if (run.model in counts && counts[run.model] !== n) {
      throw new SweepDataError(
        `num_layers is ${n} but ${source[run.model]} says ${
          counts[run.model]
        } for model ${run.model}`,
        { file },
      );
    }
    counts[run.model] = n;
    source[run.model] = file;
  }
  for (const model of models) {
    if (model in override) counts[model] = override[model];
    const hasRun = runs.some((run) => run.model === model);
    if (hasRun && !(model in counts)) {
      throw new SweepDataError(
        `no layer count for model ${model}: its folders have no summary.json; ` +
          `pass --layer-counts ${model}=N`,
        { file: runs.find((run) => run.model === model)!.dir },
      );
    }
  }
  return counts;
}

/**
 * Loads a sweep folder. Missing model/concept folders (or folders missing a CSV) are skipped with
 * a warning in `notes`, as the original's `if path.exists()` does; malformed files throw a
 * {@link SweepDataError} naming the file, line and column.
 *
 * @example
 * ```ts
 * const sweep = await loadSweep("results/logit_diff_sweep");
 * sweep.models;   // ["4B", "8B", "14B", "32B"]
 * sweep.concepts; // ["corrigible", "self_awareness", "sycophancy"]
 * ```
 */
export async function loadSweep(dir: string, options: LoadOptions = {}): Promise<Sweep> {
  if (!(await isDirectory(dir))) {
    throw new SweepDataError("no such folder (the sweep's data folder)", { file: dir });
  }
  const concepts = options.concepts ?? await discoverConcepts(dir);
  const found = new Map<string, string[]>();
  for (const concept of concepts) {
    const conceptDir = join(dir, concept);
    found.set(concept, (await isDirectory(conceptDir)) ? await modelsInConcept(conceptDir) : []);
  }
  const models = options.models ?? orderModels([...found.values()].flat());
  const notes: string[] = [];
  const missing: Pair[] = [];
  const present: Array<{ runDir: string; model: string; concept: string }> = [];
  for (const concept of concepts) {
    for (const model of models) {
      const runDir = join(dir, concept, modelFolderName(model));
      const absent = !found.get(concept)!.includes(model)
        ? runDir
        : !(await isFile(join(runDir, RUN_FILES.samples)))
        ? join(runDir, RUN_FILES.samples)
        : !(await isFile(join(runDir, RUN_FILES.layers)))
        ? join(runDir, RUN_FILES.layers)
        : undefined;
      if (absent) {
        notes.push(`warning: ${model}/${concept} skipped: ${absent} does not exist`);
        missing.push({ model, concept });
      } else {
        present.push({ runDir, model, concept });
      }
    }
  }
  const runs = await Promise.all(
    present.map(({ runDir, model, concept }) => loadRun(runDir, model, concept)),
  );
  if (runs.length === 0) {
    throw new SweepDataError(
      `no model folders (${modelFolderName("<model>")}/${RUN_FILES.samples}) found`,
      { file: dir },
    );
  }
  for (const run of runs) {
    const note = dataQualityNote(run);
    if (note) notes.push(note);
  }
  const layerCounts = layerCountsOf(runs, models, options.layerCounts ?? {});
  return { dir, models, concepts, runs, layerCounts, missing, notes };
}
