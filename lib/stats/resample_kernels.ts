/**
 * The resampling kernels (`resample_wasm.ts`), instantiated once per thread on first use, and
 * their memory laid out in regions. The memory is one scratch area: a layout is valid until the
 * next {@link kernelLayout} call (computations are synchronous, and each worker has its own).
 * @module
 */
import { RESAMPLE_WASM } from "./resample_wasm.ts";

/** The kernels' functions (pointers are byte offsets into {@link KernelLayout.memory}). */
export interface ResampleKernels {
  /** mulberry32 `count` times from `state`, counting draws of floor(u * n); the new state. */
  draws(state: number, n: number, count: number, counts: number): number;
  /** Prompts with a nonzero count, ascending, as indices and f64 weights; counts zeroed. */
  compact(counts: number, n: number, idx: number, ws: number): number;
  /** Weighted sums of 16-layer blocks of prompt-major rows. */
  accumulate16(
    rows: number,
    rowBytes: number,
    idx: number,
    ws: number,
    m: number,
    blocks: number,
    out: number,
  ): void;
  /** The same for 8-layer blocks. */
  accumulate8(
    rows: number,
    rowBytes: number,
    idx: number,
    ws: number,
    m: number,
    blocks: number,
    out: number,
  ): void;
  /** Weighted mean and variance (ddof 1) of `row` at the entries; NaN skipped. */
  moments(row: number, idx: number, ws: number, m: number, out: number): void;
  /** Sum of counts[i] * values[i] for i < n, in order; counts zeroed. */
  weightedSum(values: number, counts: number, n: number): number;
  memory: WebAssembly.Memory;
}

let instance: ResampleKernels | undefined;

/**
 * The kernels of this thread.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const k = resampleKernels();
 * assert.equal(k, resampleKernels()); // one instance per thread
 * assert.ok(k.memory.buffer.byteLength >= 65536);
 * ```
 */
export function resampleKernels(): ResampleKernels {
  instance ??= new WebAssembly.Instance(new WebAssembly.Module(RESAMPLE_WASM))
    .exports as unknown as ResampleKernels;
  return instance;
}

/** Regions of the kernels' memory: byte offsets by name, and the memory (grown to hold them). */
export interface KernelLayout<K extends string> {
  offsets: Record<K, number>;
  kernels: ResampleKernels;
  /** A Float64Array view of a region of `length` values (a new view: the memory may have grown). */
  f64(region: K, length: number): Float64Array;
  /** An Int32Array view of a region. */
  i32(region: K, length: number): Int32Array;
}

/**
 * Lays out regions of the given byte sizes (16-byte aligned, in order), growing the memory as
 * needed. Regions are not cleared.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const layout = kernelLayout({ a: 24, b: 8 });
 * assert.deepEqual(layout.offsets, { a: 0, b: 32 });
 * layout.f64("b", 1)[0] = 2.5;
 * assert.equal(layout.f64("b", 1)[0], 2.5);
 * ```
 */
export function kernelLayout<K extends string>(sizes: Record<K, number>): KernelLayout<K> {
  const kernels = resampleKernels();
  const offsets = {} as Record<K, number>;
  let end = 0;
  for (const key of Object.keys(sizes) as K[]) {
    offsets[key] = end;
    end += Math.ceil(sizes[key] / 16) * 16;
  }
  const missing = end - kernels.memory.buffer.byteLength;
  if (missing > 0) kernels.memory.grow(Math.ceil(missing / 65536));
  const buffer = () => kernels.memory.buffer;
  return {
    offsets,
    kernels,
    f64: (region, length) => new Float64Array(buffer(), offsets[region], length),
    i32: (region, length) => new Int32Array(buffer(), offsets[region], length),
  };
}
