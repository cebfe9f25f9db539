import assert from "node:assert/strict";
import { join } from "node:path";
import { assertJsonClose, REFERENCE } from "./helpers/golden.ts";
import { tempSweep } from "./helpers/temp_sweep.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** Every temporary folder of this file, removed when the tests end. */
const made: string[] = [];
addEventListener("unload", () => {
  for (const dir of made) Deno.removeSync(dir, { recursive: true });
});
async function tempDir(): Promise<string> {
  made.push(await Deno.makeTempDir());
  return made.at(-1)!;
}
async function sweepDir(): Promise<string> {
  made.push(await tempSweep());
  return made.at(-1)!;
}

async function render(...args: string[]) {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "cli/render.ts"), ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  return { code, out: text.decode(stdout), err: text.decode(stderr) };
}

async function listing(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  return names.sort();
}

Deno.test("render on the default data writes the reference summary and prints what it did", async () => {
  const out = await tempDir();
  const { code, out: printed, err } = await render("--out", out);
  assert.equal(code, 0, err);
  // The task's own lines (the cells' printed lines are kept back; their warnings are not).
  assert.match(
    printed,
    /^ran notebooks\/logit_diff_sweep\.ipynb on results\/logit_diff_sweep in \d+\.\d ms: (\d+) files \(13 figures as SVG and PNG\)$/m,
  );
  assert.match(printed, new RegExp(`^wrote \\d+ files to ${out} in \\d+\\.\\d ms$`, "m"));
  assert.match(printed, /^peak memory \(RSS\): \d+ MB$/m);
  assert.equal(printed.trim().split("\n").length, 3, printed);
  assert.equal(err.trim().split("\n").filter((l) => l.startsWith("data quality")).length, 4, err);
  const summary = JSON.parse(await Deno.readTextFile(join(out, "analysis_summary.json")));
  const reference = JSON.parse(
    await Deno.readTextFile(new URL("analysis_summary.json", REFERENCE)),
  );
  const { missing_pairs, ...original } = summary;
  assert.deepEqual(missing_pairs, []);
  assertJsonClose(original, reference);
  const files = await listing(out);
  for (
    const name of ["heatmap_means.csv", "robustness.json", "heatmap_grid.png", "heatmap_grid.svg"]
  ) {
    assert.ok(files.includes(name), name);
  }
  const count = Number(/: (\d+) files/.exec(printed)![1]);
  assert.equal(files.filter((n) => !n.startsWith(".")).length, count);
  const records = JSON.parse(await Deno.readTextFile(join(out, "robustness.json")));
  assert.equal(records.length, 12);
});

Deno.test("render works on another layout: a 48-layer MoE model and a missing pair", async () => {
  const data = await sweepDir();
  await Deno.remove(join(data, "beta", "Qwen_Qwen3_30B_A3B"), { recursive: true });
  const out = join(await tempDir(), "new");
  const { code, err } = await render("--data", data, "--out", out);
  assert.equal(code, 0, err);
  assert.match(err, /warning: 30B-A3B\/beta skipped/);
  const summary = JSON.parse(await Deno.readTextFile(join(out, "analysis_summary.json")));
  assert.deepEqual(summary.missing_pairs, [{ model: "30B-A3B", concept: "beta" }]);
  assert.deepEqual(Object.keys(summary.model_avg_effect), ["4B", "30B-A3B"]);
  const position = await Deno.readTextFile(join(out, "best_layer_position.csv"));
  assert.match(position, /\n30B-A3B,48,[\d.]+,\n/);
});

