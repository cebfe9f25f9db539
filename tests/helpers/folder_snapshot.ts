/** Test helper: every file under a folder (recursively) with its bytes, as a sorted record. */
import { join } from "node:path";

/** `{ "sub/name": "content" }` for every file under `dir`; folders appear as `"sub/"`: `"<dir>"`. */
export async function snapshot(dir: string, prefix = ""): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = [];
  for await (const e of Deno.readDir(dir)) entries.push(e);
  entries.sort((a, b) => a.name < b.name ? -1 : 1);
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory) {
      out[`${prefix}${e.name}/`] = "<dir>";
      Object.assign(out, await snapshot(path, `${prefix}${e.name}/`));
    } else {
      out[prefix + e.name] = Array.from(await Deno.readFile(path)).join(",");
    }
  }
  return out;
}
