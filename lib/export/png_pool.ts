/**
 * PNG workers (`png_worker.ts`): figures rasterize on other threads, PNG encoding included,
 * several at once, while the thread that makes the SVGs goes on. Each worker is reached through a
 * message port, so the workers can be started by one thread (the main thread: Deno starts and
 * serves a worker's own workers late while its parent is busy) and used by another.
 * @module
 */

/** A job sent to a PNG worker. */
export interface PngJob {
  id: number;
  svg: string;
  scale: number;
}

/** A PNG worker's answer: the PNG, or the error's message. */
export type PngReply = { id: number; png: Uint8Array } | { id: number; error: string };

/** Rasterizes SVGs on PNG workers; close it (or `using` it) when done. */
export interface PngPool extends Disposable {
  /** The PNG of a standalone SVG at `scale` times its size (2 by default), as `svgToPng`. */
  render(svg: string, scale?: number): Promise<Uint8Array>;
  /** Stops using the workers; jobs not done are rejected with `error`. */
  close(error?: Error): void;
}

/** PNG workers started by this thread, each serving one of `ports`. */
export interface PngWorkers extends Disposable {
  /** One port per worker: give them to {@link portPool}, here or in another worker. */
  ports: MessagePort[];
  /** Called when a worker fails outside a job (its modules did not load, say). */
  onerror?: (error: Error) => void;
  /** Stops the workers. */
  close(): void;
}

interface Pending {
  job: PngJob;
  resolve: (png: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * The number of PNG workers: one per core (at least 1, at most 4).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(defaultPoolSize() >= 1 && defaultPoolSize() <= 4);
 * ```
 */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
}

/**
 * Starts `size` PNG workers (they load at once, so the first figure finds them ready), each
 * serving the other end of one of the returned ports.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * using workers = startPngWorkers(2);
 * assert.equal(workers.ports.length, 2);
 * ```
 */
export function startPngWorkers(size = defaultPoolSize()): PngWorkers {
  const url = new URL("./png_worker.ts", import.meta.url);
  const ports: MessagePort[] = [];
  const result: PngWorkers = {
    ports,
    close: () => workers.forEach((worker) => worker.terminate()),
    [Symbol.dispose]: () => result.close(),
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(url, { type: "module" });
    const { port1, port2 } = new MessageChannel();
    worker.postMessage({ port: port2 }, [port2]);
    worker.onerror = (event) => {
      event.preventDefault();
      result.onerror?.(new Error(`a PNG worker failed: ${event.message}`));
    };
    ports.push(port1);
    return worker;
  });
  return result;
}

/**
 * A pool over PNG workers reached through `ports` ({@link startPngWorkers}). Each job is posted
 * at once to the worker with the least SVG text outstanding (roughly the least work), and waits
 * in that worker's own queue: the workers keep drawing while this thread runs a long
 * computation (a job handed out only when a worker answered would wait for this thread's turn).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { svgToPng } from "./png.ts";
 * using workers = startPngWorkers(2);
 * using pool = portPool(workers.ports);
 * const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"></svg>';
 * const pngs = await Promise.all([pool.render(svg), pool.render(svg, 1)]);
 * assert.deepEqual(pngs[0], await svgToPng(svg)); // the same bytes as on this thread
 * assert.ok(pngs[1].length < pngs[0].length); // 20x10 pixels instead of 40x20
 * ```
 */
export function portPool(ports: readonly MessagePort[]): PngPool {
  const running = new Map<MessagePort, Map<number, Pending>>(ports.map((p) => [p, new Map()]));
  const load = new Map<MessagePort, number>(ports.map((p) => [p, 0]));
  let nextId = 0, closed = false;
  for (const port of ports) {
    port.onmessage = ({ data }: MessageEvent<PngReply>) => {
      const pending = running.get(port)!.get(data.id);
      if (!pending) return;
      running.get(port)!.delete(data.id);
      load.set(port, load.get(port)! - pending.job.svg.length);
      if ("png" in data) pending.resolve(data.png);
      else pending.reject(new Error(`rasterizing a figure: ${data.error}`));
    };
  }
  const close = (error = new Error("the PNG pool was closed before the figure was rasterized")) => {
    if (closed) return;
    closed = true;
    for (const port of ports) port.close();
    for (const jobs of running.values()) {
      for (const pending of jobs.values()) pending.reject(error);
      jobs.clear();
    }
  };
  return {
    render: (svg, scale = 2) =>
      new Promise((resolve, reject) => {
        if (closed) return reject(new Error("the PNG pool is closed"));
        const port = ports.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a));
        const job = { id: nextId++, svg, scale };
        running.get(port)!.set(job.id, { job, resolve, reject });
        load.set(port, load.get(port)! + svg.length);
        port.postMessage(job);
      }),
    close,
    [Symbol.dispose]: () => close(),
  };
}

/**
 * PNG workers of its own and a pool over them, stopped together.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * using pool = pngPool(1);
 * const png = await pool.render('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="1"/>');
 * assert.equal(new TextDecoder().decode(png.slice(1, 4)), "PNG");
 * ```
 */
export function pngPool(size = defaultPoolSize()): PngPool {
  const workers = startPngWorkers(size);
  const pool = portPool(workers.ports);
  workers.onerror = (error) => pool.close(error);
  const close = (error?: Error) => {
    pool.close(error);
    workers.close();
  };
  return { render: pool.render, close, [Symbol.dispose]: () => close() };
}
