/**
 * The render task's figures on worker threads: started before the data is read, the figure
 * worker (`figure_worker.ts`) loads the figure libraries and the PNG workers load resvg while the
 * main thread loads and computes; given the results, the figure worker builds every figure of the
 * pipeline as SVG, each rasterized by the PNG workers as soon as it is built. The main thread
 * starts them all (Deno serves a worker's own workers late while the worker's parent is busy)
 * and links the figure worker to the PNG workers by message ports; it never evaluates Plot,
 * linkedom or resvg.
 * @module
 */
import type { OutputFile } from "../export/atomic.ts";
import type { FigureTiming } from "../export/figures.ts";
import { startPngWorkers } from "../export/png_pool.ts";
import type { Results } from "./results.ts";

/** What the main thread sends the figure worker: the PNG workers' ports, then the results. */
export type FigureMessage = { ports: MessagePort[] } | { results: Results };

/** What the figure worker sends back: a figure's timing, the files, or the error. */
export type FigureReply =
  | { timing: FigureTiming }
  | { files: OutputFile[] }
  | { error: string };

/** The figure worker and its PNG workers: hand it the results once; close (or `using`) it on every path. */
export interface FigureWorker extends Disposable {
  /** Every figure of the pipeline as `<name>.svg` and `<name>.png`, as `figureFiles`. */
  files(results: Results, onFigure?: (timing: FigureTiming) => void): Promise<OutputFile[]>;
  /** Stops the figure worker and the PNG workers. */
  close(): void;
}

/**
 * The results as the figure worker is sent them: the sweep's per-sample columns left out (the
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
export function withoutSamples(results: Results): Results {
  const runs = results.sweep.runs.map(({ samples: _, ...run }) => run);
  const sweep = { ...results.sweep, runs } as Results["sweep"];
  return { ...results, sweep, analysis: { ...results.analysis, sweep } };
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
export function withheldSamples(results: Results): Results {
  for (const run of results.sweep.runs) {
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
 * const files = await figures.files(computeResults(sweep, { resamples: 20 }));
 * assert.equal(files.length, 2 * figureSteps(PIPELINE).length); // an SVG and a PNG each
 * ```
 */
export function startFigureWorker(): FigureWorker {
  const worker = new Worker(new URL("./figure_worker.ts", import.meta.url), { type: "module" });
  const png = startPngWorkers();
  worker.postMessage({ ports: png.ports } satisfies FigureMessage, png.ports);
  let failed: (error: Error) => void = () => {};
  png.onerror = (error) => failed(error);
  worker.onerror = (event) => {
    event.preventDefault();
    failed(new Error(`the figure worker failed: ${event.message}`));
  };
  const close = () => {
    worker.terminate();
    png.close();
  };
  return {
    files: (results, onFigure) =>
      new Promise((resolve, reject) => {
        failed = reject;
        worker.onmessage = ({ data }: MessageEvent<FigureReply>) => {
          if ("timing" in data) onFigure?.(data.timing);
          else if ("files" in data) resolve(data.files);
          else reject(new Error(data.error));
        };
        worker.postMessage({ results: withoutSamples(results) } satisfies FigureMessage);
      }),
    close,
    [Symbol.dispose]: close,
  };
}
