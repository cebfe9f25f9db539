/** Issue 9 ("Trust"), reading side: each numbered finding loaded from a real folder layout. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { withTempSweep } from "./helpers/temp_sweep.ts";

const run4 = (dir: string, concept = "alpha") => join(dir, concept, "Qwen_Qwen3_4B");
const SAMPLES = "per_sample_all_layers.csv";
const ROWS_4B = 25 * 3 * 12; // layers 11-35, three strengths, 12 prompts
const isDataError = (pattern: RegExp) => (e: unknown) =>
  e instanceof SweepDataError && pattern.test(e.message) && e.message.length < 400;

/** Rewrites a file of the alpha/4B run through `edit` (on its lines); returns its path. */
async function editLines(dir: string, edit: (lines: string[]) => string[], file = SAMPLES) {
  const path = join(run4(dir), file);
  const lines = (await Deno.readTextFile(path)).split("\n");
  await Deno.writeTextFile(path, edit(lines).join("\n"));
  return path;
}

const runOf = (sweep: Awaited<ReturnType<typeof loadSweep>>, model = "4B", concept = "alpha") =>
  sweep.runs.find((r) => r.model === model && r.concept === concept)!;

Deno.test("issue 9 #1: stray quotes in unquoted fields lose no row", () =>
  withTempSweep(async (dir) => {
    await editLines(dir, (lines) => {
      lines[0] += ",comment";
      return lines.map((line, i) =>
        i === 0 || !line ? line : line.replace(",(B),", ',(B"),') + (i % 7 ? ",ok" : ',a 5" screen')
      );
    });
    const run = runOf(await loadSweep(dir));
    assert.equal(run.samples.length, ROWS_4B);
    assert.ok(run.samples.matching_answer.values.includes('(B")'));
  }));

Deno.test("issue 9 #2 and #10: symlinked folders are followed; hidden folders are not concepts", () =>
  withTempSweep(async (dir) => {
    const elsewhere = await Deno.makeTempDir({ prefix: "sweep-link-" });
    try {
      await Deno.rename(join(dir, "beta"), join(elsewhere, "beta"));
      await Deno.symlink(join(elsewhere, "beta"), join(dir, "beta"));
      await Deno.rename(run4(dir), join(elsewhere, "4B"));
      await Deno.symlink(join(elsewhere, "4B"), run4(dir));
      await Deno.mkdir(join(dir, ".backup"));
      await Deno.symlink(join(elsewhere, "4B"), join(dir, ".backup", "Qwen_Qwen3_4B"));
      const sweep = await loadSweep(dir);
      assert.deepEqual(sweep.concepts, ["alpha", "beta"]);
      assert.deepEqual(sweep.missing, []);
      assert.equal(sweep.runs.length, 4);
      assert.equal(runOf(sweep).samples.length, ROWS_4B);
    } finally {
      await Deno.remove(elsewhere, { recursive: true });
    }
  }));

Deno.test("issue 9 #3: repeated models and concepts are loaded once, with a note", () =>
  withTempSweep(async (dir) => {
    const sweep = await loadSweep(dir, {
      models: ["4B", "30B-A3B", "4B"],
      concepts: ["beta", "alpha", "beta"],
    });
    assert.deepEqual(sweep.models, ["4B", "30B-A3B"]);
    assert.deepEqual(sweep.concepts, ["beta", "alpha"]);
    assert.equal(sweep.runs.length, 4);
    assert.ok(sweep.notes.some((n) => /models lists 4B more than once/.test(n)), sweep.notes[0]);
    assert.ok(sweep.notes.some((n) => /concepts lists beta more than once/.test(n)));
  }));

Deno.test("issue 9 #7: a repeated (layer, strength, prompt_idx) key names both lines", () =>
  withTempSweep(async (dir) => {
    const path = await editLines(dir, (lines) => {
      const copy = lines[5].replace(/,[^,]*$/, ",99");
      return [...lines.slice(0, 40), copy, ...lines.slice(40)];
    });
    await assert.rejects(
      () => loadSweep(dir),
      isDataError(new RegExp(`^${path}:41: .* is on line 6 and again on line 41`)),
    );
    const sweep = await loadSweep(dir, { allowDuplicates: true });
    assert.equal(runOf(sweep).samples.length, ROWS_4B + 1);
    assert.ok(sweep.notes.some((n) => n.includes(`${path}: 1 rows repeat`)));
  }));

