/**
 * The render task's output guarantees end to end: stale outputs removed (and only those), a
 * folder in the way refused with the folder as it was, a second run refused, a killed run
 * repaired by the next, Ctrl-C while computing changes nothing, and --out checked first.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { snapshot } from "./helpers/folder_snapshot.ts";
import { withReadOnlyFolder } from "./helpers/read_only.ts";
import { inTemp } from "./helpers/temp_dir.ts";
import { tempSweep } from "./helpers/temp_sweep.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const FAST = ["--no-figures", "--resamples", "50"];
const LOCK_FILE = ".sweep-outputs.lock"; // a literal, so this file also runs against older code

async function render(args: string[], env: Record<string, string> = {}) {
  const { code, signal, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "cli/render.ts"), ...args],
    cwd: ROOT,
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  return { code, signal, out: text.decode(stdout), err: text.decode(stderr) };
}

/** The number of a write step, from a render of `data` into `out` with SWEEP_WRITE_FAULT=list. */
async function stepNumber(out: string, label: string): Promise<number> {
  const list = await render(["--data", data, "--out", out, ...FAST], { SWEEP_WRITE_FAULT: "list" });
  const k = list.err.split("\n").findIndex((line) => line.endsWith(`: ${label}`)) + 1;
  assert.ok(k > 0, list.err);
  return k;
}

const data = await tempSweep();
const other = await tempSweep({
  models: [{ label: "4B", layers: 36 }],
  concepts: ["alpha"],
  prompts: 8,
  seed: 11,
});
addEventListener("unload", () => {
  Deno.removeSync(data, { recursive: true });
  Deno.removeSync(other, { recursive: true });
});

Deno.test("figures of an earlier run are removed by a --no-figures run; other files stay", async () => {
  await inTemp(async (out) => {
    await Deno.writeTextFile(join(out, "my_plot.png"), "mine");
    assert.equal((await render(["--data", data, "--out", out, "--resamples", "50"])).code, 0);
    const first = Object.keys(await snapshot(out));
    assert.ok(first.some((name) => name.endsWith(".png") && name !== "my_plot.png"));
    const second = await render(["--data", other, "--out", out, ...FAST]);
    assert.equal(second.code, 0, second.err);
    const names = Object.keys(await snapshot(out));
    assert.deepEqual(names.filter((n) => /\.(png|svg)$/.test(n)), ["my_plot.png"]);
    assert.ok(names.includes("robustness.json") && names.includes("counts.csv"));
    assert.match(second.out, /removed \d+ outputs of the previous run not written again/);
  });
});

Deno.test("an output that cannot be replaced: one line naming it, exit 1, folder as it was", async () => {
  await inTemp(async (out) => {
    assert.equal((await render(["--data", data, "--out", out, ...FAST])).code, 0);
    await Deno.remove(join(out, "best_layers.csv"));
    await Deno.mkdir(join(out, "best_layers.csv"));
    await Deno.writeTextFile(join(out, "best_layers.csv", "keep"), "x");
    const before = await snapshot(out);
    const run = await render(["--data", other, "--out", out, ...FAST]);
    assert.equal(run.code, 1);
    assert.equal(
      run.err.trim(),
      `error: ${join(out, "best_layers.csv")}: is a folder; an output file cannot replace it`,
    );
    assert.deepEqual(await snapshot(out), before);
  });
});

Deno.test("a second render into a folder being written is refused; nothing changes", async () => {
  await inTemp(async (out) => {
    assert.equal((await render(["--data", data, "--out", out, ...FAST])).code, 0);
    const before = await snapshot(out);
    const lock = await Deno.open(join(out, LOCK_FILE), { create: true, write: true });
    try {
      assert.ok(await lock.tryLock(true));
      const run = await render(["--data", other, "--out", out, ...FAST]);
      assert.equal(run.code, 1);
      assert.match(run.err, /another render is writing this folder; try again/);
    } finally {
      lock.close();
    }
    await Deno.remove(join(out, LOCK_FILE));
    assert.deepEqual(await snapshot(out), before);
  });
});

