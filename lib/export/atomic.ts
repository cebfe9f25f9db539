/**
 * Atomic output: every file is written to a temporary folder first and renamed into place only
 * when all were written, so a failed run leaves the output folder as it was.
 * @module
 */
import { join } from "node:path";

/** One output file: its name in the output folder and its content. */
export interface OutputFile {
  name: string;
  content: string | Uint8Array;
}

/**
 * Writes one file atomically: to a temporary name beside it, then renamed over the target.
 *
 * @example
 * ```ts
 * await writeFileAtomic("out/summary.json", "{}");
 * ```
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temp = `${path}.tmp-${crypto.randomUUID()}`;
  try {
    if (typeof content === "string") await Deno.writeTextFile(temp, content);
    else await Deno.writeFile(temp, content);
    await Deno.rename(temp, path);
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw error;
  }
}

/**
 * Writes a set of files into `dir` (created if needed): all go into a temporary folder inside
 * `dir`, then each is renamed into place. On any failure the temporary folder is removed and
 * nothing in `dir` changes. Returns the paths written.
 *
 * @example
 * ```ts
 * await writeOutputsAtomic("out", [{ name: "a.csv", content: "x\n1\n" }]); // ["out/a.csv"]
 * ```
 */
export async function writeOutputsAtomic(
  dir: string,
  files: readonly OutputFile[],
): Promise<string[]> {
  await Deno.mkdir(dir, { recursive: true });
  const staging = await Deno.makeTempDir({ dir, prefix: ".render-" });
  try {
    for (const file of files) {
      const path = join(staging, file.name);
      if (typeof file.content === "string") await Deno.writeTextFile(path, file.content);
      else await Deno.writeFile(path, file.content);
    }
    const written: string[] = [];
    for (const file of files) {
      const target = join(dir, file.name);
      await Deno.rename(join(staging, file.name), target);
      written.push(target);
    }
    return written;
  } finally {
    await Deno.remove(staging, { recursive: true }).catch(() => {});
  }
}
