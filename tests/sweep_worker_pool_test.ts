/**
 * The worker pool: outputs in input order whatever finishes first; the error of the first
 * failing input in order, even when a later one fails sooner; a worker that dies is an error.
 */
import assert from "node:assert/strict";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { runInWorkers } from "../lib/sweep/worker_pool.ts";

/** A worker module from source: waits `input.wait` ms, then answers or fails. */
const worker = (source: string) =>
  new URL("data:application/javascript," + encodeURIComponent(source));

const SLOW = worker(`
self.onmessage = async ({ data: { index, input } }) => {
  await new Promise((r) => setTimeout(r, input.wait));
  if (input.fail) {
    self.postMessage({ index, ok: false, error: { kind: "data", name: "SweepDataError",
      message: input.fail, place: { file: input.fail } } });
  } else self.postMessage({ index, ok: true, value: input.value });
};`);

Deno.test("outputs come in input order whatever finishes first or is handed out first", async () => {
  const inputs = [80, 5, 40, 1, 20].map((wait, value) => ({ wait, value }));
  for (const count of [1, 2, 3, 8]) {
    assert.deepEqual(await runInWorkers(SLOW, inputs, count), [0, 1, 2, 3, 4]);
  }
  assert.deepEqual(await runInWorkers(SLOW, [], 2), []);
  assert.deepEqual(await runInWorkers(SLOW, inputs, 2, [4, 0, 2, 1, 3]), [0, 1, 2, 3, 4]);
});

Deno.test("the first failing input in order gives the error, even if a later one fails first", async () => {
  const inputs = [
    { wait: 10, value: 0 },
    { wait: 120, fail: "second" },
    { wait: 1, fail: "third" },
    { wait: 1, value: 3 },
  ];
  for (const count of [1, 2, 3]) {
    for (const order of [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1]]) {
      await assert.rejects(
        runInWorkers(SLOW, inputs, count, order),
        (e: Error) => e instanceof SweepDataError && e.message === "second",
      );
    }
  }
});

Deno.test("a worker that throws outside a message, or cannot load, is an error", async () => {
  await assert.rejects(
    runInWorkers(worker("throw new Error('boom');"), [1], 1),
    /a worker failed/,
  );
  await assert.rejects(
    runInWorkers(worker("self.onmessage = () => { throw new Error('late'); };"), [1, 2], 2),
    /a worker failed: .*late/,
  );
});