Deno.test("a render killed mid-swap is rolled back and completed by the next run", async () => {
  await inTemp(async (root) => {
    const out = join(root, "out"), clean = join(root, "clean");
    assert.equal((await render(["--data", data, "--out", clean, ...FAST])).code, 0);
    assert.equal((await render(["--data", other, "--out", out, ...FAST])).code, 0);
    const k = await stepNumber(join(root, "list"), "move in best_layers.csv");
    const killed = await render(["--data", data, "--out", out, ...FAST], {
      SWEEP_WRITE_FAULT: `kill:${k}`,
    });
    assert.equal(killed.signal, "SIGKILL");
    assert.ok(Object.keys(await snapshot(out)).includes(".sweep-outputs.journal"));
    const next = await render(["--data", data, "--out", out, ...FAST]);
    assert.equal(next.code, 0, next.err);
    assert.deepEqual(await snapshot(out), await snapshot(clean));
  });
});

Deno.test("Ctrl-C during the write: rolled back at once, exit 130, old outputs intact", async () => {
  await inTemp(async (root) => {
    const out = join(root, "out");
    assert.equal((await render(["--data", other, "--out", out, ...FAST])).code, 0);
    const before = await snapshot(out);
    const k = await stepNumber(join(root, "list"), "move in counts.csv");
    const run = await render(["--data", data, "--out", out, ...FAST], {
      SWEEP_WRITE_FAULT: `sigint:${k}`,
    });
    assert.equal(run.code, 130, run.err);
    assert.match(run.err, /interrupted; the output folder keeps its previous outputs/);
    assert.deepEqual(await snapshot(out), before);
  });
});

Deno.test("Ctrl-C while computing: exit 130 and the output folder as it was", async () => {
  await inTemp(async (out) => {
    await Deno.writeTextFile(join(out, "analysis_summary.json"), "previous");
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", join(ROOT, "cli/render.ts"), "--out", out, "--resamples", "20000"],
      cwd: ROOT,
      stdout: "null",
      stderr: "piped",
    }).spawn();
    // The notebook's load cell warns of the default data's four data-quality notes: the data is
    // loaded, the statistics are being computed.
    const reader = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
    for (let seen = ""; !seen.includes("data quality");) {
      const { value, done } = await reader.read();
      assert.ok(!done, `the render ended before loading its data: ${seen}`);
      seen += value;
    }
    child.kill("SIGINT");
    await reader.cancel();
    const status = await child.status;
    assert.ok(status.code === 130 || status.signal === "SIGINT", JSON.stringify(status));
    assert.deepEqual(await snapshot(out), {
      "analysis_summary.json": "112,114,101,118,105,111,117,115",
    });
  });
});

Deno.test("bad --out and numeric flags stop before any computing, one line, no stack", async () => {
  await inTemp(async (root) => {
    const file = join(root, "file");
    await Deno.writeTextFile(file, "x");
    for (
      const [args, code] of [
        [["--out", file], 2],
        [["--out", join(file, "sub")], 2],
        [["--out="], 2],
        [["--out", join(root, "x".repeat(300))], 2],
        [["--resamples", "99999999999999999999"], 2],
        [["--seed", "99999999999999999999"], 2],
      ] as Array<[string[], number]>
    ) {
      const run = await render(["--data", data, ...args]);
      assert.equal(run.code, code, `${args}: ${run.err}`);
      assert.equal(run.out, "", `${args}: computed before checking`);
      assert.equal(run.err.trim().split("\n").length, 1, run.err);
      assert.doesNotMatch(run.err, /\bat .*:\d+:\d+/);
    }
    const locked = join(root, "ro");
    await withReadOnlyFolder(locked, async () => {
      const run = await render(["--data", data, "--out", join(locked, "out")]);
      assert.equal(run.code, 1);
      assert.equal(run.out, "");
      assert.match(run.err, new RegExp(`^error: ${locked}: cannot write here: [^\n]+\n$`));
    });
  });
});
