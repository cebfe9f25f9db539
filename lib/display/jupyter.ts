/**
 * Showing tables and figures in a notebook on the Deno kernel (and as text elsewhere).
 *
 * Figures go out as PNG, not SVG: Jupyter Notebook and JupyterLab do not render an untrusted
 * notebook's `image/svg+xml` (every freshly cloned notebook is untrusted), and Debian's nbconvert
 * 6.5 empties inline SVG in its HTML export; a PNG shows everywhere, code hosts included.
 *
 * Outputs land under the cell that made them (issue 18). Deno's kernel (2.9) publishes what a
 * cell shows and prints from a queue, after the cell's code has moved on, stamped with the
 * request current when each message leaves, and it sends the cell's `execute_reply` and `idle`
 * without waiting for that queue: under load a table, a figure or printed lines left after the
 * next cell's request had replaced the current one, and every client filed them under the next
 * cell. So here, in the kernel, {@link display} returns once its output has been published, and
 * importing this module makes every later cell of the kernel end only once what it showed or
 * printed has been published ({@link guardCellEnds}): both watch the kernel's own iopub socket
 * (see `iopub_watch.ts`). Outside the kernel nothing of this runs.
 * @module
 */
import { Buffer } from "node:buffer";
import { IopubWatch, markerContent, ownIopubAddress } from "./iopub_watch.ts";
import type { MimeBundle } from "./table.ts";

/** A display output: the MIME bundle and, per type, its metadata (an image's display size). */
export interface DisplayData {
  data: MimeBundle;
  metadata: Record<string, Record<string, number>>;
}

/**
 * A PNG image as a display output: the image, shown at `size` CSS pixels, with `title` as its
 * text alternative.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const png = Uint8Array.from([137, 80, 78, 71]);
 * const { data, metadata } = pngDisplay(png, { width: 860, height: 520 }, "Delta");
 * assert.equal(data["text/plain"], "[figure: Delta]"); // the title as text
 * assert.equal(data["image/png"], "iVBORw=="); // base64
 * assert.deepEqual(metadata["image/png"], { width: 860, height: 520 }); // shown at its CSS size
 * ```
 */
export function pngDisplay(
  png: Uint8Array,
  size: { width: number; height: number },
  title: string,
): DisplayData {
  return {
    data: { "image/png": Buffer.from(png).toString("base64"), "text/plain": `[figure: ${title}]` },
    metadata: { "image/png": size },
  };
}

interface JupyterApi {
  broadcast(type: string, content: Record<string, unknown>): void | Promise<void>;
}

/**
 * Shows a MIME bundle: in the Deno kernel as a display output (with `metadata`), elsewhere as
 * its text. In the kernel it returns once the output has been published to every client (see
 * {@link outputsPublished}), so it lands under the cell that showed it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tableBundle } from "./table.ts";
 * const printed: unknown[] = [];
 * const log = console.log;
 * console.log = (text: unknown) => printed.push(text); // outside a notebook, display prints
 * try {
 *   await display(tableBundle([{ model: "4B", delta: 14.0114 }]));
 * } finally {
 *   console.log = log;
 * }
 * assert.deepEqual(printed, ["model   delta\n   4B  14.011"]);
 * ```
 */
export async function display(
  bundle: MimeBundle,
  metadata: DisplayData["metadata"] = {},
): Promise<void> {
  const jupyter = jupyterApi();
  if (!jupyter) return void console.log(bundle["text/plain"] ?? "");
  const watch = await iopubWatch();
  const show = (transient: Record<string, string>) =>
    jupyter.broadcast("display_data", { data: bundle, metadata, transient });
  if (watch?.confirmed) {
    // Wait for the display itself, named by a display id of its own (clients only keep it to
    // update the output later; notebook files do not store it): no marker needed.
    await published(watch, (id) => show({ display_id: id }));
  } else {
    await show({});
    // Without a watch the wait is timed: once at the cell's end is enough where it is guarded.
    if (watch || !cellEndsGuarded()) await outputsPublished();
  }
}

