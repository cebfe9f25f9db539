/**
 * All-or-nothing output: the output folder holds either the complete previous set of outputs or
 * the complete new set, never a mix, whatever happens (a failed write, SIGKILL, Ctrl-C, two runs
 * at once). The new files are staged in a hidden folder; a journal names the swap; the old
 * outputs are set aside, the new ones moved in, and removing the journal commits. A run that dies
 * mid-swap leaves the journal, and the next run rolls the swap back before it starts.
 * @module
 */
import { basename, dirname, join } from "node:path";
import {
  exists,
  isOutputName,
  type Journal,
  JOURNAL_FILE,
  MANIFEST_FILE,
  manifestText,
  readManifest,
  recover,
  rollBack,
  stageName,
} from "./journal.ts";
import { acquireLock, releaseLock } from "./lock.ts";
import { OutputError, reason } from "./output_error.ts";

/** One output file: its name in the output folder and its content. */
export interface OutputFile {
  name: string;
  content: string | Uint8Array;
}

/** Called before each change to the folder; throwing there aborts the write like a failed change. */
export type Checkpoint = (step: number, label: string) => void | Promise<void>;

/** Options of {@link writeOutputsAtomic}. */
export interface WriteOptions {
  /** A hook before every change (tests inject failures and kills at each step with it). */
  checkpoint?: Checkpoint;
}

/** What a write did: the paths written, and the earlier outputs it removed (not written again). */
export interface WriteResult {
  written: string[];
  removed: string[];
}

async function io<T>(path: string, action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw error instanceof OutputError ? error : new OutputError(path, reason(error));
  }
}

/**
 * Writes a file with the synchronous call: the write phase runs once the outputs are ready, with
 * nothing else for this thread to do, and each asynchronous call would cost a round trip to the
 * runtime's I/O threads (tens of files: 20-30 ms of the render). Signals still reach their
 * listener between steps (see `swap` and `interrupt.ts`).
 */
function writeFile(path: string, content: string | Uint8Array): void {
  if (typeof content === "string") Deno.writeTextFileSync(path, content);
  else Deno.writeFileSync(path, content);
}

/**
 * Writes one file atomically: to a temporary name beside it, then renamed over the target.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const out = await Deno.makeTempDir();
 * try {
 *   await writeFileAtomic(`${out}/summary.json`, "{}");
 *   assert.equal(await Deno.readTextFile(`${out}/summary.json`), "{}");
 *   assert.deepEqual(await Array.fromAsync(Deno.readDir(out), (e) => e.name), ["summary.json"]);
 * } finally {
 *   await Deno.remove(out, { recursive: true });
 * }
 * ```
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temp = `${path}.tmp-${crypto.randomUUID()}`;
  try {
    writeFile(temp, content);
    await Deno.rename(temp, path);
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw error;
  }
}

/** The folders `mkdir -p dir` would create, outermost first. */
async function missingFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let d = dir; !await exists(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  return missing;
}

/** The names among `names` present in `dir` as files (to set aside); a folder in the way of a new output is an error. */
async function presentFiles(dir: string, names: string[], incoming: Set<string>) {
  const present: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const info = await io(path, () => {
      try {
        return Deno.lstatSync(path);
      } catch (error) {
        if (error instanceof Deno.errors.NotFound) return undefined;
        throw error;
      }
    });
    if (!info) continue;
    if (info.isDirectory) {
      if (incoming.has(name)) {
        throw new OutputError(path, "is a folder; an output file cannot replace it");
      }
      continue;
    }
    present.push(name);
  }
  return present;
}

