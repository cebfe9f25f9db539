import assert from "node:assert/strict";
import { analyse } from "../lib/stats/analysis.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { summaryJson, TABLE_OUTPUTS } from "../lib/export/json.ts";
import { assertCsvClose, REFERENCE } from "./helpers/golden.ts";

const DATA = new URL("../results/logit_diff_sweep", import.meta.url).pathname;
const analysis = analyse(await loadSweep(DATA));

for (const output of TABLE_OUTPUTS.filter((o) => o.name.endsWith(".csv"))) {
  Deno.test(`${output.name} equals the pandas reference within 1e-9`, async () => {
    const expected = await Deno.readTextFile(new URL(output.name, REFERENCE));
    assertCsvClose(output.build(analysis), expected, output.name);
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
  const names = new Set(TABLE_OUTPUTS.map((o) => o.name));
  for await (const entry of Deno.readDir(REFERENCE)) {
    if (entry.name.endsWith(".csv")) assert.ok(names.has(entry.name), entry.name);
  }
});
