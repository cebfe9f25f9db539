/**
 * Checks `--out` before any computing: it must name a folder (existing, or creatable under an
 * existing folder) that this process can write in.
 * @module
 */
import { dirname, join, resolve } from "node:path";
import { quoted, UsageError } from "./args.ts";
import { recoverOutputs } from "../lib/export/atomic.ts";
import { OutputError, reason } from "../lib/export/output_error.ts";

/** Longest file name (bytes) and path (bytes) accepted, as on Linux and macOS. */
export const NAME_MAX = 255, PATH_MAX = 4095;

/**
 * What is at `path` (links followed): its info, undefined when nothing is there, "dangling" for a
 * symbolic link to nothing, "system" for a path Deno keeps from tasks (/proc, /dev: --allow-all).
 */
async function statOrUndefined(
  path: string,
): Promise<Deno.FileInfo | "dangling" | "system" | undefined> {
  try {
    return await Deno.stat(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotCapable) return "system";
    if (error instanceof Deno.errors.NotADirectory) return undefined;
    if (!(error instanceof Deno.errors.NotFound)) throw new OutputError(path, reason(error));
    const link = await Deno.lstat(path).then((info) => info.isSymlink, () => false);
    return link ? "dangling" : undefined;
  }
}

/**
 * Throws a {@link UsageError} when `out` cannot name a folder: empty, a name too long, a file, or
 * under a file. Returns the nearest existing folder (`out` itself when it exists).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * try {
 *   assert.equal(await usableFolder(`${dir}/new/out`), dir); // the nearest existing folder
 *   await Deno.writeTextFile(`${dir}/file`, "");
 *   await assert.rejects(usableFolder(`${dir}/file/out`), { name: "UsageError" });
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function usableFolder(out: string): Promise<string> {
  if (out === "") throw new UsageError("--out needs a folder, not an empty string");
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  const long = resolve(out).split("/").find((name) => bytes(name) > NAME_MAX);
  if (long !== undefined || bytes(resolve(out)) > PATH_MAX) {
    const what = long === undefined ? `the path is over ${PATH_MAX}` : `a name is over ${NAME_MAX}`;
    throw new UsageError(`--out ${quoted(out)}: ${what} bytes long`);
  }
  for (let path = out;; path = dirname(path)) {
    const info = await statOrUndefined(path);
    if (typeof info === "object" && info.isDirectory) return path;
    if (info) {
      const what = info === "dangling"
        ? "a symbolic link to nothing (its target does not exist)"
        : info === "system"
        ? "a system path this task may not use (Deno asks --allow-all for it)"
        : "a file";
      const where = path === out ? `is ${what}` : `is under ${quoted(path)}, which is ${what}`;
      throw new UsageError(`--out ${quoted(out)} ${where}, not a folder`);
    }
    if (dirname(path) === path) return path;
  }
}

/**
 * Checks `out` as {@link usableFolder} does, then that files can be created in it (or in its
 * nearest existing folder): a read-only folder is an {@link OutputError} naming it. Then, before
 * any computing, brings an existing `out` back to a complete set of outputs (rolls back a render
 * killed mid-swap, with a line saying so) and refuses if another render is writing it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * try {
 *   await checkOutFolder(`${dir}/out`); // creatable under a writable folder
 *   assert.deepEqual(await Array.fromAsync(Deno.readDir(dir)), []); // the probe file is gone
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function checkOutFolder(out: string): Promise<void> {
  const folder = await usableFolder(out);
  const probe = join(folder, `.sweep-outputs.probe-${crypto.randomUUID()}`);
  try {
    await Deno.writeFile(probe, new Uint8Array(), { createNew: true });
  } catch (error) {
    throw new OutputError(folder, `cannot write here: ${reason(error)}`);
  }
  await Deno.remove(probe).catch(() => {});
  if (folder !== out) return;
  const { rolledBack, stagesRemoved } = await recoverOutputs(out);
  if (rolledBack) {
    console.error(`recovered ${out}: a render killed mid-swap was rolled back (old outputs back)`);
  } else if (stagesRemoved > 0) {
    console.error(
      `recovered ${out}: removed ${stagesRemoved} staging folder(s) of a killed render`,
    );
  }
}
