/**
 * Hostile report on issue 9: defect 12 (a dangling-symlink --out passed the up-front check, then
 * failed after computing) and defect 13 (`--out /proc/version` gave Deno's "--allow-all" hint with
 * exit 1; a UTF-16 CSV was called "binary data").
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { UsageError } from "../cli/args.ts";
import { checkOutFolder } from "../cli/out_folder.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { readCsvFile } from "../lib/sweep/csv_file.ts";
import { looksUtf16 } from "../lib/sweep/text.ts";
import { inTempDir } from "./helpers/temp_sweep.ts";

const RENDER = new URL("../cli/render.ts", import.meta.url).pathname;

/** Runs the render task as `deno task render` runs it (its permissions), from the project. */
async function render(args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-write", "--allow-env", "--allow-ffi", "--allow-sys"]
      .concat(RENDER, args),
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, err: new TextDecoder().decode(out.stderr), out: out.stdout };
}

Deno.test("defect 12: a dangling-symlink --out (or one under it) is a usage error up front", () =>
  inTempDir(async (root) => {
    const link = join(root, "out");
    await Deno.symlink(join(root, "nowhere"), link);
    for (const out of [link, join(link, "sub")]) {
      await assert.rejects(checkOutFolder(out), (e: unknown) => {
        assert.ok(e instanceof UsageError);
        assert.match(e.message, /symbolic link to nothing/);
        return true;
      });
      const run = await render(["--out", out, "--no-figures"]);
      assert.equal(run.code, 2, run.err);
      assert.equal(run.out.length, 0, "nothing computed, nothing printed on stdout");
    }
    await assert.rejects(Deno.lstat(join(root, "nowhere")));
  }));

Deno.test("defect 13: --out /proc/version is a usage error in our words, exit 2", async () => {
  const run = await render(["--out", "/proc/version", "--no-figures"]);
  assert.equal(run.code, 2, run.err);
  assert.match(run.err, /^error: --out "\/proc\/version" is a system path/);
  assert.doesNotMatch(run.err, /run again with/);
});

Deno.test("defect 13: a UTF-16 CSV is said to be UTF-16, not binary data", () =>
  inTempDir(async (root) => {
    for (const [name, bom] of [["le.csv", [0xff, 0xfe]], ["nobom.csv", []]] as const) {
      const path = join(root, name);
      const text = "layer,delta\n1,2\n";
      const bytes = [...bom, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])];
      await Deno.writeFile(path, Uint8Array.from(bytes));
      await assert.rejects(readCsvFile(path, { layer: "int" }), (e: unknown) => {
        assert.ok(e instanceof SweepDataError);
        assert.equal(
          e.message,
          `${path}:1: looks like UTF-16 text (a NUL byte beside every ` +
            "character): save it as UTF-8",
        );
        return true;
      });
    }
    assert.equal(looksUtf16(Uint8Array.from([0x61, 0x0a, 0, 0x62, 0x0a, 0x63])), false);
  }));