Deno.test("issue 9 #8: layers beyond the layer count are an error naming file and line", () =>
  withTempSweep(async (dir) => {
    await assert.rejects(
      () => loadSweep(dir, { layerCounts: { "4B": 30 } }),
      isDataError(/layer_summary\.csv:21 \(column "layer"\): layer 30 is outside 4B's 30 layers/),
    );
    for (const concept of ["alpha", "beta"]) {
      const info = join(run4(dir, concept), "summary.json");
      const text = await Deno.readTextFile(info);
      await Deno.writeTextFile(info, text.replace('"num_layers": 36', '"num_layers": 20'));
    }
    await assert.rejects(() => loadSweep(dir), isDataError(/count is from .*summary\.json/));
  }));

Deno.test("issue 9 #8: a --layer-counts key that is no model suggests the near match", () =>
  withTempSweep(async (dir) => {
    await assert.rejects(
      () => loadSweep(dir, { layerCounts: { "4b": 36 } }),
      isDataError(/: --layer-counts: no model "4b" in this sweep; did you mean "4B"\?$/),
    );
    await assert.rejects(
      () => loadSweep(dir, { layerCounts: { "30B-A3": 48 } }),
      isDataError(/did you mean "30B-A3B"\?$/),
    );
  }));

Deno.test("issue 9 #8: a summary layer without per-sample rows names both files", () =>
  withTempSweep(async (dir) => {
    const samples = await editLines(dir, (lines) => lines.filter((l) => !/^4B,alpha,20,/.test(l)));
    await assert.rejects(
      () => loadSweep(dir),
      isDataError(new RegExp(`layer_summary\\.csv:11: layer 20 has no rows in ${samples}$`)),
    );
  }));

Deno.test("issue 9 #8: a header-only file is an error", () =>
  withTempSweep(async (dir) => {
    const path = await editLines(dir, (lines) => [lines[0], ""]);
    await assert.rejects(() => loadSweep(dir), isDataError(new RegExp(`^${path}: no data rows`)));
  }));

Deno.test("issue 9 #8: a sweep cut off mid-way is a warning naming the file and the gap", () =>
  withTempSweep(async (dir) => {
    const path = await editLines(dir, (lines) => lines.slice(0, 1 + ROWS_4B - 5));
    const sweep = await loadSweep(dir);
    const warning = sweep.notes.find((n) => n.startsWith(`warning: ${path}`));
    assert.match(warning ?? "", /incomplete sweep: 1 of 75 .*layer 35 strength 1: 7 of 12 prompts/);
    assert.ok(
      sweep.notes.some((n) => n.startsWith(`warning: ${path}:${ROWS_4B - 4}: the last line`)),
    );
  }));

Deno.test("issue 9 #8: a missing cell value stays missing (NaN), never 0", () =>
  withTempSweep(async (dir) => {
    await editLines(dir, (lines) => lines.map((l, i) => i === 3 ? l.replace(/,[^,]*$/, ",") : l));
    const run = runOf(await loadSweep(dir));
    assert.ok(Number.isNaN(run.samples.logit_diff_matching[2]));
    assert.ok(!Number.isNaN(run.samples.logit_diff_matching[1]));
  }));

Deno.test("issue 9 #10: a CR-only file loads; a folder where a CSV should be says so", () =>
  withTempSweep(async (dir) => {
    const path = join(run4(dir), SAMPLES);
    await Deno.writeTextFile(path, (await Deno.readTextFile(path)).replaceAll("\n", "\r"));
    assert.equal(runOf(await loadSweep(dir)).samples.length, ROWS_4B);
    await Deno.remove(path);
    await Deno.mkdir(path);
    await assert.rejects(
      () => loadSweep(dir),
      isDataError(new RegExp(`^${path}: is a folder, not a regular file$`)),
    );
  }));

Deno.test("issue 9 #10: invalid UTF-8 in a per-sample file names line and column", () =>
  withTempSweep(async (dir) => {
    const path = join(run4(dir), SAMPLES);
    const bytes = await Deno.readFile(path);
    const line5 = bytes.findIndex((_, i, b) =>
      i > 0 && b.slice(0, i).filter((x) => x === 10).length === 4
    );
    bytes[line5 + 1] = 0xc3; // "4B" -> 0x34 0xc3: a lead byte followed by "," (not a continuation)
    await Deno.writeFile(path, bytes);
    await assert.rejects(
      () => loadSweep(dir),
      isDataError(new RegExp(`^${path}:5:2: not valid UTF-8`)),
    );
  }));

Deno.test("a file where a model folder should be is skipped with a note saying what it is", () =>
  withTempSweep(async (dir) => {
    const folder = run4(dir, "beta");
    await Deno.remove(folder, { recursive: true });
    await Deno.writeTextFile(folder, "not a folder");
    const sweep = await loadSweep(dir, { models: ["4B", "30B-A3B"] });
    assert.deepEqual(sweep.missing, [{ model: "4B", concept: "beta" }]);
    assert.ok(sweep.notes.includes(`warning: 4B/beta skipped: ${folder} is a file, not a folder`));
  }));

Deno.test("a quoted header, a BOM and CRLF line ends load as the plain file does", () =>
  withTempSweep(async (dir) => {
    const path = join(run4(dir), SAMPLES);
    const lines = (await Deno.readTextFile(path)).trimEnd().split("\n");
    lines[0] = lines[0].split(",").map((name) => `"${name}"`).join(",");
    await Deno.writeTextFile(path, "\ufeff" + lines.join("\r\n") + "\r\n");
    assert.equal(runOf(await loadSweep(dir)).samples.length, ROWS_4B);
  }));
