/**
 * The loading worker's entry: each message is a run to load (`run_job.ts`); the answer carries the
 * run (its columns transferred) and its analysis, or the error it threw as data.
 * @module
 */
import { type RunJob, runJob, type RunJobResult } from "./run_job.ts";
import { errorData } from "./worker_errors.ts";
import type { PoolReply, PoolRequest } from "./worker_pool.ts";

/** The worker's side of `postMessage`, with its transfer list. */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<PoolRequest<RunJob>>) => void) | null;
  postMessage(message: PoolReply<RunJobResult>, options?: { transfer: ArrayBuffer[] }): void;
};

scope.onmessage = async ({ data: { index, input } }) => {
  try {
    const { result, transfer } = await runJob(input);
    scope.postMessage({ index, ok: true, value: result }, { transfer });
  } catch (error) {
    scope.postMessage({ index, ok: false, error: errorData(error) });
  }
};
