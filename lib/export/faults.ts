/**
 * Fault injection for the write phase, so tests can prove the all-or-nothing guarantee at every
 * step: `SWEEP_WRITE_FAULT=fail:K` fails step K like a full disk, `kill:K` kills the process
 * there (SIGKILL), `sigint:K` sends it Ctrl-C and waits for it to arrive, `sigint-now:K` sends
 * it and goes on at once (as a Ctrl-C in the middle of a step), `list` prints every step.
 * @module
 */
import type { Checkpoint } from "./atomic.ts";
import { OutputError } from "./output_error.ts";

function signalSelf(signal: "SIGKILL" | "SIGINT"): void {
  if (Deno.permissions.querySync({ name: "run" }).state === "granted") Deno.kill(Deno.pid, signal);
  else if (signal === "SIGKILL") Deno.exit(137);
}

/**
 * The checkpoint a fault specification asks for, or undefined when there is none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { OutputError } from "./output_error.ts";
 * assert.equal(faultCheckpoint(undefined), undefined); // SWEEP_WRITE_FAULT unset: no fault
 * const checkpoint = faultCheckpoint("fail:2")!;
 * await checkpoint(1, "write a.csv"); // other steps pass
 * await assert.rejects(async () => await checkpoint(2, "write b.csv"), OutputError);
 * assert.throws(() => faultCheckpoint("boom"), /is not list, fail:K, kill:K, sigint:K or sigint-now:K/);
 * ```
 */
export function faultCheckpoint(spec: string | undefined): Checkpoint | undefined {
  if (!spec) return undefined;
  if (spec === "list") return (step, label) => console.error(`write step ${step}: ${label}`);
  const match = /^(fail|kill|sigint|sigint-now):(\d+)$/.exec(spec);
  if (!match) {
    throw new OutputError(
      "SWEEP_WRITE_FAULT",
      `"${spec}" is not list, fail:K, kill:K, sigint:K or sigint-now:K`,
    );
  }
  const [, kind, at] = match;
  return async (step, label) => {
    if (step !== Number(at)) return;
    if (kind === "fail") throw new OutputError(label, "injected failure (SWEEP_WRITE_FAULT)");
    signalSelf(kind === "kill" ? "SIGKILL" : "SIGINT");
    if (kind === "sigint-now") return;
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the signal arrive
  };
}

/**
 * One checkpoint that runs several in order (undefined ones skipped).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const seen: string[] = [];
 * const both = chainCheckpoints(undefined, (step) => {
 *   seen.push(`first ${step}`);
 * }, (step, label) => {
 *   seen.push(`second ${step} ${label}`);
 * });
 * await both(3, "rename");
 * assert.deepEqual(seen, ["first 3", "second 3 rename"]);
 * ```
 */
export function chainCheckpoints(...checkpoints: (Checkpoint | undefined)[]): Checkpoint {
  return async (step, label) => {
    for (const checkpoint of checkpoints) await checkpoint?.(step, label);
  };
}