/** How long {@link outputsPublished} waits for its marker at most before giving up. */
const PUBLISH_TIMEOUT_MS = 30_000;
/**
 * What {@link outputsPublished} waits where it cannot watch the kernel's iopub socket (no
 * connection file on the command line, as on Windows). A timed wait is no guarantee: at each
 * cell's end, 5 ms already held in 20 runs of a 24-cell notebook with 4 busy processes on 2
 * cores (tests/helpers/late_output_repro.ts, `--mode hook:5`); this is ten times that.
 */
export const FALLBACK_WAIT_MS = 50;

/** What one kernel process keeps across re-imports of this module. */
interface KernelState {
  /** The iopub subscription, opened on first use (undefined: it cannot be opened). */
  watch?: Promise<IopubWatch | undefined>;
}

const STATE = Symbol.for("steering-sweep.jupyter-outputs");

function kernelState(): KernelState {
  const holder = globalThis as { [STATE]?: KernelState };
  return holder[STATE] ??= {};
}

/** The open iopub subscription of this kernel, reopened after it ended; undefined if none. */
async function iopubWatch(state = kernelState()): Promise<IopubWatch | undefined> {
  const current = await state.watch;
  if (current && !current.closed) return current;
  if (state.watch && !current) return undefined; // tried and failed: the kernel tells no port
  state.watch = (async () => {
    const address = await ownIopubAddress();
    if (!address) return undefined;
    try {
      return await IopubWatch.open(address);
    } catch {
      return undefined;
    }
  })();
  return await state.watch;
}

/**
 * Resolves once everything the running cell has shown or printed so far (displays, tables,
 * figures, `console.log` lines) has been published by the kernel to every client, so it lands
 * under this cell whatever the client and the machine's load; resolves true then. Outside the
 * Deno kernel there is nothing to wait for: it resolves true at once.
 *
 * How: the Deno kernel (2.9) publishes a cell's outputs from a first-in-first-out queue, after
 * the cell's code has moved on. This sends a marker through the same queue (an
 * `update_display_data` for a display id no output has, which every client ignores) and
 * waits until the kernel publishes it, watched on the kernel's own iopub socket. Where that
 * socket cannot be found it waits {@link FALLBACK_WAIT_MS} instead and resolves false (as it
 * does if the marker has not come back after 30 s).
 *
 * Every cell of a kernel that has imported this module waits so at its end already (see
 * {@link guardCellEnds}); call it in a cell only to have outputs out before a long computation.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // in a notebook: once what the cell showed and printed so far is out; elsewhere at once
 * assert.equal(await outputsPublished(), true);
 * ```
 */
export async function outputsPublished(): Promise<boolean> {
  const jupyter = jupyterApi();
  if (!jupyter) return true;
  const watch = await iopubWatch();
  if (!watch) {
    await new Promise((resolve) => setTimeout(resolve, FALLBACK_WAIT_MS));
    return false;
  }
  return await markerSeen(watch, jupyter);
}

/** A display id no output has, for a marker or a display to be recognized by. */
const newId = () => `steering-sweep-published-${crypto.randomUUID()}`;

/**
 * Sends a marker through the kernel's queue and waits until it comes back on `watch` (true), or
 * until {@link PUBLISH_TIMEOUT_MS} passes or the subscription ends (false); each marker was
 * queued after everything the cell had queued before the call. Until the subscription is
 * confirmed, a marker may be published before the kernel has added the subscriber, so another
 * is sent after a growing pause; seeing any of them suffices.
 */
function markerSeen(watch: IopubWatch, jupyter: JupyterApi): Promise<boolean> {
  const marker = (id: string) => jupyter.broadcast("update_display_data", markerContent(id));
  return published(watch, marker, !watch.confirmed);
}

/**
 * Sends a message with `send(id)` and waits until `watch` sees a display or marker with that
 * display id (true), or {@link PUBLISH_TIMEOUT_MS} passes or the subscription ends (false).
 * With `resend`, sends again with a new id after 50 ms, 100 ms, ... (at most 1 s apart) and
 * resolves on the first seen.
 */
