/**
 * Sending a read run to another thread: everything in it is plain data but the read reports'
 * `lineOfRow`, a function, which is sent as the data it is computed from and rebuilt on arrival.
 * The columns' buffers are transferred, not copied.
 * @module
 */
import type { RunFiles } from "./checks.ts";
import type { CsvReport } from "./csv_reader.ts";
import { RowLines } from "./lines.ts";
import type { LoadedRun } from "./run_read.ts";

/** A read report as plain data. */
export type ReportData = Omit<CsvReport, "lineOfRow">;

/** A {@link LoadedRun} as plain data, for `postMessage`. */
export type PackedRun = Omit<LoadedRun, "files"> & {
  files: Omit<RunFiles, "samplesReport" | "layersReport"> & {
    samplesReport: ReportData;
    layersReport: ReportData;
  };
};

/** A report without its function; its row starts must be known (the readers' reports have them). */
function reportData(report: CsvReport): ReportData {
  if (!report.rowStarts) throw new Error("a read report without its row starts cannot be sent");
  const { lineOfRow: _, ...data } = report;
  return data;
}

/** A report rebuilt from its data. */
function reportOf(data: ReportData): CsvReport {
  const rowLines = RowLines.from(data.rowStarts!);
  return { ...data, lineOfRow: (row) => rowLines.lineOf(row) };
}

/**
 * A loaded run as plain data, and the buffers to transfer with it (its columns: after the
 * transfer they are the receiver's, and empty here).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readRun } from "./run_read.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const loaded = await readRun({ dir, model: "4B", concept: "corrigible" });
 * const { message, transfer } = packRun(loaded);
 * assert.equal(transfer.length, 5); // layer, strength, prompt_idx, answer codes, logit diffs
 * const back = unpackRun(structuredClone(message));
 * assert.equal(back.files.samplesReport.lineOfRow(10), 12);
 * assert.deepEqual(back.run.samples.layer, loaded.run.samples.layer);
 * ```
 */
export function packRun(loaded: LoadedRun): { message: PackedRun; transfer: ArrayBuffer[] } {
  const { files } = loaded;
  const message: PackedRun = {
    ...loaded,
    files: {
      ...files,
      samplesReport: reportData(files.samplesReport),
      layersReport: reportData(files.layersReport),
    },
  };
  const transfer: ArrayBuffer[] = [];
  for (const column of Object.values(loaded.run.samples)) {
    if (typeof column === "number") continue;
    const array = ArrayBuffer.isView(column) ? column : column.codes;
    const buffer = array.buffer as ArrayBuffer;
    if (!transfer.includes(buffer) && buffer.byteLength > 0) transfer.push(buffer);
  }
  return { message, transfer };
}

/**
 * The loaded run of a {@link packRun} message (as received): its reports rebuilt.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readRun } from "./run_read.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const { message } = packRun(await readRun({ dir, model: "4B", concept: "corrigible" }));
 * assert.equal(unpackRun(message).files.layersReport.lineOfRow(0), 2);
 * ```
 */
export function unpackRun(message: PackedRun): LoadedRun {
  const { files } = message;
  return {
    ...message,
    files: {
      ...files,
      samplesReport: reportOf(files.samplesReport),
      layersReport: reportOf(files.layersReport),
    },
  };
}
