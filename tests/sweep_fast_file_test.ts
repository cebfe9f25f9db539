/**
 * The fast path on files: the default sweep's files read as the full reader reads them (columns
 * and reports), chunk boundaries anywhere (a CRLF cut between chunks, a line across several
 * chunks), and a file with something unusual is left to the full reader.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { readCsvFull } from "../lib/sweep/csv_file.ts";
import { type ByteSource, readFast, readFileFast } from "../lib/sweep/fast_file.ts";
import { LAYER_SUMMARY_SCHEMA, SAMPLE_COLUMNS, SAMPLE_SCHEMA } from "../lib/sweep/types.ts";
import { synthRun, type SynthSpec } from "../lib/synth/sweep.ts";
import { inTempDir } from "./helpers/temp_sweep.ts";

const DATA = "results/logit_diff_sweep";

/** A report without its function, and the line of each row. */
function plain(report: { lineOfRow(r: number): number; rows: number }) {
  const { lineOfRow, ...rest } = report;
  return { ...rest, lines: Array.from({ length: report.rows }, (_, r) => lineOfRow(r)) };
}

Deno.test("every per-sample file of the default sweep reads as the full reader reads it", async () => {
  for (const concept of ["corrigible", "self_awareness", "sycophancy"]) {
    for (const [folder, model] of [["Qwen_Qwen3_4B", "4B"], ["Qwen_Qwen3_32B", "32B"]]) {
      const path = join(DATA, concept, folder, "per_sample_all_layers.csv");
      const expect = { model, concept };
      const fast = await readFileFast(path, SAMPLE_SCHEMA, expect, SAMPLE_COLUMNS);
      const full = await readCsvFull(path, SAMPLE_SCHEMA, expect, SAMPLE_COLUMNS);
      assert.ok(fast, path);
      assert.deepEqual(fast.columns, full.columns, path);
      assert.deepEqual(plain(fast.report), plain(full.report), path);
      const summary = join(DATA, concept, folder, "layer_summary.csv");
      const table = await readFileFast(summary, LAYER_SUMMARY_SCHEMA);
      assert.deepEqual(table?.columns, (await readCsvFull(summary, LAYER_SUMMARY_SCHEMA)).columns);
    }
  }
});

Deno.test("a full-precision sweep (pandas float64 text) reads as the full reader reads it", async () => {
  const model = { label: "4B", layers: 36 };
  const spec: SynthSpec = { models: [model], concepts: ["c"], prompts: 60, precision: "full" };
  await inTempDir(async (dir) => {
    const path = join(dir, "per_sample_all_layers.csv");
    await Deno.writeTextFile(path, synthRun(spec, model, "c", 11).samples);
    const expect = { model: "4B", concept: "c" };
    const all = Object.keys(SAMPLE_SCHEMA) as (keyof typeof SAMPLE_SCHEMA)[];
    for (const keep of [SAMPLE_COLUMNS, all]) {
      const fast = await readFileFast(path, SAMPLE_SCHEMA, expect, keep);
      const full = await readCsvFull(path, SAMPLE_SCHEMA, expect, keep);
      assert.ok(fast, "the fast path reads it");
      assert.deepEqual(fast.columns, full.columns); // typed arrays: bit for bit
      assert.deepEqual(plain(fast.report), plain(full.report));
    }
  });
});

/** A source handing out `text` in chunks of `size` bytes. */
function chunks(text: string, size: number): ByteSource {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return {
    read(buffer) {
      if (at >= bytes.length) return Promise.resolve(null);
      const n = Math.min(size, buffer.length, bytes.length - at);
      buffer.set(bytes.subarray(at, at + n));
      at += n;
      return Promise.resolve(n);
    },
  };
}

Deno.test("a CRLF cut between two chunks is one line end; a row across chunks reads whole", async () => {
  const text = "layer,delta\r\n11,0.25\r\n12,-1.5e-3\r\n";
  for (let size = 1; size <= text.length; size++) {
    const read = await readFast(chunks(text, size), { layer: "int", delta: "float" });
    assert.ok(read, `chunks of ${size}`);
    assert.deepEqual([...read.columns.layer, ...read.columns.delta], [11, 12, 0.25, -0.0015]);
    assert.equal(read.report.lines, 3);
    assert.equal(read.report.unterminated, false);
  }
});

Deno.test("unusual files are left to the full reader, which reads or words them", async () => {
  await inTempDir(async (dir) => {
    const cases: Record<string, string> = {
      "cr.csv": "layer,delta\r11,0.5\r", // CR-only line ends
      "quoted.csv": 'layer,delta\n11,"0.5"\n',
      "blank.csv": "layer,delta\n\n11,0.5\n",
      "bom.csv": "\ufefflayer,delta\n11,0.5\n",
      "nan.csv": "layer,delta\n11,NaN\n",
    };
    for (const [name, text] of Object.entries(cases)) {
      const path = join(dir, name);
      await Deno.writeTextFile(path, text);
      const schema = { layer: "int", delta: "float" } as const;
      assert.equal(await readFileFast(path, schema), undefined, name);
      assert.equal((await readCsvFull(path, schema)).columns.layer[0], 11, name);
    }
  });
});
