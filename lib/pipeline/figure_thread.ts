/**
 * The render task's figures on worker threads: started before the data is read, the figure
 * worker (`figure_worker.ts`) loads the figure libraries and the PNG workers load resvg while the
 * main thread loads and computes; given the results (optionally in two stages: see
 * `figure_stages.ts`), the figure worker builds every figure of the pipeline as SVG, each
 * rasterized by the PNG workers as soon as it is built. The main thread starts them all and links
 * the figure worker to the PNG workers by message ports (workers started by a worker got their
 * first messages hundreds of milliseconds late in Deno 2.9); it never evaluates Plot, linkedom or
 * resvg.
 * @module
 */
import type { OutputFile } from "../export/atomic.ts";
import type { FigureTiming } from "../export/figures.ts";
import { startPngWorkers } from "../export/png_pool.ts";
import type { Results } from "./results.ts";

/** What the main thread sends the figure worker: the PNG workers' ports, then the results. */
export type FigureMessage =
  | { ports: MessagePort[] }
  | { partial: Partial<Results> }
  | { results: Partial<Results> };

/** What the figure worker sends back: a figure's timing, the files, or the error. */
export type FigureReply =
  | { timing: FigureTiming }
  | { files: OutputFile[] }
  | { error: string };

/** The figure worker and its PNG workers; close (or `using`) it on every path. */
export interface FigureWorker extends Disposable {
  /**
   * Optional first stage: starts the figures that `partial` suffices for (the statistics, say,
   * while the main thread computes the robustness).
   */
  start(partial: Partial<Results>): void;
  /** Every figure of the pipeline as `<name>.svg` and `<name>.png`, as `figureFiles`. */
  files(results: Results, onFigure?: (timing: FigureTiming) => void): Promise<OutputFile[]>;
  /** Stops the figure worker and the PNG workers. */
  close(): void;
}

/**
 * Results as the figure worker is sent them: the sweep's per-sample columns left out (the
 * figures are drawn from the statistics; sending them would copy the whole sweep).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * import { computeResults } from "./results.ts";
 * const results = computeResults(await loadSweep("results/logit_diff_sweep"), { resamples: 10 });
 * const sent = withoutSamples(results);
 * assert.equal("samples" in sent.sweep.runs[0], false);
 * assert.equal(sent.analysis.sweep, sent.sweep); // one sweep, as in the results
 * assert.equal(sent.sweep.runs[0].layers, results.sweep.runs[0].layers);
 * assert.ok(results.sweep.runs[0].samples.layer.length > 0); // the results are left as they were
 * ```
 */
export function withoutSamples<T extends Partial<Results>>(results: T): T {
  if (!results.sweep) return results;
  const runs = results.sweep.runs.map(({ samples: _, ...run }) => run);
  const sweep = { ...results.sweep, runs } as Results["sweep"];
  const analysis = results.analysis && { ...results.analysis, sweep };
  return { ...results, sweep, ...(analysis && { analysis }) };
}

/**
 * Makes every run's `samples` of results received by the figure worker throw, naming why: a
 * figure that reads raw samples fails loudly instead of drawing nothing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * import { computeResults } from "./results.ts";
 * const results = computeResults(await loadSweep("results/logit_diff_sweep"), { resamples: 10 });
 * const received = withheldSamples(structuredClone(withoutSamples(results)));
 * assert.throws(() => received.sweep.runs[0].samples, /per-sample columns are not sent/);
 * ```
 */
export function withheldSamples<T extends Partial<Results>>(results: T): T {
  for (const run of results.sweep?.runs ?? []) {
    Object.defineProperty(run, "samples", {
      get() {
        throw new Error(
          "the per-sample columns are not sent to the figure worker: draw figures from the " +
            "statistics (results.analysis), or compute what the figure needs there",
        );
      },
    });
  }
  return results;
}

/** The entries of `results` whose keys are not in `sent`. */
function unsent(results: Results, sent: ReadonlySet<string>): Partial<Results> {
  return Object.fromEntries(Object.entries(results).filter(([key]) => !sent.has(key)));
}

/**
 * Starts the figure worker and the PNG workers. Start them early (their libraries load in
 * parallel with the main thread's work) and close them on every path: a live worker keeps the
 * process running.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * import { computeResults } from "./results.ts";
 * import { figureSteps } from "./files.ts";
 * import { PIPELINE } from "./description.ts";
 * using figures = startFigureWorker();
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B"], concepts: ["corrigible"] });
 * const results = computeResults(sweep, { resamples: 20 });
 * const { robustness: _, contrasts: __, ...statistics } = results;
 * figures.start(statistics); // figures of the statistics start now
 * const files = await figures.files(results); // the rest, once the robustness is there
 * assert.equal(files.length, 2 * figureSteps(PIPELINE).length); // an SVG and a PNG each
 * ```
 */
export function startFigureWorker(): FigureWorker {
  const worker = new Worker(new URL("./figure_worker.ts", import.meta.url), { type: "module" });
  const png = startPngWorkers();
  worker.postMessage({ ports: png.ports } satisfies FigureMessage, png.ports);
  const sent = new Set<string>(), timings: FigureTiming[] = [];
  let failure: Error | undefined;
  // Until `files` is called: timings kept, a failure kept for `files` to reject with.
  let onTiming: (timing: FigureTiming) => void = (timing) => timings.push(timing);
  let onFiles: (files: OutputFile[]) => void = () => {};
  let onFailure: (error: Error) => void = (error) => failure ??= error;
  png.onerror = (error) => onFailure(error);
  worker.onerror = (event) => {
    event.preventDefault();
    onFailure(new Error(`the figure worker failed: ${event.message}`));
  };
  worker.onmessage = ({ data }: MessageEvent<FigureReply>) => {
    if ("timing" in data) onTiming(data.timing);
    else if ("files" in data) onFiles(data.files);
    else onFailure(new Error(data.error));
  };
  const close = () => {
    worker.terminate();
    png.close();
  };
  return {
    start(partial) {
      for (const key of Object.keys(partial)) sent.add(key);
      worker.postMessage({ partial: withoutSamples(partial) } satisfies FigureMessage);
    },
    files: (results, onFigure = () => {}) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        timings.splice(0).forEach(onFigure);
        [onTiming, onFiles, onFailure] = [onFigure, resolve, reject];
        worker.postMessage(
          { results: withoutSamples(unsent(results, sent)) } satisfies FigureMessage,
        );
      }),
    close,
    [Symbol.dispose]: close,
  };
}
