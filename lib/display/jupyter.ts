/**
 * Showing tables and figures in a notebook on the Deno kernel (and as text elsewhere).
 *
 * Figures go out as PNG, not SVG: Jupyter Notebook and JupyterLab do not render an untrusted
 * notebook's `image/svg+xml` (every freshly cloned notebook is untrusted), and Debian's nbconvert
 * 6.5 empties inline SVG in its HTML export; a PNG shows everywhere, code hosts included.
 * @module
 */
import { Buffer } from "node:buffer";
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
  broadcast(type: string, content: Record<string, unknown>): Promise<void>;
}

/**
 * Shows a MIME bundle: in the Deno kernel as a display output (with `metadata`), elsewhere as
 * its text.
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
  if (jupyter) {
    await jupyter.broadcast("display_data", { data: bundle, metadata, transient: {} });
  } else console.log(bundle["text/plain"] ?? "");
}

/** `Deno.jupyter` inside the Deno kernel; undefined elsewhere (where reading it throws). */
function jupyterApi(): JupyterApi | undefined {
  try {
    return (Deno as unknown as { jupyter?: JupyterApi }).jupyter;
  } catch {
    return undefined;
  }
}
