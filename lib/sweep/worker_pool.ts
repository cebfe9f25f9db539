/**
 * A pool of module workers (Deno Web Workers, which inherit the process's permissions) that
 * handles a list of inputs, one message each, and gives the outputs in input order: the result
 * is the same whatever the number of workers and whichever finishes first. An error is that of
 * the first input in order that failed (thrown again here as the same kind of error), once every
 * input before it has succeeded; the inputs after it are not started.
 * @module
 */
import { type ErrorData, reviveError } from "./worker_errors.ts";

/** What the pool sends a worker: an input and its place in the list. */
export interface PoolRequest<I> {
  index: number;
  input: I;
}

/** What a worker answers: the output of the input at `index`, or the error it threw. */
export type PoolReply<O> =
  | { index: number; ok: true; value: O }
  | { index: number; ok: false; error: ErrorData };

/**
 * Runs each input on one of `count` workers of the module at `url` (which answers each
 * {@link PoolRequest} with one {@link PoolReply}); resolves to the outputs in input order, or
 * rejects with the error of the first input (in order) that failed. `order` is the order the
 * inputs are handed out in (default: as given; the largest first keeps the workers evenly busy
 * to the end); it changes no output and no error.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const url = new URL("data:application/javascript," + encodeURIComponent(
 *   "self.onmessage = (e) => self.postMessage({ index: e.data.index, ok: true, value: e.data.input * 2 });",
 * ));
 * assert.deepEqual(await runInWorkers<number, number>(url, [1, 2, 3], 2), [2, 4, 6]);
 * ```
 */
export function runInWorkers<I, O>(
  url: URL,
  inputs: readonly I[],
  count: number,
  order: readonly number[] = inputs.map((_, i) => i),
): Promise<O[]> {
  if (inputs.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const outputs = new Array<O>(inputs.length);
    const done = new Uint8Array(inputs.length);
    const workers: Worker[] = [];
    let next = 0, firstDone = 0, failed = inputs.length, failure: Error | undefined;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) worker.terminate();
      if (error) reject(error);
      else resolve(outputs);
    };
    const feed = (worker: Worker) => {
      while (next < order.length && order[next] > failed) next++; // not needed: a failure before
      if (next >= order.length) return;
      const index = order[next++];
      const request: PoolRequest<I> = { index, input: inputs[index] };
      worker.postMessage(request);
    };
    const onReply = (worker: Worker, reply: PoolReply<O>) => {
      if (reply.ok) {
        outputs[reply.index] = reply.value;
        done[reply.index] = 1;
      } else if (reply.index < failed) {
        failed = reply.index;
        failure = reviveError(reply.error);
      }
      while (firstDone < inputs.length && done[firstDone] === 1) firstDone++;
      // Every input before the first failure (or every input) is done: settle.
      if (firstDone === failed) return settle(failure);
      feed(worker);
    };
    for (let w = 0; w < Math.max(1, Math.min(count, inputs.length)); w++) {
      const worker = new Worker(url, { type: "module" });
      worker.onmessage = (event: MessageEvent<PoolReply<O>>) => onReply(worker, event.data);
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        settle(new Error(`a worker failed: ${event.message}`));
      };
      worker.onmessageerror = () => settle(new Error("a worker's message could not be read"));
      workers.push(worker);
      feed(worker);
    }
  });
}
