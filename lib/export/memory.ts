/**
 * Peak memory of this process, for progress lines and benchmarks.
 * @module
 */
import process from "node:process";

/**
 * The peak resident set size of this process in bytes: Linux's `VmHWM` where `/proc/self` can be
 * read (Deno allows it with every permission only), otherwise `getrusage`'s maxrss, which needs no
 * permission but on Linux also counts the memory of the process that started this one, as it was
 * then (a shell or `deno task`: tens of MB); the current RSS where neither is available.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const peak = peakRss();
 * assert.ok(peak >= Deno.memoryUsage().rss * 0.9 && peak > 2 ** 20); // bytes, at least a MB
 * ```
 */
export function peakRss(): number {
  const hwm = vmHwm();
  if (hwm !== undefined) return hwm;
  const kb = process.resourceUsage().maxRSS;
  return kb > 0 ? kb * 1024 : Deno.memoryUsage().rss;
}

/**
 * This process's own peak resident set size in bytes, Linux's `VmHWM`; undefined where
 * `/proc/self/status` cannot be read (not Linux, or Deno without every permission).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const hwm = vmHwm();
 * assert.ok(hwm === undefined || hwm >= Deno.memoryUsage().rss * 0.9);
 * ```
 */
export function vmHwm(): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(Deno.readTextFileSync("/proc/self/status"))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined; // no permission to read /proc/self, or not Linux
  }
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
