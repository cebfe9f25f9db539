/**
 * The 10-million-row sweep of `deno task bench` and the peer it is measured against: DuckDB's
 * numeric core (`duckdb_summary.mjs`), run by Node from a scratch folder where it is installed
 * (never a dependency of this project; see `../shared/peers/README.md`).
 * @module
 */
import { join } from "node:path";
import type { Command } from "./bench_run.ts";

/** Where the 10 M-row sweep is, or is written, from the repository root. */
export const LARGE_DIR = "scratch/large10m_full";

/** Where DuckDB is looked for by default, from the repository root. */
export const DUCKDB_DIR = "scratch/duckdb";

/**
 * The large synthetic sweep: 6 models (36 to 94 layers, the last two thirds tested), 6 concepts,
 * strengths -1, 0 and 1, 2,600 prompts: 9,968,400 per-sample rows, every value written as pandas
 * writes a float64 (up to 17 significant digits, as real sweeps are): 1,123 MB of CSV.
 */
export const LARGE_SWEEP = [
  "--prompts=2600",
  "--models=4B,8B,14B,30B-A3B,32B,235B-A22B",
  "--concepts=corrigible,myopic_reward,power_seeking,self_awareness,survival_instinct,sycophancy",
  "--strengths=-1,0,1",
  "--first-layer=0.333",
];

/**
 * Writes the large sweep to `dir` with `deno task synth` unless `dir` exists: to a sibling
 * folder first, renamed when complete, so an interrupted write is not mistaken for the sweep.
 * Returns whether it wrote it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(await ensureLargeSweep("results/logit_diff_sweep", "."), false); // exists: kept
 * ```
 */
export async function ensureLargeSweep(dir: string, root: string): Promise<boolean> {
  if (await Deno.stat(dir).catch(() => undefined)) return false;
  const partial = `${dir}.partial`;
  await Deno.remove(partial, { recursive: true }).catch(() => {});
  const args = ["run", "-A", join(root, "cli/synth.ts"), `--out=${partial}`, ...LARGE_SWEEP];
  const { code } = await new Deno.Command(Deno.execPath(), { args, stdout: "inherit" }).output();
  if (code !== 0) throw new Error(`writing the large sweep failed (exit ${code})`);
  await Deno.rename(partial, dir);
  return true;
}

/**
 * Why DuckDB cannot run from `dir` (no `@duckdb/node-api` or no `duckdb_summary.mjs` there, or
 * no `node`), or undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match((await duckdbMissing("/no/such/dir"))!, /@duckdb\/node-api is not installed/);
 * ```
 */
export async function duckdbMissing(dir: string): Promise<string | undefined> {
  const exists = async (path: string) => !!(await Deno.stat(path).catch(() => undefined));
  if (!(await exists(join(dir, "node_modules/@duckdb/node-api")))) {
    return `@duckdb/node-api is not installed in ${dir} (see ../shared/peers/README.md)`;
  }
  if (!(await exists(join(dir, "duckdb_summary.mjs")))) return `no duckdb_summary.mjs in ${dir}`;
  const node = await new Deno.Command("node", { args: ["--version"], stdout: "null" }).output()
    .catch(() => undefined);
  return node?.code === 0 ? undefined : "no node on the PATH";
}

/**
 * Node code that runs the script named by its first argument and prints its peak memory: VmHWM,
 * the process's own peak (getrusage's maxrss also counts the bench's memory at the spawn).
 */
const WITH_PEAK = `process.on("exit", () => console.log(\`bench peak RSS: \${
  /VmHWM:\\s+(\\d+) kB/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8"))[1]} kB\`));
import(require("node:url").pathToFileURL(process.argv[1]).href);`;

/**
 * The command running DuckDB's numeric core on a sweep with `threads` threads, printing its peak
 * memory (`bench peak RSS: N kB`) after the script's JSON line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const command = duckdbCommand("/opt/duck", "scratch/large10m");
 * assert.equal(command.cmd, "node");
 * assert.deepEqual(command.args.slice(-3), ["/opt/duck/duckdb_summary.mjs", "scratch/large10m", "2"]);
 * ```
 */
export function duckdbCommand(dir: string, data: string, threads = 2): Command {
  return {
    cmd: "node",
    args: ["-e", WITH_PEAK, join(dir, "duckdb_summary.mjs"), data, `${threads}`],
  };
}
