/**
 * Peak memory of this process, for progress lines and benchmarks.
 * @module
 */
import process from "node:process";

/**
 * The peak resident set size of this process in bytes (`getrusage`'s maxrss, which needs no
 * permission; Linux's `VmHWM` in `/proc/self/status` is the same number but Deno reads
 * `/proc/self` only with every permission), or the current RSS where the peak is not available.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const peak = peakRss();
 * assert.ok(peak >= Deno.memoryUsage().rss * 0.9 && peak > 2 ** 20); // bytes, at least a MB
 * ```
 */
export function peakRss(): number {
  const kb = process.resourceUsage().maxRSS;
  return kb > 0 ? kb * 1024 : Deno.memoryUsage().rss;
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
