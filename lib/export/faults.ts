/**
 * Fault injection for the write phase, so tests can prove the all-or-nothing guarantee at every
 * step: `SWEEP_WRITE_FAULT=fail:K` fails step K like a full disk, `kill:K` kills the process
 * there (SIGKILL), `sigint:K` sends it Ctrl-C, `list` prints every step.
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
 * const checkpoint = faultCheckpoint(Deno.env.get("SWEEP_WRITE_FAULT"));
 * await writeOutputsAtomic("out", files, { checkpoint });
 * ```
 */
export function faultCheckpoint(spec: string | undefined): Checkpoint | undefined {
  if (!spec) return undefined;
  if (spec === "list") return (step, label) => console.error(`write step ${step}: ${label}`);
  const match = /^(fail|kill|sigint):(\d+)$/.exec(spec);
  if (!match) {
    throw new OutputError("SWEEP_WRITE_FAULT", `"${spec}" is not list, fail:K, kill:K or sigint:K`);
  }
  const [, kind, at] = match;
  return async (step, label) => {
    if (step !== Number(at)) return;
    if (kind === "fail") throw new OutputError(label, "injected failure (SWEEP_WRITE_FAULT)");
    signalSelf(kind === "kill" ? "SIGKILL" : "SIGINT");
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the signal arrive
  };
}

/**
 * One checkpoint that runs several in order (undefined ones skipped).
 *
 * @example
 * ```ts
 * const both = chainCheckpoints(faultCheckpoint("list"), (step) => console.log(step));
 * ```
 */
export function chainCheckpoints(...checkpoints: (Checkpoint | undefined)[]): Checkpoint {
  return async (step, label) => {
    for (const checkpoint of checkpoints) await checkpoint?.(step, label);
  };
}
