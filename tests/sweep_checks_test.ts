import assert from "node:assert/strict";
import {
  assertHasRows,
  checkLayerRange,
  checkStrengths,
  checkSummaryLayers,
  checkSummaryRepeats,
  cutOffWarnings,
  duplicateNote,
  type RunFiles,
} from "../lib/sweep/checks.ts";
import type { CsvReport } from "../lib/sweep/csv_reader.ts";
import { scanKeys } from "../lib/sweep/keys.ts";
import { fakeRun } from "./helpers/fake_sweep.ts";

/** A report for a file whose row i is on line i + 2 (no blank lines). */
function report(rows: number, unterminated = false): CsvReport {
  const spanning = { records: 0, first: 0, last: 0 };
  return { lines: rows + 1, blank: 0, rows, unterminated, lineOfRow: (i) => i + 2, spanning };
}

const run = fakeRun("4B", "c", [[3, 1], [4, 2]], [[3, 1, 0, 1], [4, 1, 0, 1], [4, 1, 0, 5]]);
const files: RunFiles = {
  samples: "s.csv",
  layers: "l.csv",
  samplesReport: report(3),
  layersReport: report(2, true),
};

Deno.test("assertHasRows refuses a header-only file", () => {
  assertHasRows(1, "s.csv");
  assert.throws(() => assertHasRows(0, "s.csv"), /^SweepDataError: s\.csv: no data rows/);
});

Deno.test("checkLayerRange names the first row beyond the count and the count's source", () => {
  checkLayerRange(run, files, 5, "x");
  assert.throws(
    () => checkLayerRange(run, files, 4, "summary.json"),
    /^SweepDataError: l\.csv:3 \(column "layer"\): layer 4 is outside 4B's 4 layers \(0-3; the count is from summary\.json\)$/,
  );
});

Deno.test("checkSummaryLayers names both files for a layer without samples", () => {
  checkSummaryLayers(run, files);
  const short = fakeRun("4B", "c", [[3, 1], [4, 2]], [[3, 1, 0, 1]]);
  assert.throws(
    () => checkSummaryLayers(short, files),
    /^SweepDataError: l\.csv:3: layer 4 has no rows in s\.csv$/,
  );
});

Deno.test("duplicateNote: an error at both lines, or a note when allowed", () => {
  const scan = scanKeys(run.samples);
  assert.throws(
    () => duplicateNote(run, scan, files, false),
    /^SweepDataError: s\.csv:4: .* = \(4, 1, 0\) is on line 3 and again on line 4/,
  );
  assert.match(duplicateNote(run, scan, files, true)!, /^note: s\.csv: 1 rows repeat/);
  assert.equal(
    duplicateNote(run, scanKeys(fakeRun("4B", "c", []).samples), files, false),
    undefined,
  );
});

Deno.test("cutOffWarnings: an incomplete grid and a last line without a line end", () => {
  const gappy = fakeRun("4B", "c", [], [[3, 1, 0, 1], [3, 1, 1, 1], [4, 1, 0, 1]]);
  const warnings = cutOffWarnings(scanKeys(gappy.samples), files);
  assert.equal(warnings.length, 2);
  assert.match(
    warnings[0],
    /^warning: s\.csv: incomplete sweep: 1 of 2 .*layer 4 strength 1: 1 of 2 prompts/,
  );
  assert.match(warnings[1], /^warning: l\.csv:3: the last line has no line end/);
});

Deno.test("checkSummaryRepeats names both lines of a layer listed twice", () => {
  checkSummaryRepeats(run, files);
  const twice = fakeRun("4B", "c", [[3, 1], [4, 2], [3, 5]]);
  assert.throws(
    () => checkSummaryRepeats(twice, { ...files, layersReport: report(3) }),
    /^SweepDataError: l\.csv:4: layer 3 is on line 2 and again on line 4$/,
  );
});

Deno.test("checkStrengths refuses a row without its strength", () => {
  checkStrengths(run, files);
  const missing = fakeRun("4B", "c", [], [[3, 1, 0, 1], [3, NaN, 1, 1]]);
  assert.throws(
    () => checkStrengths(missing, { ...files, samplesReport: report(2) }),
    /^SweepDataError: s\.csv:3 \(column "strength"\): strength is missing/,
  );
});
