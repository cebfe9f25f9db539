/**
 * Hostile report on issue 9, defect 10: a single very long line (no line ends) was superlinear
 * (240 MB: 33.6 s, 2.34 GB: the carried text was re-scanned on every chunk). Reading is now linear
 * up to a bound, and a line past MAX_LINE_CHARS is a one-line error naming the file and line.
 */
import assert from "node:assert/strict";
import { MAX_LINE_CHARS, TypedCsvReader } from "../lib/sweep/csv_reader.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";

const SCHEMA = { a: "float" } as const;
const CHUNK = "x".repeat(1 << 20);

/** Milliseconds to push `mb` 1 MiB chunks of one line, then its line end (the cell is no number). */
function feed(mb: number, reader = new TypedCsvReader("big.csv", SCHEMA)): number {
  const t0 = performance.now();
  reader.push("a\n");
  for (let i = 0; i < mb; i++) reader.push(CHUNK);
  assert.throws(() => reader.push("\n"), /not a number/);
  return performance.now() - t0;
}

Deno.test("defect 10: a line without line ends is read in linear time", () => {
  feed(2); // warm up
  const small = Math.max(feed(3), 1), large = feed(12);
  assert.ok(
    large < 4 * 4 * small + 50,
    `3 MiB: ${small.toFixed(1)} ms, 12 MiB: ${large.toFixed(1)} ms`,
  );
});

Deno.test("defect 10: a line past the limit is a bounded error at its line", () => {
  const mb = MAX_LINE_CHARS / (1 << 20) + 2;
  const t0 = performance.now();
  assert.throws(() => {
    const reader = new TypedCsvReader("big.csv", SCHEMA);
    reader.push("a\n");
    for (let i = 0; i < mb; i++) reader.push(CHUNK);
  }, (e: unknown) => {
    assert.ok(e instanceof SweepDataError);
    assert.match(
      e.message,
      /^big\.csv:2: line 2 runs past 16,777,216 characters without a line end/,
    );
    assert.ok(e.message.length < 200);
    return true;
  });
  assert.ok(performance.now() - t0 < 5000);
});

Deno.test("defect 10: held pieces join into the same rows as whole text", () => {
  const reader = new TypedCsvReader("s.csv", SCHEMA);
  for (const piece of ["a", "\n1", "2", ".5\r", "\n", "3", "", "\r4\n"]) reader.push(piece);
  assert.deepEqual(Array.from(reader.end().a), [12.5, 3, 4]);
});
