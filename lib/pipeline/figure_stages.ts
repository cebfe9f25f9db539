/**
 * Figures in two stages: the ones the partial results of a run suffice for (the statistics,
 * before the robustness step) are built and rasterizing while the rest is computed; the others
 * once the results are complete. Which figure needs what is found by building it: a figure that
 * reads a result not computed yet stops with {@link NotYetComputed} and waits for the second
 * stage, so no step has to declare what it reads.
 * @module
 */
import type { OutputFile } from "../export/atomic.ts";
import {
  type ExportedFigure,
  exportFigure,
  figureOutputs,
  type FigureTiming,
} from "../export/figures.ts";
import type { PngPool } from "../export/png_pool.ts";
import { createDocument } from "../figures/dom.ts";
import type { Results } from "./results.ts";
import type { FigureStep } from "./steps.ts";

/** Read from partial results: a result the run has not computed yet. */
export class NotYetComputed extends Error {
  constructor(readonly key: string) {
    super(`results.${key} is not computed yet`);
  }
}

/**
 * Partial results that throw {@link NotYetComputed} when a missing result is read.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const partial = partialResults({ options: { resamples: 10, seed: 1 } });
 * assert.equal(partial.options.seed, 1);
 * assert.throws(() => partial.robustness, NotYetComputed);
 * ```
 */
export function partialResults(partial: Partial<Results>): Results {
  return new Proxy(partial as Results, {
    get(target, key, receiver) {
      if (typeof key === "string" && !(key in target)) throw new NotYetComputed(key);
      return Reflect.get(target, key, receiver);
    },
  });
}

/** Figures built in two stages (see the module's documentation). */
export interface FigureStages {
  /**
   * Builds (and starts rasterizing) every figure that `partial` suffices for; resolves to the
   * names of the others, left for {@link FigureStages.finish}.
   */
  start(partial: Partial<Results>): Promise<string[]>;
  /**
   * Builds the figures not built yet (after the first stage, if one was started); every figure's
   * files, in the order of the description.
   */
  finish(results: Results): Promise<OutputFile[]>;
}

/**
 * Lets the events waiting run: the PNG workers' answers, so a free worker gets the next SVG. A
 * timer, as Deno delivers a worker's messages from other ports when it waits on one (not on
 * `setImmediate` or a message to itself).
 */
const pending = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The two stages of building figure steps, rasterized by `pool`. Between two figures the
 * thread answers its events, so the PNG workers are handed each SVG as soon as one is free.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * import { pngPool } from "../export/png_pool.ts";
 * import { PIPELINE } from "./description.ts";
 * import { figureSteps } from "./files.ts";
 * import { computeResults } from "./results.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B"], concepts: ["corrigible"] });
 * const { robustness: _, contrasts: __, ...partial } = computeResults(sweep, { resamples: 20 });
 * using pool = pngPool();
 * const stages = figureStages(figureSteps(PIPELINE), pool);
 * assert.deepEqual(await stages.start(partial), ["effect_size_intervals"]); // from the robustness
 * const files = await stages.finish(computeResults(sweep, { resamples: 20 }));
 * assert.equal(files[0].name, "layer_delta_curves.svg"); // files in the description's order
 * ```
 */
export function figureStages(
  steps: readonly FigureStep[],
  pool: PngPool,
  onFigure?: (timing: FigureTiming) => void,
): FigureStages {
  const exported = new Map<FigureStep, ExportedFigure>();
  let document: Document | undefined;
  const build = (step: FigureStep, results: Results) => {
    const spec = { name: step.name, build: (d: Document) => step.build(results, d) };
    exported.set(step, exportFigure(spec, document ??= createDocument(), pool, onFigure));
  };
  let started: Promise<unknown> = Promise.resolve();
  return {
    start(partial) {
      const results = partialResults(partial);
      const waiting = (async () => {
        const names: string[] = [];
        for (const step of steps) {
          await pending();
          try {
            build(step, results);
          } catch (error) {
            if (!(error instanceof NotYetComputed)) throw error;
            names.push(step.name);
          }
        }
        return names;
      })();
      started = waiting.catch(() => {}); // finish() rebuilds what failed, and reports it
      return waiting;
    },
    async finish(results) {
      await started;
      for (const step of steps) {
        if (exported.has(step)) continue;
        await pending();
        build(step, results);
      }
      return figureOutputs(steps.map((step) => exported.get(step)!));
    },
  };
}
