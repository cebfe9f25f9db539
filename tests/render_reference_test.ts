/**
 * Parity with the original: the notebook run as `deno task render` runs it, on the committed
 * sweep the pandas reference was computed on (`fixtures/reference/`), writes every one of the
 * original's tables and its analysis_summary.json equal to the reference within 1e-9, and the
 * original's printed architecture block as it printed it. (The author's later tables:
 * `render_comparisons_test.ts`.)
 */
import assert from "node:assert/strict";
import { assertCsvClose, assertJsonClose, REFERENCE } from "./helpers/golden.ts";
import { DEFAULT_DATA, renderInProcess } from "./helpers/render_run.ts";

const rendered = await renderInProcess([
  "--data",
  DEFAULT_DATA,
  "--no-figures",
  "--resamples",
  "20",
]);

/** The reference files of the original notebook (its tables, its summary). */
const referenceNames: string[] = [];
for await (const entry of Deno.readDir(REFERENCE)) {
  if (entry.isFile && /\.(csv|json)$/.test(entry.name)) referenceNames.push(entry.name);
}
referenceNames.sort();

Deno.test("the reference holds the original's twelve tables and its summary", () => {
  assert.equal(referenceNames.filter((n) => n.endsWith(".csv")).length, 12, `${referenceNames}`);
  assert.ok(referenceNames.includes("analysis_summary.json"));
});

Deno.test("every reference table has an output of the same name", () => {
  for (const name of referenceNames) assert.ok(rendered.files.has(name), name);
});

for (const name of referenceNames.filter((n) => n.endsWith(".csv"))) {
  Deno.test(`${name} as rendered equals the pandas reference within 1e-9`, async () => {
    const expected = await Deno.readTextFile(new URL(name, REFERENCE));
    assertCsvClose(rendered.files.get(name)!, expected, name);
  });
}

Deno.test("analysis_summary.json equals the pandas reference within 1e-9; no pair missing", async () => {
  const summary = JSON.parse(rendered.files.get("analysis_summary.json")!);
  const reference = JSON.parse(
    await Deno.readTextFile(new URL("analysis_summary.json", REFERENCE)),
  );
  const { missing_pairs, ...original } = summary;
  assert.deepEqual(missing_pairs, []);
  assertJsonClose(original, reference);
});

Deno.test("analysis_summary.json is indented like json.dump(indent=2) and writes no NaN", () => {
  const text = rendered.files.get("analysis_summary.json")!;
  assert.ok(
    text.startsWith('{\n  "best_layers": [\n    {\n      "model": "14B",'),
    text.slice(0, 80),
  );
  assert.doesNotMatch(text, /NaN|Infinity/);
});

Deno.test("the cells print the original's shallow vs deep block as it printed it", async () => {
  const stdout = await Deno.readTextFile(new URL("stdout.txt", REFERENCE));
  const from = (text: string) =>
    text.slice(text.indexOf("  4B: 36 layers"), text.indexOf("Ratio:                 1.4x"));
  assert.ok(from(stdout).length > 100, "the block is in the reference's output");
  assert.ok(rendered.printed.includes(from(stdout)), rendered.printed.slice(0, 2000));
});

Deno.test("the run's warnings are the load's four data-quality notes, each naming its file", () => {
  const notes = rendered.warnings.split("\n").filter((l) => l.startsWith("data quality"));
  assert.equal(notes.length, 4, rendered.warnings);
  for (const note of notes) assert.match(note, /sycophancy\/Qwen_Qwen3_\w+\/per_sample_all_layers/);
});
