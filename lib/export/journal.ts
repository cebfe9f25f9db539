/**
 * The output folder's records: the manifest of what the tool wrote, and the journal of a swap in
 * progress, which the next run (or the failing run itself) rolls back.
 * @module
 */
import { join } from "node:path";
import { OutputError } from "./output_error.ts";

/** The manifest: the names of the outputs the last complete run wrote. */
export const MANIFEST_FILE = ".sweep-outputs.json";
/** The journal: present only while a run swaps old outputs for new ones. */
export const JOURNAL_FILE = ".sweep-outputs.journal";
/** Staging folders: `.render-` and 8 to 16 hex digits (also those of earlier versions). */
export const STAGE_PATTERN = /^\.render-[0-9a-f]{8,16}$/;

/**
 * A new staging folder's name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(STAGE_PATTERN.test(stageName()));
 * assert.ok(stageName().startsWith(".render-"));
 * ```
 */
export function stageName(): string {
  return `.render-${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
}

/** What a swap moves: the staging folder's name, the old names set aside, the new names. */
export interface Journal {
  stage: string;
  old: string[];
  new: string[];
}

/**
 * Whether a name is a plain output name: no folder part, not hidden (hidden names are the tool's).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(isOutputName("best_layers.csv"), true);
 * assert.equal(isOutputName("../x"), false);
 * ```
 */
export function isOutputName(name: string): boolean {
  return name !== "" && !/[/\\]/.test(name) && !name.startsWith(".");
}

/** Whether `path` exists (without following a final symlink). */
export async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/**
 * The names in the folder's manifest: empty when there is none (a folder never rendered, or
 * rendered by a version without manifests); names that are not plain output names are ignored.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { writeOutputsAtomic } from "./atomic.ts";
 * const out = await Deno.makeTempDir();
 * try {
 *   assert.deepEqual(await readManifest(out), []); // no render wrote here yet
 *   await writeOutputsAtomic(out, [{ name: "b.csv", content: "" }, { name: "a.csv", content: "" }]);
 *   assert.deepEqual(await readManifest(out), ["b.csv", "a.csv"]); // in the order written
 * } finally {
 *   await Deno.remove(out, { recursive: true });
 * }
 * ```
 */
export async function readManifest(dir: string): Promise<string[]> {
  let text: string;
  try {
    text = await Deno.readTextFile(join(dir, MANIFEST_FILE));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
  try {
    const files = JSON.parse(text).files;
    return Array.isArray(files)
      ? files.filter((f) => typeof f === "string" && isOutputName(f))
      : [];
  } catch {
    return [];
  }
}

/**
 * The manifest's text for a set of output names.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   manifestText(["a.csv"]),
 *   '{\n  "tool": "deno task render",\n  "files": [\n    "a.csv"\n  ]\n}\n',
 * );
 * ```
 */
export function manifestText(names: readonly string[]): string {
  return JSON.stringify({ tool: "deno task render", files: names }, null, 2) + "\n";
}

async function readJournal(dir: string): Promise<Journal | undefined> {
  let text: string;
  try {
    text = await Deno.readTextFile(join(dir, JOURNAL_FILE));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
  const j = JSON.parse(text);
  const names = (xs: unknown) =>
    Array.isArray(xs)
      ? xs.filter((x) => typeof x === "string" && (isOutputName(x) || x === MANIFEST_FILE))
      : [];
  if (typeof j.stage !== "string" || !STAGE_PATTERN.test(j.stage)) return undefined;
  return { stage: j.stage, old: names(j.old), new: names(j.new) };
}

/**
 * Undoes a swap: removes the new outputs already moved in, moves the old ones back, then removes
 * the journal. Safe to repeat after a crash at any point of it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const out = await Deno.makeTempDir();
 * try {
 *   const stage = ".render-0123456789abcdef";
 *   await Deno.mkdir(`${out}/${stage}/old`, { recursive: true });
 *   await Deno.writeTextFile(`${out}/${stage}/old/a.csv`, "old\n"); // set aside before the swap
 *   await Deno.writeTextFile(`${out}/a.csv`, "new\n"); // moved in before the crash
 *   await Deno.writeTextFile(`${out}/${JOURNAL_FILE}`, "{}");
 *   await rollBack(out, { stage, old: ["a.csv"], new: ["a.csv"] });
 *   assert.equal(await Deno.readTextFile(`${out}/a.csv`), "old\n");
 *   assert.equal(await exists(`${out}/${JOURNAL_FILE}`), false);
 * } finally {
 *   await Deno.remove(out, { recursive: true });
 * }
 * ```
 */
export async function rollBack(dir: string, journal: Journal): Promise<void> {
  const stage = join(dir, journal.stage);
  if (!await exists(stage)) {
    throw new OutputError(
      join(dir, JOURNAL_FILE),
      `an interrupted render's staging folder ${journal.stage} is missing, so its old outputs ` +
        "cannot be put back: check the outputs, then remove this journal",
    );
  }
  for (const name of journal.new) {
    if (!await exists(join(stage, "new", name)) && await exists(join(dir, name))) {
      await Deno.remove(join(dir, name));
    }
  }
  for (const name of journal.old) {
    if (await exists(join(stage, "old", name))) {
      await Deno.rename(join(stage, "old", name), join(dir, name));
    }
  }
  await Deno.remove(join(dir, JOURNAL_FILE));
}

/**
 * Brings a folder back to a complete set after a run that died: rolls back an unfinished swap
 * (journal present), then removes every staging folder left behind. Returns what it did.
 * Call it only while holding the folder's lock.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const out = await Deno.makeTempDir();
 * try {
 *   assert.deepEqual(await recover(out), { rolledBack: false, stagesRemoved: 0 }); // a clean folder
 *   await Deno.mkdir(`${out}/.render-0123456789abcdef`); // left by a killed run
 *   assert.deepEqual(await recover(out), { rolledBack: false, stagesRemoved: 1 });
 * } finally {
 *   await Deno.remove(out, { recursive: true });
 * }
 * ```
 */
export async function recover(
  dir: string,
): Promise<{ rolledBack: boolean; stagesRemoved: number }> {
  const journal = await readJournal(dir);
  if (journal) await rollBack(dir, journal);
  else await Deno.remove(join(dir, JOURNAL_FILE)).catch(() => {});
  let stagesRemoved = 0;
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isDirectory && STAGE_PATTERN.test(entry.name)) {
      await Deno.remove(join(dir, entry.name), { recursive: true });
      stagesRemoved++;
    }
  }
  return { rolledBack: journal !== undefined, stagesRemoved };
}
