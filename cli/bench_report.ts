/**
 * Reading what the timed processes of `deno task bench` print (the render task's step timings,
 * each contender's peak memory) and summing up runs as medians.
 * @module
 */
import { median, type Run, seconds } from "./bench_run.ts";

/** The render task's lines naming a step's time, by step. */
const STEPS: Record<string, RegExp> = {
  load: /^loaded .* in ([\d.]+) ms(?:,|$)/m,
  statistics: /^computed statistics in ([\d.]+) ms$/m,
  robustness: /^computed robustness .* in ([\d.]+) ms$/m,
  figures: /^built \d+ figure files in ([\d.]+) ms$/m,
  write: /^wrote \d+ files to .* in ([\d.]+) ms$/m,
};

/**
 * The step times (ms) the render task printed; steps it did not print are left out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const out = "loaded d: 3 rows in 74.0 ms, with 2 workers\ncomputed statistics in 16.5 ms\n" +
 *   "wrote 3 files to /x in 2.0 ms\n";
 * assert.deepEqual(renderSteps(out), { load: 74, statistics: 16.5, write: 2 });
 * ```
 */
export function renderSteps(stdout: string): Record<string, number> {
  const steps: Record<string, number> = {};
  for (const [step, pattern] of Object.entries(STEPS)) {
    const ms = pattern.exec(stdout)?.[1];
    if (ms !== undefined) steps[step] = Number(ms);
  }
  return steps;
}

/**
 * The peak memory (bytes) a process printed: the render task's `peak memory (RSS): N MB`, or the
 * bench's `bench peak RSS: N kB` (the original, DuckDB); NaN when neither is there.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(peakBytes("peak memory (RSS): 994 MB\n"), 994 * 2 ** 20);
 * assert.equal(peakBytes("bench peak RSS: 2048 kB\n"), 2 * 2 ** 20);
 * assert.ok(Number.isNaN(peakBytes("")));
 * ```
 */
export function peakBytes(stdout: string): number {
  const mb = /peak memory \(RSS\): ([\d.]+) MB/.exec(stdout)?.[1];
  if (mb) return Number(mb) * 2 ** 20;
  const kb = /bench peak RSS: (\d+) kB/.exec(stdout)?.[1];
  return kb ? Number(kb) * 1024 : NaN;
}

/**
 * Bytes as `994 MB` or `1.27 GB`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(memory(994 * 2 ** 20), "994 MB");
 * assert.equal(memory(1.27 * 2 ** 30), "1.27 GB");
 * ```
 */
export function memory(bytes: number): string {
  if (!Number.isFinite(bytes)) return "?";
  return bytes >= 2 ** 30
    ? `${(bytes / 2 ** 30).toFixed(2)} GB`
    : `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

/**
 * One line of the summary: the median wall time of the runs, every run's time, the median CPU time
 * (user plus system, all threads and child processes; left out when unknown) and the median peak
 * memory.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const run = (ms: number, cpuMs = NaN) =>
 *   ({ ms, cpuMs, code: 0, stdout: "peak memory (RSS): 400 MB", stderr: "" });
 * assert.equal(
 *   summaryLine("render", [run(900), run(1100), run(1000)]),
 *   "  render                              1.00 s   (0.90-1.10 s)   peak 400 MB",
 * );
 * assert.equal(
 *   summaryLine("render", [run(900, 1700), run(1100, 1900)]),
 *   "  render                              1.00 s   (0.90-1.10 s)   CPU 1.80 s   peak 400 MB",
 * );
 * ```
 */
export function summaryLine(label: string, runs: readonly Run[]): string {
  const times = runs.map((r) => r.ms);
  const range = `(${(Math.min(...times) / 1000).toFixed(2)}-${
    (Math.max(...times) / 1000).toFixed(2)
  } s)`;
  const cpu = median(runs.map((r) => r.cpuMs ?? NaN));
  const peak = memory(median(runs.map((r) => peakBytes(r.stdout))));
  return `  ${label.padEnd(34)} ${seconds(median(times)).padStart(7)}   ${range}   ${
    Number.isFinite(cpu) ? `CPU ${seconds(cpu)}   ` : ""
  }peak ${peak}`;
}

/**
 * The medians of the render task's step times over its runs, as one line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const run = (out: string) => ({ ms: 1, code: 0, stdout: out, stderr: "" });
 * const runs = [run("computed statistics in 10.0 ms"), run("computed statistics in 30.0 ms")];
 * assert.equal(stepsLine(runs), "    steps (medians, as printed by render): statistics 20 ms");
 * ```
 */
export function stepsLine(runs: readonly Run[]): string {
  const all = runs.map((r) => renderSteps(r.stdout));
  const steps = Object.keys(STEPS).filter((step) => all.some((s) => step in s));
  const parts = steps.map((step) =>
    `${step} ${seconds(median(all.flatMap((s) => step in s ? [s[step]] : [])))}`
  );
  return `    steps (medians, as printed by render): ${parts.join(", ")}`;
}

/**
 * How two median times compare, as `6.8x faster` or `2.1x slower` (the first against the second),
 * with two decimals under 2x, where one would hide the difference (`1.05x faster`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(ratio(1000, 6800), "6.8x faster");
 * assert.equal(ratio(6300, 3000), "2.1x slower");
 * assert.equal(ratio(2630, 2750), "1.05x faster");
 * ```
 */
export function ratio(ours: number, theirs: number): string {
  const [times, word] = ours <= theirs ? [theirs / ours, "faster"] : [ours / theirs, "slower"];
  return `${times.toFixed(times < 2 ? 2 : 1)}x ${word}`;
}
