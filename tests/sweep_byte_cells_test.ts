/**
 * The fast path's cell readers: every float it reads is exactly the double the full reader
 * (`cells.ts`) reads from the same text (correct rounding included), every whole number too, and
 * a cell it does not read is left to the full reader (never read to another value).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { blankLine, ByteCells, isTextByte } from "../lib/sweep/byte_cells.ts";
import { floatInRange, intInRange } from "../lib/sweep/cells.ts";

const encode = (text: string) => new TextEncoder().encode(`${text},`);

/**
 * The fast reading of a float cell: its value, or undefined when left to the full reader (not
 * read, or read only up to a byte that is no comma: the row's check then defers the file).
 */
function fastFloat(text: string): number | undefined {
  const cells = new ByteCells(), bytes = encode(text);
  const value = cells.float(bytes, 0);
  return cells.end < 0 || bytes[cells.end] !== 44 ? undefined : value;
}

function fastInt(text: string): number | undefined {
  const cells = new ByteCells(), bytes = encode(text);
  const value = cells.int(bytes, 0);
  return cells.end < 0 || bytes[cells.end] !== 44 ? undefined : value;
}

const digits = (max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 0, maxLength: max });

/** Decimal texts of every plain shape: sign, integer digits, fraction, exponent. */
const decimal = fc.record({
  sign: fc.constantFrom("", "-", "+"),
  whole: digits(20),
  point: fc.boolean(),
  fraction: digits(20),
  exponent: fc.option(
    fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "-", "+"), digits(4)),
  ),
}).map(({ sign, whole, point, fraction, exponent }) =>
  sign + whole + (point ? "." + fraction : "") + (exponent ? exponent.join("") : "")
);

Deno.test("a decimal cell is read by the fast path as the full reader's double, bit for bit", () => {
  fc.assert(
    fc.property(decimal, (text) => {
      const full = floatInRange(text, 0, text.length);
      const fast = fastFloat(text);
      // Every decimal of these shapes is the fast path's (only the ones that are no number,
      // such as "-" or "1e400", are left to the full reader, which words the error).
      assert.equal(fast === undefined, full === undefined, text);
      assert.ok(Object.is(fast, full), `${text}: ${fast} but the full reader reads ${full}`);
    }),
    { numRuns: 20000 },
  );
});

Deno.test("every double's shortest text reads back exactly (the general path past 15 digits)", () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      assert.ok(Object.is(fastFloat(String(x)), Number(String(x))), String(x)); // -0 prints "0"
    }),
    { numRuns: 20000 },
  );
});

Deno.test("decimals at the edges of the one-operation path round correctly", () => {
  const cases = [
    "0.1",
    "0.3",
    "123456789012345", // 15 digits: the fast path
    "1234567890123456", // 16: parseFloat
    "9007199254740993", // 2^53 + 1: rounds to even
    "1e22",
    "1e23", // past the exact powers: parseFloat
    "1.7976931348623157e308",
    "4.9e-324",
    "2.2250738585072014e-308",
    "0.000000000000000000001",
    "-0.0",
    "-0",
    "00012.50",
    "1.",
    ".5",
    "-.5",
    "1e-400", // underflows to 0, as Number reads it
  ];
  for (const text of cases) {
    assert.ok(Object.is(fastFloat(text), floatInRange(text, 0, text.length)), text);
  }
});

Deno.test("cells the fast path does not read are left to the full reader", () => {
  for (const text of ["abc", "1e400", "-", ".", "1e", "nan", "NaN", " 1", "1 ", "inf", "0x10"]) {
    assert.equal(fastFloat(text), undefined, text);
  }
  assert.ok(Number.isNaN(fastFloat("")!)); // an empty cell is missing, as in the full reader
});

Deno.test("whole numbers: read as the full reader reads them, or left to it", () => {
  fc.assert(
    fc.property(fc.constantFrom("", "-", "+"), digits(12), (sign, body) => {
      const text = sign + body;
      const fast = fastInt(text);
      if (fast === undefined) return;
      assert.equal(fast, intInRange(text, 0, text.length), text);
    }),
    { numRuns: 5000 },
  );
  assert.equal(fastInt("123456789"), 123456789);
  assert.equal(fastInt("1234567890"), undefined); // 10 digits: the full reader checks the range
  assert.equal(fastInt("1.0"), undefined); // no whole number: the full reader words the error
});

Deno.test("text bytes and blank lines", () => {
  const bytes = new TextEncoder().encode('(A) x,"q"\n \t\r\n');
  const cells = new ByteCells();
  assert.equal(cells.text(bytes, 0), 5); // up to the comma
  assert.equal(cells.text(bytes, 6), 6); // a quote is not a text byte
  assert.equal(isTextByte(9), false); // nor a tab
  assert.equal(blankLine(bytes, 10), true);
  assert.equal(blankLine(bytes, 0), false);
});
