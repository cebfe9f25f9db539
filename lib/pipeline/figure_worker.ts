/**
 * The figure worker of `figure_thread.ts`: loads the figure libraries at once; given the PNG
 * workers' ports, then optionally partial results (the first stage of `figure_stages.ts`), then
 * the results (the per-sample columns left out), builds every figure of the pipeline and sends
 * back each timing, then the files (the PNGs' buffers transferred), or the error.
 * @module
 */
import { portPool } from "../export/png_pool.ts";
import type { FigureStages } from "./figure_stages.ts";
import type { Results } from "./results.ts";
import { type FigureMessage, type FigureReply, withheldSamples } from "./figure_thread.ts";

const scope = self as unknown as {
  onmessage: (event: MessageEvent<FigureMessage>) => void;
  postMessage(reply: FigureReply, transfer?: Transferable[]): void;
};

// The figure modules defer evaluating their libraries; evaluate them now, while the main thread
// reads the data, rather than when the first figure is drawn.
const modules = Promise.all([
  import("./description.ts"),
  import("./files.ts"),
  import("./figure_stages.ts"),
  import("@observablehq/plot"),
  import("linkedom"),
  import("@napi-rs/canvas"),
]);
let stages: Promise<FigureStages> | undefined, received: Partial<Results> = {};
let failed = false;

const fail = (error: unknown) => {
  failed = true;
  scope.postMessage({ error: error instanceof Error ? error.stack ?? error.message : `${error}` });
};
const sendFiles = (files: Awaited<ReturnType<FigureStages["finish"]>>) => {
  const buffers = files.flatMap((f) => typeof f.content === "string" ? [] : [f.content.buffer]);
  scope.postMessage({ files }, buffers as ArrayBuffer[]);
};

scope.onmessage = async ({ data }) => {
  if (failed) return;
  try {
    if ("ports" in data) {
      const pool = portPool(data.ports);
      stages = modules.then(([{ PIPELINE }, { figureSteps }, { figureStages }]) =>
        figureStages(figureSteps(PIPELINE), pool, (timing) => scope.postMessage({ timing }))
      );
      return;
    }
    const figures = await stages!;
    received = { ...received, ...withheldSamples("partial" in data ? data.partial : data.results) };
    if ("partial" in data) await figures.start(received);
    else sendFiles(await figures.finish(received as Results));
  } catch (error) {
    fail(error);
  }
};
