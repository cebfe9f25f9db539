/**
 * The output set of a render run: what the notebook's cells save (tables, JSON, figures), kept
 * in memory in the order saved, each figure's PNG rasterized on PNG workers while the notebook
 * goes on, then written all or none by the render task.
 * @module
 */
import type { OutputFile } from "../lib/export/atomic.ts";
import type { OutputContent, OutputSet } from "../lib/display/outputs.ts";
import type { PngPool } from "../lib/export/png_pool.ts";

/** Files collected from a notebook run, with the figure count. */
export interface CollectedOutputs extends OutputSet {
  /** Every file, contents complete (waits for the PNGs). */
  files(): Promise<OutputFile[]>;
  /** Figures saved so far. */
  figureCount(): number;
  /** Stops the PNG workers (if any were started). */
  close(): void;
}

/**
 * An output set collecting files in memory; PNGs are drawn by a pool of PNG workers started at
 * once (when figures are made).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const set = collectOutputs({ figures: false });
 * set.add("a.csv", "x\n1\n");
 * assert.throws(() => set.add("a.csv", ""), /saved twice/);
 * assert.deepEqual((await set.files()).map((f) => f.name), ["a.csv"]);
 * set.close();
 * ```
 */
export function collectOutputs(
  options: { figures: boolean; pool?: () => Promise<PngPool> },
): CollectedOutputs {
  const entries: { name: string; content: OutputContent }[] = [];
  const names = new Set<string>();
  const startPool = () =>
    options.pool?.() ?? import("../lib/export/png_pool.ts").then(({ pngPool }) => pngPool());
  // Started at once: the workers load resvg while the notebook loads its data.
  let pool: Promise<PngPool> | undefined = options.figures ? startPool() : undefined;
  let figures = 0;
  const add = (name: string, content: OutputContent) => {
    if (names.has(name)) {
      throw new Error(`${name} is saved twice in one run: give each table and figure its own name`);
    }
    names.add(name);
    if (content instanceof Promise) content.catch(() => {}); // awaited in files()
    entries.push({ name, content });
  };
  return {
    figures: options.figures,
    add,
    figure(name, svg) {
      figures++;
      pool ??= startPool();
      add(`${name}.svg`, svg);
      add(`${name}.png`, pool.then((p) => p.render(svg, 2)));
    },
    async files() {
      const files: OutputFile[] = [];
      for (const { name, content } of entries) files.push({ name, content: await content });
      return files;
    },
    figureCount: () => figures,
    close() {
      pool?.then((p) => p.close(), () => {});
    },
  };
}
