/**
 * `--baseline DIR` of `deno task bench` and `deno task notebook:bench`: a checkout of an earlier
 * version of this project (made by the user, e.g. `git worktree add /tmp/base <commit>`; the
 * benches never change it), whose tasks are timed beside this version's, interleaved, on the
 * same data, its outputs in a temporary folder.
 * @module
 */
import { isAbsolute, join, resolve } from "node:path";
import type { Command } from "./bench_run.ts";

/**
 * Why `dir` cannot serve as a baseline for the tasks named (no `deno.json`, or no such task in
 * it), or undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(await baselineMissing(".", ["render"]), undefined); // this checkout will do
 * assert.match((await baselineMissing("/no/such", ["render"]))!, /no deno\.json in \/no\/such/);
 * assert.match((await baselineMissing(".", ["nope"]))!, /has no "nope" task/);
 * ```
 */
export async function baselineMissing(
  dir: string,
  tasks: readonly string[],
): Promise<string | undefined> {
  let config: { tasks?: Record<string, unknown> };
  try {
    config = JSON.parse(await Deno.readTextFile(join(dir, "deno.json")));
  } catch {
    return `no deno.json in ${dir}: --baseline needs a checkout of this project ` +
      "(e.g. git worktree add /tmp/base <commit>)";
  }
  const task = tasks.find((task) => typeof config.tasks?.[task] !== "string");
  return task === undefined ? undefined : `${join(dir, "deno.json")} has no "${task}" task`;
}

/**
 * The commit a checkout is at, abbreviated (read from its `.git`, a folder or a worktree's
 * `gitdir:` file, without running git); undefined when it cannot be read.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * try {
 *   await Deno.mkdir(`${dir}/git/worktrees/base`, { recursive: true });
 *   await Deno.writeTextFile(`${dir}/git/worktrees/base/HEAD`, "6b159a3e0c1d2f3a4b5c6d7e8f9a0b1c2d3e4f5a\n");
 *   await Deno.mkdir(`${dir}/base`);
 *   await Deno.writeTextFile(`${dir}/base/.git`, `gitdir: ${dir}/git/worktrees/base\n`);
 *   assert.equal(await checkoutCommit(`${dir}/base`), "6b159a3");
 *   assert.equal(await checkoutCommit(dir), undefined); // no .git
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function checkoutCommit(dir: string): Promise<string | undefined> {
  try {
    let git = join(dir, ".git");
    if ((await Deno.stat(git)).isFile) {
      const pointer = /^gitdir: (.+)$/m.exec(await Deno.readTextFile(git))?.[1];
      if (!pointer) return undefined;
      git = resolve(dir, pointer.trim());
    }
    const head = (await Deno.readTextFile(join(git, "HEAD"))).trim();
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (!ref) return /^[0-9a-f]{7,}$/.test(head) ? head.slice(0, 7) : undefined;
    // a branch: its file, in the worktree's folder or the repository's common one, or packed-refs
    const common = await Deno.readTextFile(join(git, "commondir")).then(
      (text) => resolve(git, text.trim()),
      () => git,
    );
    for (const folder of [git, common]) {
      const hash = await Deno.readTextFile(join(folder, ref)).catch(() => undefined);
      if (hash) return hash.trim().slice(0, 7);
    }
    const packed = await Deno.readTextFile(join(common, "packed-refs")).catch(() => "");
    const line = packed.split("\n").find((l) => l.endsWith(` ${ref}`));
    return line?.slice(0, 7);
  } catch {
    return undefined;
  }
}

/**
 * How a baseline is named in the bench's lines: `baseline 6b159a3` (or its folder when its
 * commit cannot be read).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(baselineName("/tmp/base", "6b159a3"), "baseline 6b159a3");
 * assert.equal(baselineName("/tmp/base", undefined), "baseline /tmp/base");
 * ```
 */
export function baselineName(dir: string, commit: string | undefined): string {
  return `baseline ${commit ?? dir}`;
}

/** The flags of the render and notebook tasks that take a path. */
const PATH_FLAGS = new Set(["--data", "--out", "--output", "--notebook"]);

/**
 * The command running `deno task <task> <args>` in a checkout (this one or a baseline), with
 * the Deno running the bench. Paths in `args` must be absolute: `deno task` passes on the
 * bench's INIT_CWD, against which the render task resolves relative paths.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const command = taskCommand("/tmp/base", "render", ["--out", "/tmp/out"]);
 * assert.equal(command.cwd, "/tmp/base");
 * assert.deepEqual(command.args, ["task", "render", "--out", "/tmp/out"]);
 * assert.throws(() => taskCommand("/tmp/base", "render", ["--out", "out"]), /absolute/);
 * ```
 */
export function taskCommand(
  dir: string,
  task: string,
  args: readonly string[],
  env?: Record<string, string>,
): Command {
  const relative = args.findIndex((arg, i) => PATH_FLAGS.has(args[i - 1]) && !isAbsolute(arg));
  if (relative >= 0) {
    throw new Error(`deno task ${task}: give ${args[relative - 1]} as an absolute path`);
  }
  return { cmd: Deno.execPath(), args: ["task", task, ...args], cwd: dir, env };
}
