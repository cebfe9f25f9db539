/**
 * What `deno task bench` measures with: whole-process runs timed from outside, interleaved so
 * a change in the machine's load hits every contender alike, and medians.
 * @module
 */

/** One finished run of a command: its wall time, CPU time, exit code and output. */
export interface Run {
  ms: number;
  /** User plus system CPU time of the process and the processes it waited for (NaN: unknown). */
  cpuMs?: number;
  code: number;
  stdout: string;
  stderr: string;
}

/** A command to run: the program, its arguments, and where and with what environment. */
export interface Command {
  cmd: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
}

/**
 * The median of a list of numbers (NaN for none).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(median([3, 1, 2]), 2);
 * assert.equal(median([4, 1, 3, 2]), 2.5);
 * assert.ok(Number.isNaN(median([])));
 * ```
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b), mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Milliseconds as seconds (`1.23 s`) from a second up, as milliseconds (`85 ms`) below.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(seconds(1234), "1.23 s");
 * assert.equal(seconds(85.4), "85 ms");
 * ```
 */
export function seconds(ms: number): string {
  if (!Number.isFinite(ms)) return "?";
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

/** Linux's clock ticks per second (`getconf CLK_TCK`), the unit of `/proc` CPU times. */
const CLOCK_TICKS = 100;

/**
 * The CPU time (ms) of a process's finished children it has waited for, user plus system, from
 * the text of its `/proc/PID/stat` (cutime and cstime, fields 16 and 17, in clock ticks; they
 * include the children's own waited-for children).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const stat = "1591 (deno task) R 1590 1576 28970 0 -1 4194304 3029 3780 1 0 1 0 22 7 20 0 6";
 * assert.equal(childrenCpuOfStat(stat), 290); // (22 + 7) ticks of 10 ms
 * ```
 */
export function childrenCpuOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // from field 3 (state) on
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
}

/**
 * The CPU time (ms) of this process's finished children it has waited for ({@link
 * childrenCpuOfStat}); NaN where `/proc/self` cannot be read (not Linux, or Deno without every
 * permission).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const before = childrenCpuMs();
 * assert.ok(Number.isNaN(before) || before >= 0);
 * ```
 */
export function childrenCpuMs(): number {
  try {
    return childrenCpuOfStat(Deno.readTextFileSync("/proc/self/stat"));
  } catch {
    return NaN;
  }
}

/**
 * Runs a command to its end and times it: wall clock from spawning to exit, and CPU time (user
 * plus system, every thread and child process; NaN where Linux's `/proc` is missing).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const run = await timedRun({ cmd: Deno.execPath(), args: ["eval", "console.log(6 * 7)"] });
 * assert.equal(run.code, 0);
 * assert.equal(run.stdout.trim(), "42");
 * assert.ok(run.ms > 0);
 * assert.ok(Number.isNaN(run.cpuMs) || run.cpuMs! >= 0);
 * ```
 */
export async function timedRun(command: Command): Promise<Run> {
  const cpu0 = childrenCpuMs(), t0 = performance.now();
  const { code, stdout, stderr } = await new Deno.Command(command.cmd, {
    args: command.args,
    cwd: command.cwd,
    env: command.env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const ms = performance.now() - t0, cpuMs = childrenCpuMs() - cpu0;
  const text = new TextDecoder();
  return { ms, cpuMs, code, stdout: text.decode(stdout), stderr: text.decode(stderr) };
}

/**
 * Runs each contender `runs` times, taking turns (a, b, a, b, ...), after one untimed warm-up
 * run of each (caches: compiled code, fonts, the page cache). Throws when a run fails, with the
 * end of its error output.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const order: string[] = [];
 * const runs = await interleaved(2, {
 *   a: () => { order.push("a"); return Promise.resolve({ ms: 1, code: 0, stdout: "", stderr: "" }); },
 *   b: () => { order.push("b"); return Promise.resolve({ ms: 2, code: 0, stdout: "", stderr: "" }); },
 * });
 * assert.deepEqual(order, ["a", "b", "a", "b", "a", "b"]); // warm-up, then turns
 * assert.deepEqual(runs.b.map((r) => r.ms), [2, 2]);
 * ```
 */
export async function interleaved<K extends string>(
  runs: number,
  contenders: Record<K, () => Promise<Run>>,
): Promise<Record<K, Run[]>> {
  const names = Object.keys(contenders) as K[];
  const results = Object.fromEntries(names.map((name) => [name, [] as Run[]])) as Record<K, Run[]>;
  for (let round = 0; round <= runs; round++) {
    for (const name of names) {
      const run = await contenders[name]();
      if (run.code !== 0) {
        throw new Error(`${name} failed (exit ${run.code}): ${run.stderr.trim().slice(-2000)}`);
      }
      if (round > 0) results[name].push(run);
    }
  }
  return results;
}
