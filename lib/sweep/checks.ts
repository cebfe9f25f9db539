/**
 * Consistency checks of one run made at load: each throws a {@link SweepDataError} naming the
 * file and line, or returns a warning line, so that no inconsistent sweep passes quietly.
 * @module
 */
import type { CsvReport } from "./csv_reader.ts";
import { SweepDataError } from "./errors.ts";
import { describeGaps, type KeyScan, presentLayers } from "./keys.ts";
import type { SweepRun } from "./types.ts";

/** A run's files and the read reports of its two CSVs. */
export interface RunFiles {
  samples: string;
  layers: string;
  samplesReport: CsvReport;
  layersReport: CsvReport;
}

/**
 * Throws when a CSV holds a header and no rows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.throws(() => assertHasRows(0, "s.csv"), {
 *   message: "s.csv: no data rows (the file holds only its header)",
 * });
 * assertHasRows(3, "s.csv"); // rows: no error
 * ```
 */
export function assertHasRows(rows: number, file: string): void {
  if (rows === 0) {
    throw new SweepDataError("no data rows (the file holds only its header)", { file });
  }
}

/**
 * Throws at the first row of either CSV whose layer is outside 0..count-1: a position above 100%
 * of the model's depth would be a wrong number, not a curiosity.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load.ts";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * const report = (rows: number) => ({
 *   lines: rows + 1,
 *   blank: 0,
 *   rows,
 *   unterminated: false,
 *   lineOfRow: (i: number) => i + 2,
 *   spanning: { records: 0, first: 0, last: 0 },
 * });
 * const files = {
 *   samples: "s.csv",
 *   layers: "l.csv",
 *   samplesReport: report(run.samples.length),
 *   layersReport: report(run.layers.length),
 * };
 * checkLayerRange(run, files, 36, "summary.json num_layers"); // layers 11-35: fine
 * assert.throws(() => checkLayerRange(run, files, 30, "--layer-counts"), {
 *   message: "l.csv:21 (column \"layer\"): layer 30 is outside 4B's 30 layers (0-29; the count " +
 *     "is from --layer-counts)",
 * });
 * ```
 */
export function checkLayerRange(run: SweepRun, files: RunFiles, count: number, source: string) {
  const tables: Array<[ArrayLike<number>, string, CsvReport]> = [
    [run.layers.map((row) => row.layer), files.layers, files.layersReport],
    [run.samples.layer, files.samples, files.samplesReport],
  ];
  for (const [layers, file, report] of tables) {
    for (let i = 0; i < layers.length; i++) {
      if (layers[i] >= 0 && layers[i] < count) continue;
      throw new SweepDataError(
        `layer ${layers[i]} is outside ${run.model}'s ${count} layers (0-${count - 1}; the ` +
          `count is from ${source})`,
        { file, line: report.lineOfRow(i), columnName: "layer" },
      );
    }
  }
}

/**
 * Throws at the first layer_summary.csv row whose layer has no per-sample rows (its best layer
 * would have no samples), naming both files.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load.ts";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * const report = (rows: number) => ({
 *   lines: rows + 1,
 *   blank: 0,
 *   rows,
 *   unterminated: false,
 *   lineOfRow: (i: number) => i + 2,
 *   spanning: { records: 0, first: 0, last: 0 },
 * });
 * const files = {
 *   samples: "s.csv",
 *   layers: "l.csv",
 *   samplesReport: report(run.samples.length),
 *   layersReport: report(run.layers.length + 1),
 * };
 * checkSummaryLayers(run, files); // every summary layer has samples
 * const extra = { ...run.layers[0], layer: 5 };
 * assert.throws(() => checkSummaryLayers({ ...run, layers: [...run.layers, extra] }, files), {
 *   message: "l.csv:27: layer 5 has no rows in s.csv",
 * });
 * ```
 */
