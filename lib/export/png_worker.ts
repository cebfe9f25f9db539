/**
 * A PNG worker of `png_pool.ts`: given a port, rasterizes each SVG sent through it and sends the
 * PNG back (its buffer transferred), or the error's message.
 * @module
 */
import { rasterize } from "./png.ts";
import type { PngJob, PngReply } from "./png_pool.ts";

const scope = self as unknown as {
  onmessage: (event: MessageEvent<{ port: MessagePort }>) => void;
};

scope.onmessage = ({ data: { port } }) => {
  port.onmessage = ({ data: { id, svg, scale } }: MessageEvent<PngJob>) => {
    let reply: PngReply, transfer: ArrayBuffer[] = [];
    try {
      const png = rasterize(svg, scale);
      reply = { id, png };
      transfer = [png.buffer as ArrayBuffer];
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply, transfer);
  };
};
