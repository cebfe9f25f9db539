/**
 * What is at a path (a regular file, a folder, a FIFO...), following symbolic links, and the
 * subfolders of a folder as a shell glob sees them: links to folders included, hidden names not.
 * @module
 */
import { join } from "node:path";
import { SweepDataError } from "./errors.ts";
import { compareStrings } from "./layout.ts";

/** What a path holds, after following symbolic links. */
export type PathKind =
  | "file"
  | "folder"
  | "missing"
  | "broken link"
  | "FIFO"
  | "socket"
  | "device"
  | "special file";

/**
 * The kind of thing at `path`, following symbolic links.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(await pathKind("results"), "folder");
 * assert.equal(await pathKind("/no/such/file"), "missing");
 * ```
 */
export async function pathKind(path: string): Promise<PathKind> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(path);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    try {
      return (await Deno.lstat(path)).isSymlink ? "broken link" : "missing";
    } catch {
      return "missing";
    }
  }
  if (info.isFile) return "file";
  if (info.isDirectory) return "folder";
  if (info.isFifo) return "FIFO";
  if (info.isSocket) return "socket";
  if (info.isBlockDevice || info.isCharDevice) return "device";
  return "special file";
}

/**
 * Throws a {@link SweepDataError} unless `path` is a regular file (after following links),
 * saying what it is instead.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * await assert.rejects(assertRegularFile("results"), {
 *   message: "results: is a folder, not a regular file",
 * });
 * ```
 */
export async function assertRegularFile(path: string): Promise<void> {
  const kind = await pathKind(path);
  if (kind === "file") return;
  const problem = kind === "missing"
    ? "does not exist"
    : kind === "broken link"
    ? "is a symbolic link to nothing (its target does not exist)"
    : `is a ${kind}, not a regular file`;
  throw new SweepDataError(problem, { file: path });
}

/**
 * The names of `dir`'s subfolders, sorted by code unit: symbolic links to folders count (as a
 * shell glob and pandas' paths follow them); hidden names (starting with ".") are skipped.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(await subfolders("results/logit_diff_sweep"), [
 *   "corrigible",
 *   "self_awareness",
 *   "sycophancy",
 * ]);
 * ```
 */
export async function subfolders(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.name.startsWith(".")) continue;
    const folder = entry.isDirectory ||
      (entry.isSymlink && (await pathKind(join(dir, entry.name))) === "folder");
    if (folder) names.push(entry.name);
  }
  return names.sort(compareStrings);
}
