/**
 * Hostile report on issue 9, defect 2: the exact guarantee of the README's "Outputs: all or
 * nothing". At every instant the folder shows the complete old set, the complete new set, or a
 * journal (`.sweep-outputs.journal`) that marks a swap in progress or killed; a render killed
 * mid-swap is rolled back by the next `deno task render` before anything else (even one that then
 * fails on its data), or by `deno task render --recover --out DIR`, which does nothing else.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { JOURNAL_FILE } from "../lib/export/journal.ts";
import { snapshot } from "./helpers/folder_snapshot.ts";
import { inTempDir, tempSweep } from "./helpers/temp_sweep.ts";

const RENDER = new URL("../cli/render.ts", import.meta.url).pathname;
const DRIVER = new URL("./helpers/write_driver.ts", import.meta.url).pathname;
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

async function run(script: string, args: string[], fault?: string) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, ...args],
    env: fault ? { SWEEP_WRITE_FAULT: fault } : {},
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, signal: out.signal, err: decode(out.stderr) };
}

/** The visible (not hidden) files of a folder, with their bytes. */
async function visible(dir: string) {
  const all = await snapshot(dir);
  return Object.fromEntries(Object.entries(all).filter(([name]) => !name.startsWith(".")));
}

const exists = (path: string) => Deno.lstat(path).then(() => true, () => false);

Deno.test("defect 2: after a kill at any write step the folder shows old, new, or a journal", () =>
  inTempDir(async (root) => {
    const source = async (name: string, files: Record<string, string>) => {
      await Deno.writeTextFile(join(root, name), JSON.stringify(files));
      return join(root, name);
    };
    const OLD = await source("old.json", { "a.csv": "1\n", "b.json": "{}", "f.svg": "<svg/>" });
    const NEW = await source("new.json", { "a.csv": "2\n", "b.json": "[]", "c.csv": "c\n" });
    const setUp = async (dir: string, files: string) => {
      await Deno.mkdir(dir, { recursive: true });
      await Deno.writeTextFile(join(dir, "mine.txt"), "mine");
      assert.equal((await run(DRIVER, [dir, files])).code, 0);
      return await visible(dir);
    };
    const before = await setUp(join(root, "old"), OLD), after = await setUp(join(root, "new"), NEW);
    const steps = (await run(DRIVER, [join(root, "list"), NEW], "list")).err.trim().split("\n");
    let mixes = 0;
    for (let k = 1; k <= steps.length; k++) {
      const dir = join(root, `kill-${k}`);
      await setUp(dir, OLD);
      assert.equal((await run(DRIVER, [dir, NEW], `kill:${k}`)).signal, "SIGKILL");
      const shown = await visible(dir);
      const complete = [before, after].some((set) => JSON.stringify(set) === JSON.stringify(shown));
      if (!complete) mixes++;
      assert.ok(complete || await exists(join(dir, JOURNAL_FILE)), `kill at ${steps[k - 1]}`);
    }
    assert.ok(mixes > 0, "some kills do land mid-swap (the journal is what marks them)");
  }));

Deno.test("defect 2: render --recover, or the next render before loading, rolls a killed swap back", () =>
  inTempDir(async (root) => {
    const data = await tempSweep();
    try {
      const out = join(root, "out");
      const render = (args: string[], fault?: string) =>
        run(RENDER, ["--data", data, "--out", out, "--no-figures", ...args], fault);
      assert.equal((await render(["--resamples", "10"])).code, 0);
      const steps = (await render(["--resamples", "10", "--seed", "2"], "list")).err
        .split("\n").filter((l) => l.startsWith("write step"));
      assert.equal((await render(["--resamples", "10"])).code, 0); // the list run wrote seed 2
      const old = await snapshot(out);
      const midSwap = steps.findIndex((l) => / move in /.test(l)) + 2; // one new file moved in
      const kill = () => render(["--resamples", "10", "--seed", "2"], `kill:${midSwap}`);
      assert.equal((await kill()).signal, "SIGKILL");
      assert.ok(await exists(join(out, JOURNAL_FILE)), "a killed swap leaves its journal");
      const oldVisible = Object.fromEntries(
        Object.entries(old).filter(([n]) => !n.startsWith(".")),
      );
      assert.notDeepEqual(await visible(out), oldVisible, "killed mid-swap: a mix is visible");
      const recovered = await run(RENDER, ["--recover", "--out", out]);
      assert.equal(recovered.code, 0, recovered.err);
      assert.match(recovered.err, /rolled back/);
      assert.deepEqual(await snapshot(out), old, "--recover restores the old set exactly");
      // The next render recovers first, even when it then fails on its data.
      assert.equal((await kill()).signal, "SIGKILL");
      const failing = await run(RENDER, ["--data", join(root, "nowhere"), "--out", out]);
      assert.equal(failing.code, 1, failing.err);
      assert.deepEqual(await snapshot(out), old, "the failing render left the old set, recovered");
    } finally {
      await Deno.remove(data, { recursive: true });
    }
  }));
