/**
 * Files an interactive notebook run writes in the background: a figure's saved PNG (2x) is drawn
 * and written while the notebook goes on, so a cell ends once its figure is shown. A save that
 * failed is reported by the next save or show of any cell (its message names the file), and
 * {@link settleSaves} waits for every save: `deno task notebook` calls it after the last cell
 * (through the global `Symbol.for("steering-sweep.settle-saves")`), so a headless run ends with
 * every file written, or fails naming the one that was not.
 * @module
 */

interface Saves {
  pending: Set<Promise<void>>;
  failures: Error[];
}

const KEY = Symbol.for("steering-sweep.saves");
const SETTLE = Symbol.for("steering-sweep.settle-saves");

/** The saves of this process (kept on the global object: the kernel may import this twice). */
function saves(): Saves {
  const holder = globalThis as { [KEY]?: Saves; [SETTLE]?: () => Promise<void> };
  holder[SETTLE] ??= settleSaves;
  return holder[KEY] ??= { pending: new Set(), failures: [] };
}

/**
 * Runs `work` (writing the file `name`) without waiting for it; a failure is kept for
 * {@link throwFailedSave} and {@link settleSaves}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * let written = false;
 * inBackground("a.png", async () => void (written = true));
 * await settleSaves();
 * assert.equal(written, true);
 * ```
 */
export function inBackground(name: string, work: () => Promise<void>): void {
  const state = saves();
  const done: Promise<void> = work().catch((error) => {
    const reason = error instanceof Error ? error.message : String(error);
    state.failures.push(new Error(`saving ${name} failed: ${reason}`, { cause: error }));
  }).finally(() => state.pending.delete(done));
  state.pending.add(done);
}

/**
 * Throws the first background save that failed since the last report (and forgets it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * inBackground("b.png", () => Promise.reject(new Error("disk full")));
 * await new Promise((resolve) => setTimeout(resolve, 0));
 * assert.throws(() => throwFailedSave(), /saving b.png failed: disk full/);
 * throwFailedSave(); // reported once
 * ```
 */
export function throwFailedSave(): void {
  const failure = saves().failures.shift();
  if (failure) throw failure;
}

/**
 * Waits for every background save, then throws the first that failed, if any.
 *
 * @example
 * ```ts
 * await settleSaves(); // nothing pending: returns at once
 * ```
 */
export async function settleSaves(): Promise<void> {
  const state = saves();
  while (state.pending.size > 0) await Promise.all([...state.pending]);
  throwFailedSave();
}
