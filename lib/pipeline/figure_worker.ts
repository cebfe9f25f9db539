/**
 * The figure worker of `figure_thread.ts`: loads the figure libraries at once; given the PNG
 * workers' ports and then the results (without the per-sample columns), builds every figure of
 * the pipeline and sends back each timing, then the files (the PNGs' buffers transferred).
 * @module
 */
import { type PngPool, portPool } from "../export/png_pool.ts";
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
  import("../export/figures.ts"),
  import("@observablehq/plot"),
  import("linkedom"),
  import("@napi-rs/canvas"),
]);
let pool: PngPool | undefined;

scope.onmessage = async ({ data }) => {
  if ("ports" in data) {
    pool = portPool(data.ports);
    return;
  }
  try {
    const [{ PIPELINE }, { figureFiles }] = await modules;
    const files = await figureFiles(PIPELINE, withheldSamples(data.results), {
      pool,
      onFigure: (timing) => scope.postMessage({ timing }),
    });
    const buffers = files.flatMap((f) => typeof f.content === "string" ? [] : [f.content.buffer]);
    scope.postMessage({ files }, buffers as ArrayBuffer[]);
  } catch (error) {
    scope.postMessage({
      error: error instanceof Error ? error.stack ?? error.message : `${error}`,
    });
  } finally {
    pool?.close();
  }
};