async function swap(
  dir: string,
  files: readonly OutputFile[],
  step: (label: string) => Promise<void>,
) {
  const names = files.map((f) => f.name);
  await step("create the staging folder");
  const stage = join(dir, stageName());
  await io(stage, () => Deno.mkdir(stage));
  let journal: Journal | undefined;
  try {
    await io(stage, async () => {
      await Deno.mkdir(join(stage, "new"));
      await Deno.mkdir(join(stage, "old"));
    });
    const staged = [...files, { name: MANIFEST_FILE, content: manifestText(names) }];
    for (const file of staged) {
      await step(`stage ${file.name}`);
      await io(join(dir, file.name), () => writeFile(join(stage, "new", file.name), file.content));
    }
    const previous = await io(join(dir, MANIFEST_FILE), () => readManifest(dir));
    const incoming = new Set(staged.map((f) => f.name));
    const old = await presentFiles(dir, [...new Set([...previous, ...incoming])], incoming);
    const planned: Journal = { stage: basename(stage), old, new: [...incoming] };
    await step("write the journal");
    await io(stage, () => Deno.writeTextFile(join(stage, "journal"), JSON.stringify(planned)));
    // Before the point of no return, a timer's turn of the event loop: a signal that came while
    // staging (synchronous writes) reaches its listener, and the old outputs stay untouched.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await step("put the journal in place");
    await io(
      join(dir, JOURNAL_FILE),
      () => Deno.rename(join(stage, "journal"), join(dir, JOURNAL_FILE)),
    );
    journal = planned;
    for (const name of old) {
      await step(`set aside ${name}`);
      await io(
        join(dir, name),
        () => Deno.renameSync(join(dir, name), join(stage, "old", name)),
      );
    }
    for (const name of journal.new) {
      await step(`move in ${name}`);
      await io(
        join(dir, name),
        () => Deno.renameSync(join(stage, "new", name), join(dir, name)),
      );
    }
    await step("commit (remove the journal)");
    await io(join(dir, JOURNAL_FILE), () => Deno.remove(join(dir, JOURNAL_FILE)));
    journal = undefined;
    const removed = previous.filter((n) => old.includes(n) && !incoming.has(n));
    return { written: names.map((n) => join(dir, n)), removed: removed.map((n) => join(dir, n)) };
  } catch (error) {
    if (journal) {
      await rollBack(dir, journal).catch(() => {
        throw new OutputError(
          join(dir, JOURNAL_FILE),
          `${error instanceof Error ? error.message : error}; the old outputs could not be put ` +
            "back yet: the next render restores them",
        );
      });
      journal = undefined;
    }
    throw error;
  } finally {
    if (!journal) {
      await step("remove the staging folder").catch(() => {});
      await Deno.remove(stage, { recursive: true }).catch(() => {});
    }
  }
}

/**
 * Writes a set of files into `dir` (created if needed) all-or-nothing, under the folder's lock,
 * after rolling back whatever a killed run left. Outputs of the previous run (its manifest) that
 * are not written again are removed; no other file of the folder is touched. On failure the
 * folder holds the previous outputs, exactly, and an {@link OutputError} names the path.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const out = await Deno.makeTempDir();
 * try {
 *   await writeOutputsAtomic(out, [{ name: "a.csv", content: "x\n1\n" }]);
 *   const again = await writeOutputsAtomic(out, [{ name: "b.csv", content: "y\n2\n" }]);
 *   assert.deepEqual(again, { written: [`${out}/b.csv`], removed: [`${out}/a.csv`] });
 *   assert.equal(await Deno.readTextFile(`${out}/b.csv`), "y\n2\n");
 * } finally {
 *   await Deno.remove(out, { recursive: true });
 * }
 * ```
 */
export async function writeOutputsAtomic(
  dir: string,
  files: readonly OutputFile[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const seen = new Set<string>();
  for (const { name } of files) {
    if (!isOutputName(name) || seen.has(name)) {
      throw new OutputError(join(dir, name), "not a plain, unique output file name");
    }
    seen.add(name);
  }
  let n = 0;
  // Each step lets the event loop turn first (microseconds; setImmediate), so a signal that came
  // during a synchronous step can reach its listener (interrupt.ts) at one of the next steps.
  const step = async (label: string) => {
    await new Promise((resolve) => setImmediate(resolve));
    await options.checkpoint?.(++n, label);
  };
  const created = await missingFolders(dir);
  let done = false;
  try {
    await step("create the output folder");
    for (const folder of created) await io(folder, () => Deno.mkdir(folder));
    await step("take the lock");
    const lock = await io(dir, () => acquireLock(dir));
    try {
      await step("recover from an earlier run");
      await io(dir, () => recover(dir));
      const result = await swap(dir, files, step);
      done = true;
      return result;
    } finally {
      await releaseLock(lock);
    }
  } finally {
    if (!done) {
      for (const folder of created.reverse()) await Deno.remove(folder).catch(() => {});
    }
  }
}

/**
 * Brings an existing output folder back to a complete set before anything else: under the
 * folder's lock, rolls back the swap of a render that was killed mid-swap (its journal) and
 * removes leftover staging folders. Another render holding the lock is an {@link OutputError}
 * (a clear refusal, before any computing). A folder that does not exist has nothing to recover.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const out = await Deno.makeTempDir();
 * try {
 *   await Deno.mkdir(`${out}/.render-0123456789abcdef`); // a staging folder a killed run left
 *   assert.deepEqual(await recoverOutputs(out), { rolledBack: false, stagesRemoved: 1 });
 *   assert.deepEqual(await recoverOutputs(out), { rolledBack: false, stagesRemoved: 0 });
 * } finally {
 *   await Deno.remove(out, { recursive: true });
 * }
 * ```
 */
export async function recoverOutputs(
  dir: string,
): Promise<{ rolledBack: boolean; stagesRemoved: number }> {
  if (!await exists(dir)) return { rolledBack: false, stagesRemoved: 0 };
  const lock = await io(dir, () => acquireLock(dir));
  try {
    return await io(dir, () => recover(dir));
  } finally {
    await releaseLock(lock);
  }
}
