/**
 * Property-based test of the streaming CSV reader: random tables (quotes, commas and line ends
 * inside quoted fields, stray quotes in unquoted fields, text after a closing quote, CRLF/CR/LF, a
 * BOM, blank lines, random chunk boundaries) must read back exactly, agree with an independent whole-text parser written
 * here, and account for every line.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { dictionaryValue } from "../lib/sweep/columns.ts";
import { readInChunks } from "./helpers/chunks.ts";

const SCHEMA = { a: "int", b: "float", s: "string" } as const;
const NAMES = ["a", "b", "s", "note"];

/** A reference parser over the whole text: regular expressions, not a state machine. */
function referenceParse(text: string): { records: string[][]; lines: number; blank: number } {
  const records: string[][] = [];
  let pos = 0, lines = 0, blank = 0;
  const eat = (re: RegExp) => {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m) pos += m[0].length;
    return m;
  };
  const lineEnds = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;
  while (pos < text.length) {
    const empty = eat(/[ \t]*(\r\n|\r|\n|$)/y);
    if (empty && empty[0].length > 0) {
      lines++, blank++;
      continue;
    }
    const fields: string[] = [];
    for (;;) {
      let field = "";
      const quoted = eat(/"((?:[^"]|"")*)"/y);
      if (quoted) {
        field = quoted[1].replaceAll('""', '"');
        lines += lineEnds(quoted[1]);
      } else if (text[pos] === '"') throw new Error("unclosed quote");
      field += eat(/[^,\r\n]*/y)![0];
      fields.push(field);
      if (!eat(/,/y)) break;
    }
    eat(/\r\n|\r|\n/y);
    lines++;
    records.push(fields);
  }
  return { records, lines, blank };
}

/**
 * A text cell, quoted when it must be (or by chance when it need not be). A quoted cell is
 * sometimes closed early at `cut`, the rest written after the closing quote (`"ab"c` is `abc` in
 * pandas), when that rest holds no comma or line end and does not start with a quote.
 */
function encode(cell: string, quote: boolean, cut: number): string {
  const must = /[,\r\n]/.test(cell) || cell.startsWith('"') || /^[ \t]*$/.test(cell);
  if (!must && !quote) return cell;
  const k = cut % (cell.length + 2);
  const head = cell.slice(0, k), tail = cell.slice(k);
  const early = tail.length > 0 && !/[,\r\n]/.test(tail) && !tail.startsWith('"');
  return early ? `"${head.replaceAll('"', '""')}"${tail}` : `"${cell.replaceAll('"', '""')}"`;
}

const textCell = fc.string({
  unit: fc.constantFrom("a", "B", " ", '"', ",", "\n", "\r", "\r\n", "é", "5"),
  maxLength: 8,
});
const floatCell = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => ({
    text: String(x),
    value: Number(String(x)),
  })),
  fc.constantFrom(
    { text: "", value: NaN },
    { text: "nan", value: NaN },
    { text: "NaN", value: NaN },
    { text: "inf", value: Infinity },
    { text: "-inf", value: -Infinity },
  ),
);
const row = fc.record({
  a: fc.integer({ min: -2147483648, max: 2147483647 }),
  b: floatCell,
  s: textCell,
  note: textCell,
  quote: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
  cut: fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
  end: fc.constantFrom("\n", "\r\n", "\r"),
  blankBefore: fc.option(fc.constantFrom("", "  ", "\t"), { freq: 6 }),
});
const table = fc.record({
  order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
  rows: fc.array(row, { maxLength: 25 }),
  bom: fc.boolean(),
  finalEnd: fc.boolean(),
  cuts: fc.array(fc.nat(), { maxLength: 6 }),
});

type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;
type Table = typeof table extends fc.Arbitrary<infer T> ? T : never;

function cells(r: Row): string[] {
  return [
    String(r.a),
    r.b.text,
    encode(r.s, r.quote[0], r.cut[0]),
    encode(r.note, r.quote[1], r.cut[1]),
  ];
}

function render(t: Table): string {
  let text = (t.bom ? "\ufeff" : "") + t.order.map((i) => NAMES[i]).join(",") + "\n";
  t.rows.forEach((r, k) => {
    const c = cells(r);
    const last = k === t.rows.length - 1;
    if (r.blankBefore !== null && k > 0) text += r.blankBefore + "\n";
    text += t.order.map((i) => c[i]).join(",") + (last && !t.finalEnd ? "" : r.end);
  });
  return text;
}

Deno.test("streaming reader = whole-text reference = the table written, every line counted", () => {
  fc.assert(
    fc.property(table, (t) => {
      const text = render(t);
      const { columns, report } = readInChunks(text, SCHEMA, t.cuts);
      const ref = referenceParse(text.replace(/^\ufeff/, ""));
      const header = ref.records[0];
      assert.deepEqual(header, t.order.map((i) => NAMES[i]));
      assert.equal(columns.length, t.rows.length);
      assert.equal(ref.records.length - 1, t.rows.length);
      assert.equal(report.lines, ref.lines);
      assert.equal(report.blank, ref.blank);
      t.rows.forEach((r, k) => {
        const refRow = ref.records[k + 1];
        const field = (name: string) => refRow[header.indexOf(name)];
        assert.equal(columns.a[k], r.a);
        assert.equal(Number(field("a")), r.a);
        assert.ok(Object.is(columns.b[k], r.b.value), `b ${columns.b[k]} != ${r.b.value}`);
        assert.equal(dictionaryValue(columns.s, k), r.s);
        assert.equal(field("s"), r.s);
        assert.equal(field("note"), r.note);
      });
    }),
    { seed: 20261125, numRuns: 300 },
  );
});

Deno.test("the line of each row agrees with the reference's line count", () => {
  fc.assert(
    fc.property(table, (t) => {
      const text = render(t);
      const { report } = readInChunks(text, SCHEMA, t.cuts);
      t.rows.forEach((_, k) => {
        const cut = referenceParse(text.replace(/^\ufeff/, "").slice(0, rowStart(t, k)));
        assert.equal(report.lineOfRow(k), cut.lines + 1, `row ${k}`);
      });
    }),
    { seed: 7, numRuns: 100 },
  );
});

/** Where row k starts in the rendered text (without the BOM). */
function rowStart(t: Table, k: number): number {
  const prefix = render({ ...t, rows: t.rows.slice(0, k), finalEnd: true });
  const blank = t.rows[k].blankBefore;
  return prefix.replace(/^\ufeff/, "").length + (blank !== null && k > 0 ? blank.length + 1 : 0);
}
