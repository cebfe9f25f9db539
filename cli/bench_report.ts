/**
 * Reading what the timed processes of `deno task bench` print (the render task's step timings,
 * each contender's peak memory), summing up runs as medians, and the report table.
 * @module
 */
import { median, type Run, seconds } from "./bench_run.ts";

/**
 * The render task's lines naming a step's time, by step: this version's (`ran <notebook> ... in
 * T ms: N files`, then the write) and those of earlier versions a `--baseline` may be (load,
 * statistics, robustness and figures printed one by one).
 */
const STEPS: Record<string, RegExp> = {
  notebook: /^ran .* in ([\d.]+) ms: \d+ files/m,
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
 * const now = "ran notebooks/n.ipynb on d in 2728.9 ms: 51 files (13 figures as SVG and PNG)\n" +
 *   "wrote 51 files to /x in 48.0 ms\n";
 * assert.deepEqual(renderSteps(now), { notebook: 2728.9, write: 48 });
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
 * (user plus system, all threads and child processes) and the median peak memory, each of the last
 * two left out when unknown.
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
 * assert.equal(
 *   summaryLine("notebook", [{ ms: 2500, code: 0, stdout: "", stderr: "" }]),
 *   "  notebook                            2.50 s   (2.50-2.50 s)",
 * );
 * ```
 */
export function summaryLine(label: string, runs: readonly Run[]): string {
  const times = runs.map((r) => r.ms);
  const { cpu, peak } = medians(runs);
  return `  ${label.padEnd(34)} ${seconds(median(times)).padStart(7)}   ${range(times)}` +
    (Number.isFinite(cpu) ? `   CPU ${seconds(cpu)}` : "") +
    (Number.isFinite(peak) ? `   peak ${memory(peak)}` : "");
}

/** The median CPU time (ms) and peak memory (bytes) of runs, NaN when unknown. */
function medians(runs: readonly Run[]): { cpu: number; peak: number } {
  return {
    cpu: median(runs.map((r) => r.cpuMs ?? NaN).filter(Number.isFinite)),
    peak: median(runs.map((r) => peakBytes(r.stdout)).filter(Number.isFinite)),
  };
}

/** The range of wall times, in seconds: `(0.90-1.10 s)`. */
function range(times: readonly number[]): string {
  return `(${(Math.min(...times) / 1000).toFixed(2)}-${(Math.max(...times) / 1000).toFixed(2)} s)`;
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

/** One row of the report table: a piece of work, this project's runs and a reference's runs. */
export interface Comparison {
  /** The work, for the first column (`deno task render`, default data (86,400 rows)). */
  work: string;
  /** This project's runs. */
  ours: readonly Run[];
  /** What it is compared with (`the original pandas/matplotlib code`, `baseline 6b159a3`). */
  reference: string;
  /** The reference's runs. */
  theirs: readonly Run[];
}

/**
 * Runs summed up for a table cell: the median wall time and the range in seconds, the median CPU
 * time and peak memory when known (`0.99 s (0.96-1.02), CPU 1.71 s, peak 483 MB`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const run = (ms: number) => ({ ms, cpuMs: ms * 2, code: 0, stdout: "peak memory (RSS): 483 MB", stderr: "" });
 * assert.equal(runsCell([run(960), run(990), run(1020)]), "0.99 s (0.96-1.02), CPU 1.98 s, peak 483 MB");
 * assert.equal(runsCell([{ ms: 85, code: 0, stdout: "", stderr: "" }]), "0.09 s (0.09-0.09)");
 * ```
 */
export function runsCell(runs: readonly Run[]): string {
  const times = runs.map((r) => r.ms);
  const { cpu, peak } = medians(runs);
  return [
    `${(median(times) / 1000).toFixed(2)} s ${range(times).replace(" s)", ")")}`,
    ...(Number.isFinite(cpu) ? [`CPU ${seconds(cpu)}`] : []),
    ...(Number.isFinite(peak) ? [`peak ${memory(peak)}`] : []),
  ].join(", ");
}

/**
 * The report table, in Markdown (as the README's): a row per comparison, with this project's
 * runs, the reference's and how the medians compare; columns padded to line up.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const run = (ms: number) => ({ ms, code: 0, stdout: "", stderr: "" });
 * const table = reportTable([
 *   { work: "render", ours: [run(1000)], reference: "baseline abc1234", theirs: [run(1050)] },
 * ]);
 * assert.equal(table, [
 *   "| work   | this project       | reference                            | ratio        |",
 *   "| ------ | ------------------ | ------------------------------------ | ------------ |",
 *   "| render | 1.00 s (1.00-1.00) | baseline abc1234: 1.05 s (1.05-1.05) | 1.05x faster |",
 * ].join("\n"));
 * ```
 */
export function reportTable(rows: readonly Comparison[]): string {
  const cells = [
    ["work", "this project", "reference", "ratio"],
    ...rows.map((row) => {
      const [ours, theirs] = [row.ours, row.theirs].map((runs) => median(runs.map((r) => r.ms)));
      return [
        row.work,
        runsCell(row.ours),
        `${row.reference}: ${runsCell(row.theirs)}`,
        ratio(ours, theirs),
      ];
    }),
  ];
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
  return [line(cells[0]), line(widths.map((w) => "-".repeat(w))), ...cells.slice(1).map(line)]
    .join("\n");
}
