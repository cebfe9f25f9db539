/**
 * The results of an analysis run: the statistics of the original notebook, the robustness
 * records and the model metadata, each computed once by an explicit step.
 * @module
 */
import type { Sweep } from "../sweep/types.ts";
import { type ModelInfo, modelTable, readModelOverrides } from "../models/qwen3.ts";
import { type ModelAttributes, modelAttributes } from "../models/groups.ts";
import { analyse, type Analysis } from "../stats/analysis.ts";
import type { RobustnessOptions, RobustnessRecord } from "../stats/robustness.ts";
import type { ModelContrast } from "../stats/model_contrast.ts";
import { analyseRun, contrastsOfRuns, recordsOf, type RunAnalysis } from "./run_analysis.ts";

/** How the run computes: the bootstrap of the robustness step. */
export interface ResultsOptions {
  /** Bootstrap resamples of the robustness step (default 2,000). */
  resamples?: number;
  /** Seed of the bootstrap and the split-half draws (default 1). */
  seed?: number;
  /** Random splits of the split-half delta (default 200). */
  splits?: number;
  /** Most layers a shallow model has (default 40, the original's cut). */
  shallowMaxLayers?: number;
  /** Model metadata overriding lib's Qwen3 table (a sweep folder's `models.json`). */
  modelOverrides?: Readonly<Record<string, Partial<ModelInfo>>>;
}

/** Everything the tables, figures and reports of the pipeline are built from. */
export interface Results {
  sweep: Sweep;
  /** The original notebook's statistics. */
  analysis: Analysis;
  /** One record per pair with data at its best layer. */
  robustness: RobustnessRecord[];
  /** Paired model-vs-model contrasts per concept, on the same held-out prompts. */
  contrasts: ModelContrast[];
  /** What is known of each model (architecture, training, parameters, layers). */
  models: ModelInfo[];
  /** Each model's group by training, architecture and depth: the one grouping of every output. */
  attributes: ModelAttributes;
  /** The options the run used, defaults filled in. */
  options: Required<Pick<ResultsOptions, "resamples" | "seed">>;
}

/** A step's timing, reported as the run goes. */
export type OnStep = (step: "statistics" | "robustness", ms: number) => void;

/** Run analyses computed beforehand (by the loading workers), with the options they used. */
export interface Precomputed {
  /** The analysis of each of `sweep.runs` (same order); undefined where not computed. */
  analyses: readonly (RunAnalysis | undefined)[];
  /** The options they were computed with; none when none was computed. */
  robustness?: RobustnessOptions;
}

/** The robustness options of a run, defaults filled in as the records use them. */
function robustnessOptions(options: ResultsOptions): Required<RobustnessOptions> {
  return {
    resamples: options.resamples ?? 2000,
    seed: options.seed ?? 1,
    splits: options.splits ?? 200,
  };
}

/**
 * Each run's analysis: the precomputed one when it was computed with the same options, else
 * computed here (in the same way: `analyseRun`).
 */
function runAnalyses(
  sweep: Sweep,
  options: Required<RobustnessOptions>,
  precomputed?: Precomputed,
): RunAnalysis[] {
  const given = precomputed?.robustness;
  if (given && !sameOptions(robustnessOptions(given), options)) {
    throw new Error("run analyses computed with other robustness options than the results'");
  }
  const analyses = given ? precomputed!.analyses : [];
  return sweep.runs.map((run, i) => analyses[i] ?? analyseRun(run, options));
}

function sameOptions(a: Required<RobustnessOptions>, b: Required<RobustnessOptions>): boolean {
  return a.resamples === b.resamples && a.seed === b.seed && a.splits === b.splits;
}

/**
 * Runs the analysis of a loaded sweep: the statistics step, then the robustness step (the
 * costly one, with its resamples and seed stated here, never defaulted behind the caller's
 * back: the records and the paired model contrasts), then the model table and groups. The
 * per-run part of the robustness step (each run's record: `run_analysis.ts`) is taken from
 * `precomputed` when given (the loading workers computed it, with the same options: else an
 * error), and computed here for any run it lacks.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep");
 * const results = computeResults(sweep, { resamples: 20, seed: 1 });
 * assert.equal(results.robustness.length, 12); // one record per pair
 * ```
 */
export function computeResults(
  sweep: Sweep,
  options: ResultsOptions = {},
  onStep: OnStep = () => {},
  precomputed?: Precomputed,
): Results {
  const robustness = robustnessOptions(options);
  const { resamples, seed } = robustness;
  let t0 = performance.now();
  const analysis = analyse(sweep, { shallowMaxLayers: options.shallowMaxLayers });
  onStep("statistics", performance.now() - t0);
  t0 = performance.now();
  const analyses = runAnalyses(sweep, robustness, precomputed);
  const records = recordsOf(sweep, analyses);
  const contrasts = contrastsOfRuns(sweep, analyses, seed);
  onStep("robustness", performance.now() - t0);
  const models = modelTable(sweep.models, sweep.layerCounts, options.modelOverrides);
  return {
    sweep,
    analysis,
    robustness: records,
    contrasts,
    models,
    attributes: modelAttributes(models, analysis.groups),
    options: { resamples, seed },
  };
}

/**
 * {@link computeResults} with the model overrides read from the sweep folder's `models.json`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * const results = await resultsOf(await loadSweep("results/logit_diff_sweep"), { resamples: 20 });
 * assert.deepEqual(results.models.map((m) => m.label), ["4B", "8B", "14B", "32B"]); // sweep order
 * ```
 */
export async function resultsOf(
  sweep: Sweep,
  options: Omit<ResultsOptions, "modelOverrides"> = {},
  onStep?: OnStep,
  precomputed?: Precomputed,
): Promise<Results> {
  const modelOverrides = await readModelOverrides(sweep.dir);
  return computeResults(sweep, { ...options, modelOverrides }, onStep, precomputed);
}
