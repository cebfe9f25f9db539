import assert from "node:assert/strict";
import { TypedCsvReader } from "../lib/sweep/csv_reader.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { readInChunks } from "./helpers/chunks.ts";

const SCHEMA = { layer: "int", delta: "float", model: "string" } as const;

Deno.test("rows split across chunks anywhere read the same as in one piece", () => {
  const text = "layer,delta,model\n1,0.5,4B\n2,-1.25,4B\n3,NaN,4B\n";
  for (let cut = 0; cut <= text.length; cut++) {
    const reader = new TypedCsvReader("s.csv", SCHEMA);
    reader.push(text.slice(0, cut));
    reader.push(text.slice(cut));
    const t = reader.end();
    assert.deepEqual([...t.layer], [1, 2, 3], `cut at ${cut}`);
    assert.deepEqual([...t.delta].map(String), ["0.5", "-1.25", "NaN"]);
  }
});

Deno.test("expected text columns are checked at their line and column", () => {
  const reader = new TypedCsvReader("s.csv", SCHEMA, { model: "4B" });
  assert.throws(
    () => reader.push("layer,delta,model\n1,0.5,4B\n2,0.5,8B\n"),
    (e: unknown) =>
      e instanceof SweepDataError &&
      e.message === 's.csv:3:3 (column "model"): model is "8B" but the folder is for "4B"',
  );
});

const SAMPLE = { model: "string", layer: "int", answer: "string" } as const;

function read(text: string, cuts: number[] = []) {
  const { columns, report } = readInChunks(text, SAMPLE, cuts);
  return { t: columns, report };
}

Deno.test("issue 9 #1: a quote that does not start a field is an ordinary character", () => {
  const text = 'model,layer,answer,note\n4B,1,(B"),a 5" screen\n4B,2,(A),x\n4B,3,"q""x",y"\n';
  const { t, report } = read(text);
  assert.equal(t.length, 3);
  assert.deepEqual([...t.layer], [1, 2, 3]);
  assert.deepEqual(t.answer.values, ['(B")', "(A)", 'q"x']);
  assert.equal(report.lines, 4);
});

Deno.test("issue 9 #10: a CR-only file reads as lines, as pandas reads it", () => {
  const rows = Array.from({ length: 5000 }, (_, i) => `4B,${i},(A)`);
  const text = ["model,layer,answer", ...rows].join("\r") + "\r";
  const { t, report } = read(text, [7, 19, 4096]);
  assert.equal(t.length, 5000);
  assert.equal(t.layer[4999], 4999);
  assert.deepEqual([report.lines, report.blank, report.unterminated], [5001, 0, false]);
});

Deno.test("CRLF split between chunks, a BOM and blank lines are all accounted for", () => {
  const text = "\ufeffmodel,layer,answer\r\n4B,1,(A)\r\n\r\n  \r\n4B,2,(B)\r\n";
  for (let cut = 0; cut <= text.length; cut++) {
    const { t, report } = read(text, [cut]);
    assert.deepEqual([...t.layer], [1, 2], `cut at ${cut}`);
    assert.deepEqual([report.lines, report.blank], [5, 2]);
    assert.deepEqual([report.lineOfRow(0), report.lineOfRow(1)], [2, 5]);
  }
});

Deno.test("a quoted field still open at the end of the file is an error at its first line", () => {
  const text = 'model,layer,answer\n4B,1,(A)\n4B,2,"(B)\n4B,3,(A)\n';
  assert.throws(() => read(text), /^SweepDataError: s\.csv:3: a quoted field opened on this line/);
});

Deno.test("a missing-column message quotes at most a few hundred characters of the header", () => {
  const header = Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(",");
  assert.throws(
    () => read(`${header}\n`),
    (e: unknown) =>
      e instanceof SweepDataError && e.message.length < 300 &&
      /missing column "model"/.test(e.message),
  );
});

Deno.test("a last line without a line end is read and reported", () => {
  const { t, report } = read("model,layer,answer\n4B,1,(A)\n4B,2,(B)");
  assert.equal(t.length, 2);
  assert.equal(report.unterminated, true);
});

Deno.test("CR-only and one-column files read in linear time (no search to the text's end per line)", () => {
  const rows = Array.from({ length: 200_000 }, (_, i) => String(i % 50));
  for (
    const [text, schema] of [
      ["layer\r" + rows.join("\r") + "\r", { layer: "int" }],
      ["model,layer,answer\r" + rows.map((r) => `4B,${r},(A)`).join("\r") + "\r", SAMPLE],
    ] as const
  ) {
    const start = performance.now();
    const reader = new TypedCsvReader("big.csv", schema);
    for (let i = 0; i < text.length; i += 1 << 20) reader.push(text.slice(i, i + (1 << 20)));
    assert.equal(reader.end().length, 200_000);
    // Linear: tens of milliseconds here; a search per line to the end would take minutes.
    assert.ok(performance.now() - start < 5000, `${performance.now() - start} ms`);
  }
});