async function published(
  watch: IopubWatch,
  send: (id: string) => void | Promise<void>,
  resend = false,
): Promise<boolean> {
  const stop = new AbortController();
  let retry: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  try {
    return await new Promise<boolean>((resolve, reject) => {
      deadline = setTimeout(() => resolve(false), PUBLISH_TIMEOUT_MS);
      const sendOne = (pause: number) => {
        const id = newId();
        watch.seen(id, stop.signal).then((seen) => {
          if (seen) resolve(true);
          else if (watch.closed) resolve(false);
        });
        try {
          Promise.resolve(send(id)).catch(reject);
        } catch (error) {
          reject(error);
        }
        if (resend) retry = setTimeout(() => sendOne(Math.min(2 * pause, 1000)), pause);
      };
      sendOne(50);
    });
  } finally {
    clearTimeout(retry);
    clearTimeout(deadline);
    stop.abort();
  }
}

/** The kernel's internal Jupyter functions (`Deno[Deno.internal].jupyter`, Deno 2.9). */
export interface KernelInternals {
  /** Publishes a cell's result; the kernel awaits it before the cell's `execute_reply`. */
  broadcastResult?: (executionCount: number, result: unknown) => Promise<void>;
}

const GUARDED = Symbol.for("steering-sweep.cell-end-guard");

/** Whether the cells of this kernel end by waiting for their outputs ({@link guardCellEnds}). */
function cellEndsGuarded(): boolean {
  const result = kernelInternals()?.broadcastResult as { [GUARDED]?: true } | undefined;
  return result?.[GUARDED] === true;
}

/** `Deno[Deno.internal].jupyter` inside the Deno kernel; undefined elsewhere. */
function kernelInternals(): KernelInternals | undefined {
  try {
    const deno = Deno as unknown as { internal?: symbol } & Record<symbol, unknown>;
    const internal = deno.internal === undefined ? undefined : deno[deno.internal];
    return (internal as { jupyter?: KernelInternals } | undefined)?.jupyter;
  } catch {
    return undefined;
  }
}

/**
 * Makes every cell of this kernel end only once what it showed or printed has been published
 * (see {@link outputsPublished}), `console.log` lines after the last display and the cell's
 * result included, so that nothing a cell outputs can arrive after its `idle` and be filed
 * under the next cell. Importing this module does it once per kernel; outside the Deno kernel
 * it does nothing and returns false.
 *
 * How: after each cell that did not throw, Deno's kernel (2.9, `handleExecute` in
 * `cli/js/jupyter_kernel.js`) awaits `Deno[Deno.internal].jupyter.broadcastResult` before
 * sending `execute_reply` and `idle`. This wraps that function so that it then waits for
 * `wait` (by default {@link outputsPublished}). A cell that throws is not covered: its earlier
 * displays are (each waits, where the iopub socket is watched), its printed lines after the last
 * display may still be late.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const calls: string[] = [];
 * const internals: KernelInternals = {
 *   broadcastResult: async () => void calls.push("result queued"),
 * };
 * assert.equal(guardCellEnds(internals, async () => (calls.push("published"), true)), true);
 * assert.equal(guardCellEnds(internals), true); // once: a second import changes nothing
 * await internals.broadcastResult?.(1, 42);
 * assert.deepEqual(calls, ["result queued", "published"]);
 * assert.equal(guardCellEnds(), false); // outside the kernel
 * ```
 */
export function guardCellEnds(
  internals: KernelInternals | undefined = jupyterApi() && kernelInternals(),
  wait: () => Promise<boolean> = outputsPublished,
): boolean {
  const original = internals?.broadcastResult;
  if (!internals || typeof original !== "function") return false;
  if ((original as { [GUARDED]?: true })[GUARDED]) return true;
  const guarded = async (executionCount: number, result: unknown) => {
    try {
      await original(executionCount, result);
    } finally {
      try {
        await wait();
      } catch { /* never fail the cell for the wait */ }
    }
  };
  internals.broadcastResult = Object.assign(guarded, { [GUARDED]: true as const });
  return true;
}

/** `Deno.jupyter` inside the Deno kernel; undefined elsewhere (where reading it throws). */
function jupyterApi(): JupyterApi | undefined {
  try {
    return (Deno as unknown as { jupyter?: JupyterApi }).jupyter;
  } catch {
    return undefined;
  }
}

guardCellEnds();
