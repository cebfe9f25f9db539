/**
 * The robustness worker's entry: each message is one run with the options of its analysis
 * (`run_analysis.ts`); the answer is the run's analysis, or the error it threw as data.
 * @module
 */
import type { SweepRun } from "../sweep/types.ts";
import { errorData } from "../sweep/worker_errors.ts";
import type { PoolReply, PoolRequest } from "../sweep/worker_pool.ts";
import type { RecordOptions } from "./robustness.ts";
import { analyseRun, type RunAnalysis } from "./run_analysis.ts";

/** What a robustness worker is given: a run and the options of its analysis. */
export interface RunJob {
  run: SweepRun;
  options: RecordOptions;
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<PoolRequest<RunJob>>) => void) | null;
  postMessage(message: PoolReply<RunAnalysis>): void;
};

scope.onmessage = ({ data: { index, input } }) => {
  try {
    scope.postMessage({ index, ok: true, value: analyseRun(input.run, input.options) });
  } catch (error) {
    scope.postMessage({ index, ok: false, error: errorData(error) });
  }
};
