/**
 * Reading one run folder on its own: its two CSVs and `summary.json`, the checks that need no
 * other run, and the notes that depend on this run only. What needs every run (the layer counts,
 * and so the layer range; the order of the notes) is left to `assembleSweep` (`load.ts`), so a
 * run can be read anywhere (another thread) and in any order.
 * @module
 */
import { join } from "node:path";
import {
  assertHasRows,
  checkStrengths,
  checkSummaryLayers,
  checkSummaryRepeats,
  type RunFiles,
} from "./checks.ts";
import { readCsvFile } from "./csv_file.ts";
import { RecordParser } from "./csv_record.ts";
import { bestLayerNote } from "./effect_gap.ts";
import { SweepDataError } from "./errors.ts";
import { assertRegularFile, pathKind } from "./files.ts";
import { parseJsonText, parseRunInfo } from "./json.ts";
import { type KeyScan, scanKeys } from "./keys.ts";
import { RUN_FILES } from "./layout.ts";
import { dataQualityNote } from "./quality.ts";
import { decodeText } from "./text.ts";
import {
  LAYER_SUMMARY_SCHEMA,
  type LayerSummaryRow,
  SAMPLE_COLUMNS,
  SAMPLE_SCHEMA,
  type SweepRun,
} from "./types.ts";

/** A run to read: its folder and the model and concept it is for. */
export interface RunTask {
  dir: string;
  model: string;
  concept: string;
}

/** A run read and checked on its own, with what its notes and later checks need. */
export interface LoadedRun {
  run: SweepRun;
  files: RunFiles;
  /** The per-sample keys: repeats and the layer x strength grid. */
  scan: KeyScan;
  /** The data-quality note (answers other than (A)/(B)), if any. */
  quality?: string;
  /** The warning for a pair with no effect size at its best layer, if any. */
  bestLayer?: string;
}

/** A regular file's text (binary data and invalid UTF-8 are errors at their line). */
async function readText(path: string): Promise<string> {
  await assertRegularFile(path);
  return decodeText(await Deno.readFile(path), path);
}

/**
 * Reads a run's files and makes the checks that need no other run: rows present, summary layers
 * with per-sample rows and listed once, every strength present, `summary.json` for this folder.
 * Keeps the per-sample columns the analysis reads (`SAMPLE_COLUMNS`); the others are checked.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const { run, files } = await readRunFiles(dir, "4B", "corrigible");
 * assert.equal(run.samples.length, 3000);
 * assert.ok(!("logprob_A" in run.samples)); // checked, not kept
 * assert.equal(files.samplesReport.lineOfRow(0), 2);
 * ```
 */
export async function readRunFiles(
  dir: string,
  model: string,
  concept: string,
): Promise<{ run: SweepRun; files: RunFiles }> {
  const samplesFile = join(dir, RUN_FILES.samples);
  const layersFile = join(dir, RUN_FILES.layers);
  const infoFile = join(dir, RUN_FILES.info);
  const [parsed, table, infoText] = await Promise.all([
    readCsvFile(samplesFile, SAMPLE_SCHEMA, { model, concept }, SAMPLE_COLUMNS),
    readCsvFile(layersFile, LAYER_SUMMARY_SCHEMA),
    pathKind(infoFile).then((kind) => kind === "missing" ? undefined : readText(infoFile)),
  ]);
  assertHasRows(parsed.report.rows, samplesFile);
  assertHasRows(table.report.rows, layersFile);
  const samples = parsed.columns, t = table.columns;
  const layers: LayerSummaryRow[] = Array.from({ length: t.length }, (_, i) => ({
    layer: t.layer[i],
    baseline_mean: t.baseline_mean[i],
    positive_mean: t.positive_mean[i],
    negative_mean: t.negative_mean[i],
    delta: t.delta[i],
    model,
    concept,
  }));
  const info = infoText === undefined ? undefined : parseRunInfo(infoText, infoFile);
  const nfc = (name: string) => name.normalize("NFC");
  if (info && (nfc(info.model) !== nfc(model) || nfc(info.concept) !== nfc(concept))) {
    throw new SweepDataError(
      `summary.json is for ${info.model}/${info.concept} but the folder is for ${model}/${concept}`,
      { file: infoFile },
    );
  }
  const run = { model, concept, dir, info, layers, samples };
  const files = {
    samples: samplesFile,
    layers: layersFile,
    samplesReport: parsed.report,
    layersReport: table.report,
  };
  checkSummaryLayers(run, files);
  checkSummaryRepeats(run, files);
  checkStrengths(run, files);
  return { run, files };
}

