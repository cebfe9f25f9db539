/**
 * Property test of the fast CSV path against the full reader: on random clean files (columns in
 * any order, extra columns, spaces around header names, LF and CRLF mixed, a last line with or
 * without a line end, any cell of the plain shapes, full-precision floats as pandas writes them,
 * chunks cut anywhere) both give identical
 * columns and reports; on a file made dirty in one place (a quote, a CR alone, a byte past ASCII,
 * a blank line, a ragged row, a cell that is no plain number, a NUL, a BOM, a tab, a model that
 * differs) the fast path declines, and the full reader, which words every error, reads it.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { TypedCsvReader } from "../lib/sweep/csv_reader.ts";
import { DEFER, FastCsvParser } from "../lib/sweep/fast_csv.ts";
import { type ByteSource, readFast } from "../lib/sweep/fast_file.ts";
import { pandasFloat } from "../lib/synth/sweep.ts";

const SCHEMA = { a: "int", b: "float", s: "string", m: "string", c: "float" } as const;
const EXPECT = { m: "M1" };
const KEEP = ["a", "b", "s"] as const; // m is checked against EXPECT, c only checked

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });

/** Float cells the full reader reads, in the plain shapes (and the empty cell). */
const floatCell = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(pandasFloat), // 1.5e-05, -1.0
  fc.double({ min: -50, max: 50, noNaN: true }).map((x) => x.toPrecision(17)),
  fc.tuple(fc.constantFrom("", "-", "+"), digits(1, 18), digits(0, 18), fc.boolean()).map(
    ([sign, whole, fraction, point]) => sign + whole + (point ? "." + fraction : ""),
  ),
  fc.tuple(digits(1, 3), fc.constantFrom("e", "E-", "e+"), digits(1, 2)).map((p) => p.join("")),
  fc.constant(""),
);
const intCell = fc.tuple(fc.constantFrom("", "-", "+"), digits(1, 9)).map(([s, d]) => s + d);
const textCell = fc.string({
  unit: fc.constantFrom("(", "A", ")", "b", " ", "5", "-"),
  maxLength: 6,
});

/** A random clean file: header (fields in a random order, maybe extras), rows, line ends. */
const cleanFile = fc.record({
  order: fc.shuffledSubarray(["a", "b", "s", "m", "c", "note", "extra"], { minLength: 7 }),
  padded: fc.boolean(),
  rows: fc.array(
    fc.record({ a: intCell, b: floatCell, s: textCell, c: floatCell, note: textCell }),
    { minLength: 1, maxLength: 40 },
  ),
  crlf: fc.array(fc.boolean(), { minLength: 41, maxLength: 41 }),
  terminated: fc.boolean(),
}).map(({ order, padded, rows, crlf, terminated }) => {
  const header = order.map((name) => (padded ? ` ${name} ` : name)).join(",");
  const lines = [
    header,
    ...rows.map((row) =>
      order.map((name) => name === "m" ? "M1" : name === "extra" ? "x" : row[name as "a"]).join(",")
    ),
  ];
  const text = lines.map((line, i) => line + (crlf[i] ? "\r\n" : "\n")).join("");
  return terminated ? text : text.replace(/\r?\n$/, "");
});

/** A source handing out `bytes` in chunks of the given sizes (cycled). */
function chunked(bytes: Uint8Array, sizes: number[]): ByteSource {
  let at = 0, k = 0;
  return {
    read(buffer) {
      if (at >= bytes.length) return Promise.resolve(null);
      const n = Math.min(sizes[k++ % sizes.length], buffer.length, bytes.length - at);
      buffer.set(bytes.subarray(at, at + n));
      at += n;
      return Promise.resolve(n);
    },
  };
}

/** The full reader's columns and report (the report's function replaced by its values). */
function fullRead(text: string) {
  const reader = new TypedCsvReader("s.csv", SCHEMA, EXPECT, KEEP);
  reader.push(text);
  const columns = reader.end();
  const { lineOfRow, ...report } = reader.report();
  return { columns, report, lines: Array.from({ length: report.rows }, (_, r) => lineOfRow(r)) };
}

async function fastRead(text: string, sizes: number[]) {
  const bytes = new TextEncoder().encode(text);
  const read = await readFast(chunked(bytes, sizes), SCHEMA, EXPECT, KEEP, bytes.length);
  if (!read) return undefined;
  const { lineOfRow, ...report } = read.report;
  return {
    columns: read.columns,
    report,
    lines: Array.from({ length: report.rows }, (_, r) => lineOfRow(r)),
  };
}

