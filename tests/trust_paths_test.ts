/**
 * Hostile report on issue 9, defect 7: `deno task` runs in the deno.json folder, so relative
 * --data/--out must be resolved against INIT_CWD (the folder the user ran it from), not against
 * the project folder.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseRenderArgs, userPath } from "../cli/args.ts";
import { inTempDir, tempSweep } from "./helpers/temp_sweep.ts";

const CONFIG = new URL("../deno.json", import.meta.url).pathname;

/** This process' environment without INIT_CWD. */
function withoutInitCwd(): Record<string, string> {
  const env = Deno.env.toObject();
  delete env.INIT_CWD;
  return env;
}

Deno.test("defect 7: userPath resolves against INIT_CWD only when the user ran from elsewhere", () => {
  assert.equal(userPath("../d", "/p/tests", "/p"), "/p/d");
  assert.equal(userPath("d", "/p", "/p"), "d");
  assert.equal(userPath("/abs/d", "/p/tests", "/p"), "/abs/d");
  assert.equal(userPath("d", undefined, "/p"), "d");
  const args = parseRenderArgs(["--data", "sweep", "--out", "o"], "/home/u/work", "/p");
  assert.equal(args.data, "/home/u/work/sweep");
  assert.equal(args.out, "/home/u/work/o");
  assert.equal(parseRenderArgs(["--data", "s"], "/home/u", "/p").out, "/home/u/s");
});

Deno.test("defect 7: deno task render run from another folder reads and writes the user's paths", () =>
  inTempDir(async (root) => {
    const sweep = await tempSweep();
    try {
      await Deno.rename(sweep, join(root, "my sweep"));
      const { code, stderr, stdout } = await new Deno.Command(Deno.execPath(), {
        args: [
          "task",
          "-q",
          "--config",
          CONFIG,
          "render",
          "--data",
          "my sweep",
          "--out",
          "out",
          "--no-figures",
          "--resamples",
          "10",
        ],
        cwd: root,
        // As from a shell: no INIT_CWD inherited (a `deno task test` run sets one, and a nested
        // `deno task` keeps it).
        clearEnv: true,
        env: withoutInitCwd(),
        stdout: "piped",
        stderr: "piped",
      }).output();
      const text = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
      assert.equal(code, 0, text);
      assert.ok((await Deno.stat(join(root, "out", "analysis_summary.json"))).isFile);
      assert.ok(text.includes(` on ${join(root, "my sweep")} in `), text); // the task names it
    } finally {
      await Deno.remove(sweep, { recursive: true }).catch(() => {});
    }
  }));
