/**
 * The typed shape of a sweep: one run per model/concept pair, each with its layer summary,
 * its per-sample columns and its `summary.json`.
 * @module
 */
import type { Columns } from "./schema.ts";

/** Columns of `per_sample_all_layers.csv`, with the type each is read as. */
export const SAMPLE_SCHEMA = {
  model: "string",
  concept: "string",
  layer: "int",
  strength: "float",
  prompt_idx: "int",
  matching_answer: "string",
  logprob_A: "float",
  logprob_B: "float",
  logit_diff_AB: "float",
  logit_diff_matching: "float",
} as const;

/** Columns of `layer_summary.csv`. */
export const LAYER_SUMMARY_SCHEMA = {
  layer: "int",
  baseline_mean: "float",
  positive_mean: "float",
  negative_mean: "float",
  delta: "float",
} as const;

/** The per-sample columns a loaded run keeps: the ones the analysis reads. */
export const SAMPLE_COLUMNS = [
  "layer",
  "strength",
  "prompt_idx",
  "matching_answer",
  "logit_diff_matching",
] as const;

type SampleColumns = Columns<typeof SAMPLE_SCHEMA>;

/**
 * Per-sample rows of one run, column by column (typed arrays; model and concept are the run's).
 * The logprob and logit_diff_AB columns are checked when a run is loaded but not kept (nothing of
 * the analysis reads them; 24 bytes a row); samples made by hand may still carry them.
 */
export type Samples =
  & Pick<SampleColumns, (typeof SAMPLE_COLUMNS)[number] | "length">
  & Partial<Pick<SampleColumns, "logprob_A" | "logprob_B" | "logit_diff_AB">>;

/** One row of a layer summary, labelled with its run (the original's `summaries_df`). */
export interface LayerSummaryRow {
  model: string;
  concept: string;
  layer: number;
  baseline_mean: number;
  positive_mean: number;
  negative_mean: number;
  delta: number;
}

/** The contents of a run's `summary.json`. */
export interface RunInfo {
  model: string;
  concept: string;
  num_layers: number;
  layers_tested: number[];
  best_layer: number;
  best_delta: number;
  top_5_layers: number[];
}

/** One model/concept pair of a sweep. */
export interface SweepRun {
  model: string;
  concept: string;
  /** The run's folder (any name: the model is what its files say). */
  dir: string;
  /** `summary.json`, when the folder has one. */
  info?: RunInfo;
  /** `layer_summary.csv`, in file order. */
  layers: LayerSummaryRow[];
  /** `per_sample_all_layers.csv`, in file order. */
  samples: Samples;
}

/** A model/concept pair. */
export interface Pair {
  model: string;
  concept: string;
}

/** A loaded sweep folder. */
export interface Sweep {
  /** The sweep folder. */
  dir: string;
  /**
   * Model labels (each run's per-sample `model` column: `4B`, `Llama-3.1-8B`), in the order asked
   * for, else by size (`orderModels`: the last `<number>B` token of the label), then by label.
   */
  models: string[];
  /** Concepts, in the order asked for (alphabetical when discovered). */
  concepts: string[];
  /** Runs, concept by concept, models in order within each (the original's loading order). */
  runs: SweepRun[];
  /** Layer count per model (from `summary.json`'s `num_layers`, or an override). */
  layerCounts: Record<string, number>;
  /** Pairs of `models` x `concepts` with no data. */
  missing: Pair[];
  /**
   * One-line warnings (skipped pairs) and notes (folders and files not loaded, and why), then
   * data-quality notes, in the order found.
   */
  notes: string[];
}

/**
 * The run of one model/concept pair, or undefined when the pair has no data.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const run = { model: "4B", concept: "corrigible" } as SweepRun;
 * assert.equal(runOf({ runs: [run] }, "4B", "corrigible"), run);
 * assert.equal(runOf({ runs: [run] }, "8B", "corrigible"), undefined);
 * ```
 */
export function runOf(
  sweep: Pick<Sweep, "runs">,
  model: string,
  concept: string,
): SweepRun | undefined {
  return sweep.runs.find((r) => r.model === model && r.concept === concept);
}