export function checkSummaryLayers(run: SweepRun, files: RunFiles): void {
  const present = new Set(presentLayers(run.samples.layer));
  run.layers.forEach((row, i) => {
    if (present.has(row.layer)) return;
    throw new SweepDataError(`layer ${row.layer} has no rows in ${files.samples}`, {
      file: files.layers,
      line: files.layersReport.lineOfRow(i),
    });
  });
}

/**
 * Throws at a layer_summary.csv layer listed twice, naming both lines: the sweep writes one row
 * per layer, so a repeat is a broken file (its best layer would be ambiguous).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load.ts";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * const report = (rows: number) => ({
 *   lines: rows + 1,
 *   blank: 0,
 *   rows,
 *   unterminated: false,
 *   lineOfRow: (i: number) => i + 2,
 *   spanning: { records: 0, first: 0, last: 0 },
 * });
 * const files = {
 *   samples: "s.csv",
 *   layers: "l.csv",
 *   samplesReport: report(run.samples.length),
 *   layersReport: report(run.layers.length + 1),
 * };
 * checkSummaryRepeats(run, files); // one row per layer
 * const repeated = { ...run, layers: [...run.layers, run.layers[0]] };
 * assert.throws(() => checkSummaryRepeats(repeated, files), {
 *   message: "l.csv:27: layer 11 is on line 2 and again on line 27",
 * });
 * ```
 */
export function checkSummaryRepeats(run: SweepRun, files: RunFiles): void {
  const first = new Map<number, number>();
  const lineOf = (i: number) => files.layersReport.lineOfRow(i);
  run.layers.forEach((row, i) => {
    const before = first.get(row.layer);
    if (before === undefined) return void first.set(row.layer, i);
    throw new SweepDataError(
      `layer ${row.layer} is on line ${lineOf(before)} and again on line ${lineOf(i)}`,
      { file: files.layers, line: lineOf(i) },
    );
  });
}

/**
 * Throws at the first per-sample row whose strength is missing: a row needs its whole key
 * (layer and prompt_idx are whole numbers already; pandas would drop such a row from groups).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load.ts";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * const report = (rows: number) => ({
 *   lines: rows + 1,
 *   blank: 0,
 *   rows,
 *   unterminated: false,
 *   lineOfRow: (i: number) => i + 2,
 *   spanning: { records: 0, first: 0, last: 0 },
 * });
 * const files = {
 *   samples: "s.csv",
 *   layers: "l.csv",
 *   samplesReport: report(run.samples.length),
 *   layersReport: report(run.layers.length),
 * };
 * checkStrengths(run, files); // every row has its strength
 * const strength = run.samples.strength.slice();
 * strength[5] = NaN;
 * assert.throws(() => checkStrengths({ ...run, samples: { ...run.samples, strength } }, files), {
 *   message: 's.csv:7 (column "strength"): strength is missing: every row needs its layer, ' +
 *     "strength and prompt_idx",
 * });
 * ```
 */
export function checkStrengths(run: SweepRun, files: RunFiles): void {
  const strength = run.samples.strength;
  for (let i = 0; i < strength.length; i++) {
    if (strength[i] === strength[i]) continue;
    throw new SweepDataError(
      "strength is missing: every row needs its layer, strength and prompt_idx",
      { file: files.samples, line: files.samplesReport.lineOfRow(i), columnName: "strength" },
    );
  }
}

/**
 * Throws for a repeated (layer, strength, prompt_idx) key naming both lines, unless duplicates
 * are allowed: then every row is kept (as pandas keeps them) and a note says how many.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load.ts";
 * import { scanKeys } from "./keys.ts";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * const report = (rows: number) => ({
 *   lines: rows + 1,
 *   blank: 0,
 *   rows,
 *   unterminated: false,
 *   lineOfRow: (i: number) => i + 2,
 *   spanning: { records: 0, first: 0, last: 0 },
 * });
 * const files = {
 *   samples: "s.csv",
 *   layers: "l.csv",
 *   samplesReport: report(run.samples.length),
 *   layersReport: report(run.layers.length),
 * };
 * assert.equal(duplicateNote(run, scanKeys(run.samples), files, false), undefined); // no repeats
 * const twice = { ...scanKeys(run.samples), duplicates: 2 };
 * assert.equal(
 *   duplicateNote(run, twice, files, true),
 *   "note: s.csv: 2 rows repeat a (layer, strength, prompt_idx) key; all kept (allowDuplicates), " +
 *     "as pandas keeps them",
 * );
 * ```
 */