Deno.test("bad input exits non-zero, names the file and leaves the output as it was", async () => {
  const out = await tempDir();
  await Deno.writeTextFile(join(out, "analysis_summary.json"), "previous");
  const missing = await render("--data", "/no/such/dir", "--out", out);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /error: \/no\/such\/dir: no such folder/);

  const data = await sweepDir();
  const garbage = join(data, "alpha", "Qwen_Qwen3_4B", "per_sample_all_layers.csv");
  await Deno.writeFile(garbage, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0x10]));
  const binary = await render("--data", data, "--out", out);
  assert.equal(binary.code, 1);
  assert.ok(binary.err.includes(`error: ${garbage}:1: binary data`), binary.err);

  const cell = await sweepDir();
  const file = join(cell, "beta", "Qwen_Qwen3_4B", "layer_summary.csv");
  await Deno.writeTextFile(file, (await Deno.readTextFile(file)).replace(/\n(\d+),/, "\nx$1,"));
  const bad = await render("--data", cell, "--out", out);
  assert.equal(bad.code, 1);
  assert.ok(bad.err.includes(`${file}:2:1 (column "layer"): not a whole number`), bad.err);

  for (const run of [missing, binary, bad]) {
    assert.equal(run.err.trim().split("\n").length, 1, run.err); // one line, no stack, no cell
    assert.doesNotMatch(run.err, /\bat .*:\d+:\d+|cell \d+/);
  }

  assert.deepEqual(await listing(out), ["analysis_summary.json"]);
  assert.equal(await Deno.readTextFile(join(out, "analysis_summary.json")), "previous");
});

/** A copy of the project notebook with `cell` (source) added after its last cell. */
async function notebookWith(cell: string): Promise<{ path: string; cell: number }> {
  const nb = JSON.parse(await Deno.readTextFile(join(ROOT, "notebooks/logit_diff_sweep.ipynb")));
  nb.cells.push({
    cell_type: "code",
    metadata: {},
    outputs: [],
    execution_count: null,
    source: cell,
  });
  const path = join(await tempDir(), "my notebook.ipynb");
  await Deno.writeTextFile(path, JSON.stringify(nb, null, 1));
  return { path, cell: nb.cells.length };
}

Deno.test("an error thrown by a cell: exit 1, one line naming the notebook's cell and line", async () => {
  const data = await sweepDir();
  const out = await tempDir();
  await Deno.writeTextFile(join(out, "analysis_summary.json"), "previous");
  const cases: [string, (path: string, cell: number) => string][] = [
    [
      '// a check of my own\nif (MODELS.length < 5) {\n  throw new Error("need five models");\n}\n',
      (path, cell) => `error: ${path} cell ${cell}, line 3: Error: need five models`,
    ],
    [
      'await out.table("best_layers", best_layers);', // a name saved twice
      (path, cell) =>
        `error: ${path} cell ${cell}, line 1: Error: best_layers.csv is saved twice in one run: ` +
        "give each table and figure its own name",
    ],
    ["const broken = ;", (path, cell) => `error: ${path} cell ${cell}, line 1: SyntaxError: `],
  ];
  for (const [source, expected] of cases) {
    const { path, cell } = await notebookWith(source);
    const run = await render("--notebook", path, "--data", data, "--out", out, "--no-figures");
    assert.equal(run.code, 1, run.err);
    const lines = run.err.trim().split("\n").filter((l) => !l.startsWith("warning:"));
    assert.equal(lines.length, 1, run.err);
    assert.ok(
      lines[0].startsWith(expected(path, cell)),
      `${lines[0]}\nexpected ${expected(path, cell)}`,
    );
    assert.doesNotMatch(run.err, /\n\s+at |internal error|data:application/);
  }
  const gone = await render("--notebook", join(out, "none.ipynb"), "--data", data, "--out", out);
  assert.equal(gone.code, 1);
  assert.match(gone.err, new RegExp(`^error: ${join(out, "none.ipynb")}: cannot read it: .+\n$`));
  assert.deepEqual(await listing(out), ["analysis_summary.json"]);
  assert.equal(await Deno.readTextFile(join(out, "analysis_summary.json")), "previous");
});

Deno.test("--help prints usage; an unknown flag exits 2", async () => {
  const help = await render("--help");
  assert.equal(help.code, 0);
  assert.match(help.out, /Usage: deno task render/);
  const bad = await render("--nope");
  assert.equal(bad.code, 2);
  assert.match(bad.err, /error: .*nope/);
});
