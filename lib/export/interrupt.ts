/**
 * Ctrl-C (SIGINT) and SIGTERM during the write phase: instead of dying mid-swap, the write stops
 * at a following step and rolls back, so the folder keeps its previous outputs. A signal reaches
 * its listener on a turn of the event loop, which each step gives it; one that comes near the end
 * of the swap (milliseconds of renames) may be seen only once the swap is complete: the folder
 * then holds the new outputs, and the exit code still says the run was interrupted (130).
 * @module
 */
import type { Checkpoint } from "./atomic.ts";
import { OutputError } from "./output_error.ts";

/** A guard installed for the write phase. */
export interface InterruptGuard {
  /** Throws at the next step once a signal arrived. */
  checkpoint: Checkpoint;
  /** Whether a signal arrived. */
  interrupted(): boolean;
  /** Removes the signal listeners (Ctrl-C kills the process again). */
  dispose(): void;
}

const SIGNALS: Deno.Signal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];

/**
 * Listens for SIGINT/SIGTERM until disposed. Install it just before writing: while it is on, a
 * signal no longer ends the process by itself.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { writeOutputsAtomic } from "./atomic.ts";
 * const out = await Deno.makeTempDir();
 * const guard = guardInterrupts(out);
 * try {
 *   const files = [{ name: "a.csv", content: "x\n1\n" }];
 *   await writeOutputsAtomic(out, files, { checkpoint: guard.checkpoint });
 *   assert.equal(guard.interrupted(), false); // no Ctrl-C arrived
 * } finally {
 *   guard.dispose();
 *   await Deno.remove(out, { recursive: true });
 * }
 * ```
 */
export function guardInterrupts(dir: string): InterruptGuard {
  let signalled = false;
  const onSignal = () => {
    signalled = true;
  };
  for (const signal of SIGNALS) Deno.addSignalListener(signal, onSignal);
  return {
    checkpoint: () => {
      if (signalled) {
        throw new OutputError(dir, "interrupted; the output folder keeps its previous outputs");
      }
    },
    interrupted: () => signalled,
    dispose: () => {
      for (const signal of SIGNALS) Deno.removeSignalListener(signal, onSignal);
    },
  };
}
