/**
 * The output folder's lock: one render at a time writes a folder. An advisory lock (flock) on a
 * hidden file, so the operating system releases it when the process dies, even by SIGKILL.
 * @module
 */
import { join } from "node:path";
import { OutputError } from "./output_error.ts";

/** The lock file's name inside the output folder. */
export const LOCK_FILE = ".sweep-outputs.lock";

/** A held lock; {@link releaseLock} gives it back. */
export interface OutputLock {
  path: string;
  file: Deno.FsFile;
}

async function sameFile(file: Deno.FsFile, path: string): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([file.stat(), Deno.stat(path)]);
    return a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false;
  }
}

/**
 * Takes the folder's lock without waiting. Another render holding it is a clear refusal (an
 * {@link OutputError}). A lock file that a finished run removed meanwhile is taken again.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { OutputError } from "./output_error.ts";
 * const out = await Deno.makeTempDir();
 * try {
 *   const lock = await acquireLock(out);
 *   try {
 *     await assert.rejects(acquireLock(out), OutputError); // a second render is refused
 *   } finally {
 *     await releaseLock(lock);
 *   }
 * } finally {
 *   await Deno.remove(out, { recursive: true });
 * }
 * ```
 */
export async function acquireLock(dir: string): Promise<OutputLock> {
  const path = join(dir, LOCK_FILE);
  for (;;) {
    const file = await Deno.open(path, { create: true, write: true });
    if (!await file.tryLock(true)) {
      file.close();
      throw new OutputError(
        path,
        "another render is writing this folder; try again when it has finished",
      );
    }
    if (await sameFile(file, path)) return { path, file };
    file.close();
  }
}

/**
 * Removes the lock file, then unlocks (in that order, so a waiting run that opened the removed
 * file notices and takes the new one).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const out = await Deno.makeTempDir();
 * try {
 *   await releaseLock(await acquireLock(out));
 *   assert.deepEqual(await Array.fromAsync(Deno.readDir(out)), []); // the lock file is gone
 * } finally {
 *   await Deno.remove(out, { recursive: true });
 * }
 * ```
 */
export async function releaseLock(lock: OutputLock): Promise<void> {
  await Deno.remove(lock.path).catch(() => {});
  lock.file.close();
}
