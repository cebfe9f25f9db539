/**
 * Showing tables and figures in a notebook on the Deno kernel (and as text elsewhere).
 * @module
 */
import { standaloneSvg } from "../export/svg.ts";
import type { MimeBundle } from "./table.ts";

/**
 * A figure as a MIME bundle: the standalone SVG (title, subtitle and legends included) and its
 * title as text.
 *
 * @example
 * ```ts
 * Object.keys(figureBundle(figure)); // ["image/svg+xml", "text/plain"]
 * ```
 */
export function figureBundle(figure: Element): MimeBundle {
  const title = figure.querySelector?.("h2")?.textContent ?? "figure";
  return { "image/svg+xml": standaloneSvg(figure), "text/plain": `[figure: ${title}]` };
}

interface JupyterApi {
  display(value: unknown, options?: { raw?: boolean }): Promise<void>;
}

/**
 * Shows a MIME bundle: in the Deno kernel as a display output, elsewhere as its text.
 *
 * @example
 * ```ts
 * await display(tableBundle(rows));
 * ```
 */
export async function display(bundle: MimeBundle): Promise<void> {
  const jupyter = jupyterApi();
  if (jupyter) await jupyter.display(bundle, { raw: true });
  else console.log(bundle["text/plain"] ?? "");
}

/** `Deno.jupyter` inside the Deno kernel; undefined elsewhere (where reading it throws). */
function jupyterApi(): JupyterApi | undefined {
  try {
    return (Deno as unknown as { jupyter?: JupyterApi }).jupyter;
  } catch {
    return undefined;
  }
}
