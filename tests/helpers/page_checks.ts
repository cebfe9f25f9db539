/**
 * What a browser shows of a notebook page: its images (decoded or broken) and its tables (width,
 * cells whose text wraps), measured inside the page.
 * @module
 */
import type { Page } from "./chromium.ts";

/** The measurements of {@link inspectOutputs}. */
export interface PageOutputs {
  /** Every image of the outputs: natural width (0 when broken), drawn width, output area width. */
  images: { naturalWidth: number; shownWidth: number; areaWidth: number; alt: string }[];
  /** Every table: drawn width and the texts of cells drawn on more than one line. */
  tables: { width: number; wrapped: string[] }[];
  /** Texts of visible modal dialogs. */
  dialogs: string[];
}

/** Page script: waits for every image to decode, then measures images, tables and dialogs. */
const SCRIPT = `(async (areas) => {
  const within = (tag) => areas.split(",").map((area) => area.trim() + " " + tag).join(", ");
  const images = [...document.querySelectorAll(within("img"))];
  await Promise.all(images.map((img) => img.decode().catch(() => null)));
  const lines = (cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  };
  return {
    images: images.map((img) => ({
      naturalWidth: img.naturalWidth,
      shownWidth: img.getBoundingClientRect().width,
      areaWidth: img.closest(areas).getBoundingClientRect().width,
      alt: img.alt,
    })),
    tables: [...document.querySelectorAll(within("table"))].map((table) => ({
      width: table.getBoundingClientRect().width,
      wrapped: [...table.querySelectorAll("td, th")].filter((c) => lines(c) > 1)
        .map((c) => c.textContent),
    })),
    dialogs: [...document.querySelectorAll(".modal")]
      .filter((m) => m.offsetParent !== null || getComputedStyle(m).display !== "none")
      .map((m) => m.textContent.trim().replace(/\\s+/g, " ")),
  };
})`;

/**
 * Measures the images and tables under `selector` (the output areas, a comma-separated list)
 * in a loaded page.
 *
 * @example
 * ```ts
 * const { images } = await inspectOutputs(page, ".output_area");
 * images.every((i) => i.naturalWidth > 0); // no broken image
 * ```
 */
export async function inspectOutputs(page: Page, selector: string): Promise<PageOutputs> {
  return await page.evaluate<PageOutputs>(`${SCRIPT}(${JSON.stringify(selector)})`);
}

/**
 * Polls a page expression until it is truthy (or throws after `seconds`).
 *
 * @example
 * ```ts
 * await waitFor(page, "window.Jupyter?.notebook?._fully_loaded", 30);
 * ```
 */
export async function waitFor(page: Page, expression: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await page.evaluate<boolean>(`Boolean(${expression})`))) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${seconds} s waiting for ${expression}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
