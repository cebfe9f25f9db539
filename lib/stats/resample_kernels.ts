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
  /** The same for 4 x `groups` draws, four at a time (i32x4). */
  draws4(state: number, n: number, groups: number, counts: number): number;
  /** Fisher-Yates shuffle of the i32 `order` (split_half.ts' loop) from `state`; the new state. */
  shuffle(state: number, order: number, n: number): number;
  /** The halves of a shuffle (the first `half` of `order` are A): A's prompts ascending at
   * `idx`, B's at `idx + 4 n` (`mark`: n i32 of scratch). */
  halves(order: number, n: number, half: number, mark: number, idx: number): void;
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
  /** For two lists of entries (A, B), each over a row of (+1, -1) value pairs: mean, sum of
   * squared deviations and total weight, two lanes each (+1, -1), A's then B's at `out`. */
  pairMoments(
    rowA: number,
    idxA: number,
    wsA: number,
    mA: number,
    rowB: number,
    idxB: number,
    wsB: number,
    mB: number,
    out: number,
  ): void;
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

/**
 * mulberry32 `count` times from `state` (`util/random.ts`' generator, whose state starts at
 * `seed >>> 0`), adding each draw floor(u * n) to the i32 counts at byte offset `counts`: four
 * at a time, then one by one. Returns the state after the last draw.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seededRandom } from "../util/random.ts";
 * const layout = kernelLayout({ counts: 10 * 4 });
 * const counts = layout.i32("counts", 10).fill(0);
 * drawCounts(layout.kernels, 7, 10, 10, layout.offsets.counts);
 * const rand = seededRandom(7), expected = new Int32Array(10);
 * for (let i = 0; i < 10; i++) expected[Math.floor(rand() * 10)]++;
 * assert.deepEqual(layout.i32("counts", 10), expected);
 * ```
 */
export function drawCounts(
  kernels: ResampleKernels,
  state: number,
  n: number,
  count: number,
  counts: number,
): number {
  const groups = Math.floor(count / 4);
  return kernels.draws(kernels.draws4(state, n, groups, counts), n, count - 4 * groups, counts);
}
