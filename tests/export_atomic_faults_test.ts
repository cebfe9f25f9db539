/**
 * The all-or-nothing guarantee, step by step: a failure, a kill or a Ctrl-C (waited for, or not)
 * injected at every step of the write phase leaves the folder with exactly the old set of outputs or exactly the new set (after
 * the next run's recovery), inputs and foreign files untouched, no staging folder left.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { writeOutputsAtomic } from "../lib/export/atomic.ts";
import { snapshot } from "./helpers/folder_snapshot.ts";

const DRIVER = new URL("./helpers/write_driver.ts", import.meta.url).pathname;
const OLD = { "a.csv": "old a\n", "b.json": "{}", "fig.png": "png1", "fig.svg": "<svg/>" };
const NEW = { "a.csv": "new a\n", "b.json": '{"x":1}', "c.csv": "c\n" };

async function drive(dir: string, source: string, fault?: string) {
  const { code, signal, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", DRIVER, dir, source],
    env: fault ? { SWEEP_WRITE_FAULT: fault } : {},
    stdout: "null",
    stderr: "piped",
  }).output();
  return { code, signal, err: new TextDecoder().decode(stderr) };
}

/** A folder holding inputs, a user's file and the old outputs (written by the tool). */
async function setUp(root: string, files: string) {
  const dir = join(root, "out");
  await Deno.mkdir(join(dir, "corrigible"), { recursive: true });
  await Deno.writeTextFile(join(dir, "corrigible", "per_sample.csv"), "layer\n1\n");
  await Deno.writeTextFile(join(dir, "notes.txt"), "mine");
  assert.equal((await drive(dir, files)).code, 0);
  return dir;
}

async function expected(root: string, files: Record<string, string>) {
  const dir = join(root, "expected");
  await Deno.mkdir(join(dir, "corrigible"), { recursive: true });
  await Deno.writeTextFile(join(dir, "corrigible", "per_sample.csv"), "layer\n1\n");
  await Deno.writeTextFile(join(dir, "notes.txt"), "mine");
  await writeOutputsAtomic(
    dir,
    Object.entries(files).map(([name, content]) => ({ name, content })),
  );
  const snap = await snapshot(dir);
  await Deno.remove(dir, { recursive: true });
  return snap;
}

async function writeSource(root: string, name: string, files: Record<string, string>) {
  const path = join(root, name);
  await Deno.writeTextFile(path, JSON.stringify(files));
  return path;
}

async function stepLabels(root: string, oldSource: string, newSource: string) {
  const dir = await setUp(join(root, "list"), oldSource);
  const { err } = await drive(dir, newSource, "list");
  await Deno.remove(join(root, "list"), { recursive: true });
  return err.trim().split("\n").map((line) => line.replace(/^write step \d+: /, ""));
}

for (const kind of ["fail", "kill", "sigint", "sigint-now"] as const) {
  Deno.test(`a ${kind} at every write step leaves exactly the old or the new outputs`, async () => {
    const root = await Deno.makeTempDir();
    try {
      const oldSource = await writeSource(root, "old.json", OLD);
      const newSource = await writeSource(root, "new.json", NEW);
      const before = await expected(root, OLD), after = await expected(root, NEW);
      const labels = await stepLabels(root, oldSource, newSource);
      const commit = labels.indexOf("commit (remove the journal)") + 1;
      assert.ok(commit > 10 && labels.length === commit + 1, labels.join("; "));
      let rolledBack = 0; // Ctrl-Cs not waited for, before the commit, that left the old outputs
      for (let k = 1; k <= labels.length; k++) {
        const caseRoot = join(root, `case-${k}`);
        const dir = await setUp(caseRoot, oldSource);
        const run = await drive(dir, newSource, `${kind}:${k}`);
        const at = `${kind} at step ${k} (${labels[k - 1]})`;
        if (kind === "kill") assert.equal(run.signal, "SIGKILL", at);
        if (kind === "fail" && k < commit) {
          assert.equal(run.code, 1, at);
          assert.match(run.err, /^error: .*injected failure/, at);
        }
        if (kind.startsWith("sigint")) assert.equal(run.code, 130, at);
        let expected = k <= commit ? before : after;
        if (kind === "sigint-now") {
          // not waited for: seen at a following step and rolled back, or (on a busy machine, near
          // the end) once the swap is complete; never a mix
          const now = await snapshot(dir);
          expected = isDeepStrictEqual(now, after) ? after : before;
          if (k < commit && expected === before) rolledBack++;
        }
        if (kind !== "kill") assert.deepEqual(await snapshot(dir), expected, at);
        assert.equal((await drive(dir, "--recover")).code, 0, at);
        assert.deepEqual(await snapshot(dir), expected, at);
        await Deno.remove(caseRoot, { recursive: true });
      }
      if (kind === "sigint-now") {
        assert.ok(rolledBack >= (commit - 1) / 3, `${rolledBack} of ${commit - 1} rolled back`);
      }
    } finally {
      await Deno.remove(root, { recursive: true });
    }
  });
}
