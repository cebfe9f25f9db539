/**
 * The loading worker's entry: each message is a run to read (its {@link RunTask}); the answer
 * carries the run (its columns transferred, `run_transfer.ts`), or the error it threw as data.
 * @module
 */
import { readRun, type RunTask } from "./run_read.ts";
import { type PackedRun, packRun } from "./run_transfer.ts";
import { errorData } from "./worker_errors.ts";
import type { PoolReply, PoolRequest } from "./worker_pool.ts";

/** The worker's side of `postMessage`, with its transfer list. */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<PoolRequest<RunTask>>) => void) | null;
  postMessage(message: PoolReply<PackedRun>, options?: { transfer: ArrayBuffer[] }): void;
};

scope.onmessage = async ({ data: { index, input } }) => {
  try {
    const { message, transfer } = packRun(await readRun(input));
    scope.postMessage({ index, ok: true, value: message }, { transfer });
  } catch (error) {
    scope.postMessage({ index, ok: false, error: errorData(error) });
  }
};