export function duplicateNote(
  run: SweepRun,
  scan: KeyScan,
  files: RunFiles,
  allow: boolean,
): string | undefined {
  if (scan.duplicates === 0) return undefined;
  if (allow) {
    return `note: ${files.samples}: ${scan.duplicates} rows repeat a (layer, strength, ` +
      `prompt_idx) key; all kept (allowDuplicates), as pandas keeps them`;
  }
  const [first, second] = scan.firstRepeat!;
  const { layer, strength, prompt_idx } = run.samples;
  const lines = [first, second].map((row) => files.samplesReport.lineOfRow(row));
  throw new SweepDataError(
    `(layer, strength, prompt_idx) = (${layer[second]}, ${strength[second]}, ` +
      `${prompt_idx[second]}) is on line ${lines[0]} and again on line ${lines[1]}` +
      (scan.duplicates > 1 ? ` (${scan.duplicates} repeated rows in all)` : "") +
      `; to keep every row as pandas does, pass allowDuplicates: true to loadSweep (the notebook's load cell)`,
    { file: files.samples, line: lines[1] },
  );
}

/**
 * Warnings for a sweep that looks cut off: an incomplete layer x strength grid, a record spanning
 * several lines (a stray quote opening a field swallows the lines up to the next quote; pandas
 * reads it so too, so it is kept, but named), or a last line with no line end (a file cut
 * mid-line).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const report = (rows: number) => ({
 *   lines: rows + 1,
 *   blank: 0,
 *   rows,
 *   unterminated: false,
 *   lineOfRow: (i: number) => i + 2,
 *   spanning: { records: 0, first: 0, last: 0 },
 * });
 * const files = { samples: "s.csv", layers: "l.csv", samplesReport: report(5), layersReport: report(2) };
 * const gap = { layer: 35, strength: 1, found: 30 };
 * const scan = { duplicates: 0, gaps: [gap], cells: 6, prompts: 40 };
 * assert.deepEqual(cutOffWarnings(scan, files), [
 *   "warning: s.csv: incomplete sweep: 1 of 6 layer x strength cells lack prompts " +
 *   "(layer 35 strength 1: 30 of 40 prompts); statistics use the rows present",
 * ]);
 * ```
 */
export function cutOffWarnings(scan: KeyScan, files: RunFiles): string[] {
  const warnings: string[] = [];
  if (scan.gaps.length > 0) {
    warnings.push(
      `warning: ${files.samples}: incomplete sweep: ${scan.gaps.length} of ${scan.cells} ` +
        `layer x strength cells lack prompts (${describeGaps(scan.gaps, scan.prompts)}); ` +
        `statistics use the rows present`,
    );
  }
  for (
    const [file, report] of [
      [files.samples, files.samplesReport] as const,
      [files.layers, files.layersReport] as const,
    ]
  ) {
    const { records, first, last } = report.spanning;
    if (records > 0) {
      warnings.push(
        `warning: ${file}:${first}-${last}: a quoted field opened on line ${first} runs to line ` +
          `${last}, one record (as pandas reads it)` +
          (records > 1 ? `; ${records} records span several lines` : "") +
          `: check for a stray quote at the start of a field`,
      );
    }
    if (report.unterminated) {
      warnings.push(
        `warning: ${file}:${report.lines}: the last line has no line end: the file may have ` +
          `been cut off while written`,
      );
    }
  }
  return warnings;
}
