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
  | "special file"
  | "symbolic link loop"
  | "unreadable";

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
    if (error instanceof Deno.errors.FilesystemLoop) return "symbolic link loop";
    if (error instanceof Deno.errors.PermissionDenied) return "unreadable";
    if (error instanceof Deno.errors.NotADirectory) return "missing";
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
  const problem = kind === "missing" || kind === "unreadable"
    ? describeKind(kind)
    : `is ${describeKind(kind)}${kind === "broken link" ? "" : ", not a regular file"}`;
  throw new SweepDataError(problem, { file: path });
}

/** An entry of a folder: its name, its path and what it holds (links followed). */
export interface FolderEntry {
  name: string;
  path: string;
  kind: PathKind;
}

/**
 * The entries of `dir` but hidden ones (names starting with "."), sorted by name (code unit),
 * each with what it holds after following links: a link to a folder is a `"folder"`, a link that
 * loops a `"symbolic link loop"`. A `dir` that cannot be read is a {@link SweepDataError} naming
 * it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const entries = await folderEntries("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B");
 * assert.deepEqual(entries.map((e) => `${e.name}: ${e.kind}`), [
 *   "layer_summary.csv: file",
 *   "per_sample_all_layers.csv: file",
 *   "summary.json: file",
 * ]);
 * ```
 */
export async function folderEntries(dir: string): Promise<FolderEntry[]> {
  const entries: FolderEntry[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      const kind: PathKind = entry.isSymlink || !(entry.isDirectory || entry.isFile)
        ? await pathKind(path)
        : entry.isDirectory
        ? "folder"
        : "file";
      entries.push({ name: entry.name, path, kind });
    }
  } catch (error) {
    if (error instanceof SweepDataError) throw error;
    throw new SweepDataError(`cannot list this folder: ${errorReason(error)}`, { file: dir });
  }
  return entries.sort((a, b) => compareStrings(a.name, b.name));
}

/**
 * The names of `dir`'s subfolders, sorted by code unit: symbolic links to folders count (as a
 * shell glob and pandas' paths follow them); hidden names (starting with ".") are skipped, and so
 * is a link that loops or cannot be followed, with a note in `notes` naming it. A `dir` that
 * cannot be read is a {@link SweepDataError} naming it.
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
export async function subfolders(dir: string, notes: string[] = []): Promise<string[]> {
  const names: string[] = [];
  for (const { name, path, kind } of await folderEntries(dir)) {
    if (kind === "symbolic link loop" || kind === "unreadable") {
      notes.push(`note: skipped ${path}: ${describeKind(kind)}`);
    }
    if (kind === "folder") names.push(name);
  }
  return names;
}

/**
 * A path kind in words, for a message.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   describeKind("symbolic link loop"),
 *   "a symbolic link loop (a link that leads back to itself)",
 * );
 * assert.equal(describeKind("missing"), "does not exist");
 * ```
 */
export function describeKind(kind: PathKind): string {
  if (kind === "symbolic link loop") {
    return "a symbolic link loop (a link that leads back to itself)";
  }
  if (kind === "unreadable") return "cannot be read (permission denied)";
  if (kind === "broken link") return "a symbolic link to nothing (its target does not exist)";
  return kind === "missing" ? "does not exist" : `a ${kind}`;
}

/** The reason of a file-system error in our words, without Deno's "(os error N)" and path. */
function errorReason(error: unknown): string {
  if (error instanceof Deno.errors.PermissionDenied) return "permission denied";
  if (error instanceof Deno.errors.FilesystemLoop) return "a symbolic link loop";
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/ \(os error \d+\).*$/, "").toLowerCase();
}
