/**
 * Peak memory of this process, for progress lines and benchmarks.
 * @module
 */

/**
 * The peak resident set size of this process in bytes (Linux `VmHWM`), or the current RSS where
 * the peak is not available.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const peak = peakRss();
 * assert.ok(peak >= Deno.memoryUsage().rss * 0.5 && peak > 2 ** 20); // bytes, at least a MB
 * ```
 */
export function peakRss(): number {
  try {
    const status = Deno.readTextFileSync("/proc/self/status");
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux, or no /proc: fall back to the current size
  }
  return Deno.memoryUsage().rss;
}

/**
 * Bytes as megabytes for a progress line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(megabytes(3 * 2 ** 20), "3 MB");
 * ```
 */
export function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}