const chunkSizes = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 });

Deno.test("on clean files the fast path gives the full reader's columns and report", async () => {
  await fc.assert(
    fc.asyncProperty(cleanFile, chunkSizes, async (text, sizes) => {
      const fast = await fastRead(text, sizes);
      assert.ok(fast, `the fast path declined a clean file: ${JSON.stringify(text.slice(0, 200))}`);
      assert.deepEqual(fast, fullRead(text)); // typed arrays compared byte for byte: -0, NaN
    }),
    { numRuns: 400 },
  );
});

/** Ways to make a clean file dirty in one place, each a thing the fast path leaves alone. */
const DIRT: Record<string, (text: string, at: number) => string> = {
  quote: (t, at) => insertInRow(t, at, '"'),
  "CR alone": (t) => t.replace(/\r?\n(?=.)/, "\r"),
  "byte past ASCII": (t, at) => insertInRow(t, at, "é"),
  "blank line": (t) => t.replace(/\n/, "\n\n"),
  "blank line of spaces": (t) => t.replace(/\n/, "\n  \n"),
  "ragged row": (t) => t.replace(/\n([^\n]*)/, "\n$1,more"),
  "short row": (t) => t.replace(/\n([^,\n]*),/, "\n"),
  "NaN spelling": (t) => replaceCell(t, "b", "nan"),
  "no number": (t) => replaceCell(t, "a", "1.5"),
  "space in a number": (t) => replaceCell(t, "c", " 1"),
  "other model": (t) => replaceCell(t, "m", "M2"),
  NUL: (t, at) => insertInRow(t, at, "\0"),
  BOM: (t) => "\ufeff" + t,
  tab: (t, at) => insertInRow(t, at, "\t"),
  "CR at the end": (t) => t.replace(/\r?\n?$/, "\r"),
};

/** Inserts `s` somewhere in the data rows (after the header). */
function insertInRow(text: string, at: number, s: string): string {
  const start = text.indexOf("\n") + 1;
  const i = start + (at % Math.max(1, text.length - start));
  return text.slice(0, i) + s + text.slice(i);
}

/** Replaces column `name`'s cell in the first row by `cell`. */
function replaceCell(text: string, name: string, cell: string): string {
  const lines = text.split("\n");
  const index = lines[0].split(",").map((h) => h.trim().replace(/\r$/, "")).indexOf(name);
  const fields = lines[1].split(",");
  const cr = fields.at(-1)!.endsWith("\r");
  fields[index] = cell + (cr && index === fields.length - 1 ? "\r" : "");
  lines[1] = fields.join(",");
  return lines.join("\n");
}

Deno.test("on a file dirty in one place the fast path declines", async () => {
  await fc.assert(
    fc.asyncProperty(
      cleanFile.filter((t) => t.split("\n").length > 2),
      fc.constantFrom(...Object.keys(DIRT)),
      fc.nat(),
      chunkSizes,
      async (text, dirt, at, sizes) => {
        const dirty = DIRT[dirt](text, at);
        assert.notEqual(dirty, text, dirt);
        assert.equal(await fastRead(dirty, sizes), undefined, `${dirt}: ${JSON.stringify(dirty)}`);
      },
    ),
    { numRuns: 600 },
  );
});

Deno.test("a header the fast path does not read, and a line too long for it, are declined", async () => {
  const header = (text: string) =>
    new FastCsvParser(SCHEMA, EXPECT).header(new TextEncoder().encode(text), 0);
  assert.equal(header('"a",b,s,m,c\n'), DEFER); // a quoted header
  assert.equal(header("a,b,s,m\n"), DEFER); // a missing column: the full reader says which
  assert.equal(header("\na,b,s,m,c\n"), DEFER); // a blank line first
  assert.equal(header("a,b,s,m,c\n"), 10);
  const long = `a,b,s,m,c\n1,2,${"x".repeat(200_000)},M1,3\n`; // past the 64 KiB carried
  assert.equal(await fastRead(long, [65536]), undefined);
  assert.ok(fullRead(long).columns.length === 1); // the full reader reads it
});

Deno.test("header-only and empty files are left to the full reader (which words the error)", async () => {
  assert.equal(await fastRead("a,b,s,m,c\n", [7]), undefined);
  assert.equal(await fastRead("", [7]), undefined);
});
