import assert from "node:assert/strict";
import { loadSweep } from "../lib/sweep/load.ts";
import { summaryJson } from "../lib/export/json.ts";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { dataSteps, fileName, fileText } from "../lib/pipeline/files.ts";
import { computeResults } from "../lib/pipeline/results.ts";
import { assertCsvClose, REFERENCE } from "./helpers/golden.ts";

const DATA = new URL("../results/logit_diff_sweep", import.meta.url).pathname;
const results = computeResults(await loadSweep(DATA), { resamples: 20 });
const analysis = results.analysis;
const TABLES = dataSteps(PIPELINE).filter((step) => step.kind === "table");
const hasReference = (name: string) => {
  try {
    return Deno.statSync(new URL(name, REFERENCE)).isFile;
  } catch {
    return false;
  }
};

// The original's tables (the author's later ones: tests/pipeline_comparisons_test.ts).
for (const step of TABLES.filter((step) => hasReference(fileName(step)))) {
  Deno.test(`${fileName(step)} equals the pandas reference within 1e-9`, async () => {
    const expected = await Deno.readTextFile(new URL(fileName(step), REFERENCE));
    assertCsvClose(fileText(step, results), expected, fileName(step));
  });
}

Deno.test("summaryJson is indented like json.dump(indent=2) and writes no NaN", () => {
  const text = summaryJson(analysis);
  assert.ok(text.startsWith('{\n  "best_layers": [\n    {\n      "model": "14B",'));
  assert.doesNotMatch(text, /NaN/);
  const broken = { ...analysis, effectSizes: [{ ...analysis.effectSizes[0], cohens_d: NaN }] };
  assert.match(summaryJson(broken), /"cohens_d": null/);
});

Deno.test("every reference table has an output of the same name", async () => {
  const names = new Set(TABLES.map(fileName));
  for await (const entry of Deno.readDir(REFERENCE)) {
    if (entry.name.endsWith(".csv")) assert.ok(names.has(entry.name), entry.name);
  }
});
