/**
 * Checks `--out` before any computing: it must name a folder (existing, or creatable under an
 * existing folder) that this process can write in.
 * @module
 */
import { dirname, join, resolve } from "node:path";
import { quoted, UsageError } from "./args.ts";
import { OutputError, reason } from "../lib/export/output_error.ts";

/** Longest file name (bytes) and path (bytes) accepted, as on Linux and macOS. */
export const NAME_MAX = 255, PATH_MAX = 4095;

async function statOrUndefined(path: string): Promise<Deno.FileInfo | undefined> {
  try {
    return await Deno.stat(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    if (error instanceof Deno.errors.NotADirectory) return undefined;
    throw new OutputError(path, reason(error));
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
    if (info?.isDirectory) return path;
    if (info) {
      const where = path === out ? "is a file" : `is under ${quoted(path)}, which is a file`;
      throw new UsageError(`--out ${quoted(out)} ${where}, not a folder`);
    }
    if (dirname(path) === path) return path;
  }
}

/**
 * Checks `out` as {@link usableFolder} does, then that files can be created in it (or in its
 * nearest existing folder): a read-only folder is an {@link OutputError} naming it.
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
}
