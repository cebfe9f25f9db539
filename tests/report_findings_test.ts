import assert from "node:assert/strict";
import { analyse } from "../lib/stats/analysis.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { effectStrength, keyFindings, loadReport } from "../lib/report/findings.ts";

const DATA = new URL("../results/logit_diff_sweep", import.meta.url).pathname;
const analysis = analyse(await loadSweep(DATA));
const STDOUT = await Deno.readTextFile(new URL("fixtures/reference/stdout.txt", import.meta.url));

function section(text: string, first: string, last: string): string {
  const lines = text.split("\n");
  const i = lines.indexOf(first), j = lines.indexOf(last, i);
  assert.ok(i >= 0 && j >= i, `section ${first} .. ${last}`);
  return lines.slice(i, j + 1).join("\n");
}

Deno.test("keyFindings prints what the original printed, line for line", () => {
  const expected = section(STDOUT, "KEY FINDINGS", "   32B: avg d = +0.92");
  assert.equal(section(keyFindings(analysis), "KEY FINDINGS", "   32B: avg d = +0.92"), expected);
});

Deno.test("loadReport states counts, models and concepts as the original (the notes apart)", () => {
  const report = loadReport(analysis.sweep);
  assert.equal(report, STDOUT.split("\n").slice(0, 5).join("\n"));
  assert.match(
    analysis.sweep.notes.join("\n"),
    /data quality: 4B\/sycophancy: \S+per_sample_all_layers\.csv: 450 of 7,500 rows/,
  );
});

Deno.test("effectStrength uses the original's thresholds", () => {
  assert.deepEqual([0.81, -0.9, 0.8, 0.51, 0.5, 0].map(effectStrength), [
    "strong",
    "strong",
    "medium",
    "medium",
    "weak",
    "weak",
  ]);
});