/**
 * Reads a run ({@link readRunFiles}) and computes what depends on it alone: its key scan, its
 * data-quality note and its best-layer warning.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = "results/logit_diff_sweep/sycophancy/Qwen_Qwen3_4B";
 * const loaded = await readRun({ dir, model: "4B", concept: "sycophancy" });
 * assert.equal(loaded.scan.duplicates, 0);
 * assert.match(loaded.quality ?? "", /^data quality: 4B\/sycophancy: /);
 * assert.equal(loaded.bestLayer, undefined); // the pair has its effect size
 * ```
 */
export async function readRun(task: RunTask): Promise<LoadedRun> {
  const { run, files } = await readRunFiles(task.dir, task.model, task.concept);
  return {
    run,
    files,
    scan: scanKeys(run.samples),
    quality: dataQualityNote(run, files.samples),
    bestLayer: bestLayerNote(run, files),
  };
}

/** Characters of a CSV's start {@link firstCell} reads at most, looking for its first row. */
const HEAD_LIMIT = 1 << 20;

/** The first data row's cell of `column` in CSV text, "more" when the text may end too soon. */
function cellInText(
  text: string,
  column: string,
  final: boolean,
  file: string,
): { value: string; line: number } | "more" | undefined {
  const parser = new RecordParser();
  let header: string[] | undefined, pos = 0, line = 1;
  while (pos < text.length) {
    const end = parser.parse(text, pos, final, file, line);
    if (end < 0) return "more";
    const fields = parser.fields;
    if (!(fields.length === 1 && fields[0].trim() === "")) {
      if (header === undefined) header = fields.map((name) => name.trim());
      else {return header.includes(column)
          ? { value: fields[header.indexOf(column)], line }
          : undefined;}
    }
    line += 1 + parser.innerLines;
    pos = end;
  }
  return final ? undefined : "more";
}

/**
 * The cell of `column` in a CSV file's first data row (blank lines skipped, quotes read as pandas
 * reads them) and its line, read from the start of the file only; undefined when the file has no
 * such column, no data row in its first MiB, or cannot be read as CSV (reading the whole file
 * then says what is wrong, at its line). The label of a run comes from here (`discover.ts`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const file = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B/per_sample_all_layers.csv";
 * assert.deepEqual(await firstCell(file, "model"), { value: "4B", line: 2 });
 * assert.equal(await firstCell(file, "no_such_column"), undefined);
 * ```
 */
export async function firstCell(
  path: string,
  column: string,
): Promise<{ value: string; line: number } | undefined> {
  let file: Deno.FsFile;
  try {
    file = await Deno.open(path);
  } catch {
    return undefined;
  }
  const decoder = new TextDecoder("utf-8"); // a BOM is dropped; bad bytes are the full read's
  const buffer = new Uint8Array(1 << 16);
  let text = "";
  try {
    while (text.length < HEAD_LIMIT) {
      const n = await file.read(buffer);
      const final = n === null;
      text += final ? decoder.decode() : decoder.decode(buffer.subarray(0, n), { stream: true });
      const found = cellInText(text, column, final, path);
      if (found !== "more") return found;
      if (final) return undefined;
    }
  } catch {
    return undefined; // an unclosed quote, a read error: the full read words it
  } finally {
    file.close();
  }
  return undefined;
}

/**
 * The `model` a run's `summary.json` names (a string), or undefined when it names none or cannot
 * be read (reading the run then says what is wrong with it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const file = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B/summary.json";
 * assert.equal(await summaryModel(file), "4B");
 * assert.equal(await summaryModel("/no/such/summary.json"), undefined);
 * ```
 */
export async function summaryModel(path: string): Promise<string | undefined> {
  try {
    const value = parseJsonText(await readText(path), path);
    const model = (value as Record<string, unknown> | null)?.model;
    return typeof model === "string" ? model : undefined;
  } catch {
    return undefined;
  }
}
