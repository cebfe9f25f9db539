/**
 * The fast path's decimal-to-double conversion (`float_parse.ts`: Clinger, Eisel-Lemire, and
 * `parseFloat` when they cannot decide) gives the double `parseFloat` gives, bit for bit: on
 * random doubles printed as JavaScript, Python and pandas print them, on 19- and 20-digit and
 * longer mantissas, on exact halfway points between two doubles and their neighbours, subnormals,
 * overflow and underflow, -0, leading and trailing zeros; through the reader of whole cells
 * (`DecimalReader`), through the fast path's cell reader (`ByteCells`, its inlined loop
 * included), and through the conversion of a mantissa and a power of ten.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { ByteCells } from "../lib/sweep/byte_cells.ts";
import {
  convertWords,
  decimalToDouble,
  decimalWords,
  powerOfFive,
  readDecimal,
} from "../lib/sweep/float_parse.ts";
import { pandasFloat } from "../lib/synth/sweep.ts";

/** The fast path's cell reader on `text`: undefined when it leaves it to the full reader. */
function cellValue(text: string): number | undefined {
  const cells = new ByteCells(), bytes = new TextEncoder().encode(`${text},`);
  const value = cells.float(bytes, 0);
  return cells.end === text.length ? value : undefined;
}

/** Both readers give `parseFloat(text)` bit for bit (the cell reader leaves overflow alone). */
function assertParsed(text: string): void {
  const want = parseFloat(text);
  const read = readDecimal(text);
  assert.ok(Object.is(read, want), `${text}: read ${read}, parseFloat ${want}`);
  const cell = cellValue(text);
  if (Number.isFinite(want)) assert.ok(Object.is(cell, want), `${text}: cell ${cell}, ${want}`);
  else assert.equal(cell, undefined, `${text} overflows: left to the full reader`);
}

const bits = new Float64Array(1), words = new Uint32Array(bits.buffer);

/** The double of the given IEEE bits (high, low words). */
function fromBits(high: number, low: number): number {
  words[1] = high;
  words[0] = low;
  return bits[0];
}

/** A double's exact value as a decimal text (digits, point, digits): every double has one. */
function exactDecimal(x: bigint, exponent: number): string {
  // x * 2^exponent
  if (exponent >= 0) return (x << BigInt(exponent)).toString();
  const digits = (x * 5n ** BigInt(-exponent)).toString().padStart(-exponent + 1, "0");
  return `${digits.slice(0, exponent)}.${digits.slice(exponent)}`;
}

/** The exact point halfway between the positive finite double `x` and the next one up. */
function halfwayAbove(x: number): string {
  bits[0] = x;
  const biased = (words[1] >>> 20) & 0x7ff;
  const fraction = (BigInt(words[1] & 0xfffff) << 32n) | BigInt(words[0]);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  return exactDecimal(2n * mantissa + 1n, exponent - 1);
}

/** The decimal `text` nudged by one unit past its last digit (after `extra` zeros), up or down. */
function nudged(text: string, extra: number, up: boolean): string {
  const [whole, fraction = ""] = text.split(".");
  const digits = BigInt(whole + fraction + "0".repeat(extra)) + (up ? 1n : -1n);
  const decimals = fraction.length + extra;
  const padded = digits.toString().padStart(decimals + 1, "0");
  return `${padded.slice(0, padded.length - decimals)}.${padded.slice(padded.length - decimals)}`;
}

Deno.test("the table of powers of five is fast_float's power_of_five_128", () => {
  // Entries of fast_float 8.2.9's include/fast_float/fast_table.h, high and low 64 bits.
  const entries: [number, bigint, bigint][] = [
    [-342, 0xeef453d6923bd65an, 0x113faa2906a13b3fn],
    [-341, 0x9558b4661b6565f8n, 0x4ac7ca59a424c507n],
    [-28, 0xfd87b5f28300ca0dn, 0x8bca9d6e188853fcn],
    [-27, 0x9e74d1b791e07e48n, 0x775ea264cf55347en],
    [-18, 0x9392ee8e921d5d07n, 0x3aff322e62439fd0n],
    [-17, 0xb877aa3236a4b449n, 0x9befeb9fad487c3n],
    [-1, 0xccccccccccccccccn, 0xcccccccccccccccdn],
    [0, 0x8000000000000000n, 0n],
    [1, 0xa000000000000000n, 0n],
    [27, 0xcecb8f27f4200f3an, 0n],
    [28, 0x813f3978f8940984n, 0x4000000000000000n],
    [55, 0xd0cf4b50cfe20765n, 0xfff4b4e3f741cf6dn],
    [308, 0x8e679c2f5e44ff8fn, 0x570f09eaa7ea7648n],
  ];
  for (const [q, high, low] of entries) assert.equal(powerOfFive(q), (high << 64n) | low, `5^${q}`);
  // Positive powers: 5^q with its top bit at bit 127, truncated.
  for (let q = 0; q <= 308; q++) {
    const p = 5n ** BigInt(q), shift = p.toString(2).length - 128;
    assert.equal(powerOfFive(q), shift <= 0 ? p << BigInt(-shift) : p >> BigInt(shift), `5^${q}`);
  }
  assert.throws(() => powerOfFive(309), RangeError);
});

Deno.test("random doubles printed as JavaScript, Python and pandas print them read back", () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      for (
        const text of [
          String(x),
          x.toPrecision(17),
          x.toPrecision(16),
          x.toExponential(16),
          x.toExponential(),
          pandasFloat(x),
        ]
      ) {
        assertParsed(text);
      }
    }),
    { numRuns: 20000 },
  );
  // Values of the sweep's size, as pandas writes float64 logits and log-probabilities.
  fc.assert(
    fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
      assertParsed(pandasFloat(x));
      assertParsed(x.toPrecision(17));
    }),
    { numRuns: 20000 },
  );
});

/** A decimal text: `digits` with a point `point` digits from the end (none when 0), `e` power. */
function decimalText(digits: string, point: number, power: number | undefined, sign: string) {
  const body = point > 0 && point < digits.length
    ? `${digits.slice(0, -point)}.${digits.slice(-point)}`
    : digits;
  return sign + body + (power === undefined ? "" : `e${power}`);
}

const digitString = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });

Deno.test("16- to 20-digit and longer mantissas, with and without a point or exponent", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 9 }),
      digitString(14, 26),
      fc.nat({ max: 27 }),
      fc.option(fc.integer({ min: -360, max: 330 })),
      fc.constantFrom("", "-", "+"),
      (lead, rest, point, power, sign) => {
        assertParsed(decimalText(`${lead}${rest}`, point, power ?? undefined, sign));
      },
    ),
    { numRuns: 30000 },
  );
  // Exactly 19 and 20 digits, the edge of the whole-mantissa path.
  fc.assert(
    fc.property(
      fc.bigInt({ min: 10n ** 18n, max: 10n ** 20n - 1n }),
      fc.integer({ min: -30, max: 30 }),
      (w, q) => {
        assertParsed(`${w}e${q}`);
        assertParsed(decimalText(`${w}`, Math.max(0, -q), undefined, "-"));
      },
    ),
    { numRuns: 20000 },
  );
  for (
    const text of [
      "9999999999999999999", // 19 nines: the largest whole 19-digit mantissa
      "99999999999999999999", // 20
      "18446744073709551615", // 2^64 - 1
      "18446744073709551616", // 2^64
      "1844674407370955161.5",
      "12345678901234567890123456789e-10",
      "0.99999999999999999999999999999",
      "1.00000000000000011102230246251565404236316680908203125", // halfway above 1, exactly
      "1.00000000000000011102230246251565404236316680908203124", // just below it
      "1.00000000000000011102230246251565404236316680908203126", // just above
    ]
  ) {
    assertParsed(text);
  }
});

Deno.test("exact halfway points between two doubles round to even; their neighbours do not", () => {
  const check = (x: number) => {
    const mid = halfwayAbove(x);
    assertParsed(mid);
    for (const extra of [0, 1, 5, 12]) {
      assertParsed(nudged(mid, extra, true));
      assertParsed(nudged(mid, extra, false));
    }
  };
  for (
    const text of [
      "9007199254740993", // 2^53 + 1: down to 2^53 (even)
      "9007199254740995", // 2^53 + 3: up to 2^53 + 4 (even)
      "9007199254740993.0000000001",
      "9007199254740992.9999999999",
      "18014398509481986", // 2^54 + 2
      "18014398509481990", // 2^54 + 6
      "4503599627370496.5", // 2^52 + 0.5
      "4503599627370497.5",
      "9007199254740993e3",
      "1.00000000000000011102230246251565404236316680908203125e22",
    ]
  ) {
    assertParsed(text);
  }
  // Whole doubles from 2^53 to 2^70, and doubles near 1, whose halfway points have few digits.
  fc.assert(
    fc.property(fc.double({ min: 2 ** 53, max: 2 ** 70, noNaN: true }), check),
    { numRuns: 5000 },
  );
  fc.assert(fc.property(fc.double({ min: 0.5, max: 2 ** 53, noNaN: true }), check), {
    numRuns: 3000,
  });
  // Any double (long halfway texts: parseFloat decides when the algorithms cannot).
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }), check),
    { numRuns: 300 },
  );
});

Deno.test("subnormals, the least normal, overflow and underflow as parseFloat", () => {
  for (
    const text of [
      "4.9e-324",
      "5e-324",
      "2.4703282292062327e-324", // just below half the least subnormal: 0
      "2.4703282292062328e-324", // just above: the least subnormal
      "2.47032822920623272e-324",
      "1e-323",
      "1e-324",
      "3e-324",
      "2.2250738585072011e-308",
      "2.2250738585072012e-308",
      "2.2250738585072013e-308",
      "2.2250738585072014e-308",
      "2.225073858507201e-308",
      "4.4501477170144023e-308",
      "1.7976931348623157e308",
      "1.7976931348623158e308", // rounds to the largest double
      "1.7976931348623159e308", // Infinity: left to the full reader, which words the error
      "179769313486231580793728971405301e276",
      "1e308",
      "1e309",
      "1e400",
      "-1e400",
      "1e-400", // 0
      "-1e-400", // -0
      "123456789012345678901234567890e-370",
      "0.000000000000000000000000000000000000001e-300",
      "12345678901234567890e-343",
      "18446744073709551615e-343",
      "1e1000000000",
      "1e-1000000000",
    ]
  ) {
    assertParsed(text);
  }
  // Random subnormal and near-subnormal doubles, in every print form.
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0x1fffff }), fc.nat(), (high, low) => {
      const x = fromBits(high, low >>> 0);
      for (const text of [String(x), x.toPrecision(17), x.toExponential(19)]) assertParsed(text);
    }),
    { numRuns: 5000 },
  );
});

Deno.test("-0, leading zeros, trailing zeros and large and small exponents", () => {
  for (
    const text of [
      "0",
      "-0",
      "-0.0",
      "-0e10",
      "-0.000000000000000000000000",
      "+0",
      "000000000001.5",
      "0.000123456789012345678",
      "0.00000000000000000000000000000000000000000012345678901234567",
      "1.50000000000000000000000000",
      "100000000000000000000000000000",
      "123456789012345678900000000e-10",
      "1234567890123456789000000000000000000000000e-300",
      "10000000000000000000000000000000000000000000000000000000000000000000000",
      "1e22",
      "1e23",
      "1.5e-05",
      "-4.537770065161113",
      "1e+16",
      "9.999999999999999e+22",
      "1e-4",
      "1E5",
      "7e-10",
      "123.456e-2",
      ".5",
      "5.",
      "-.5e1",
    ]
  ) {
    assertParsed(text);
  }
  fc.assert(
    fc.property(
      fc.nat({ max: 40 }),
      digitString(1, 20),
      fc.nat({ max: 20 }),
      fc.integer({ min: -340, max: 320 }),
      (zeros, digits, trailing, power) => {
        assertParsed(`0.${"0".repeat(zeros)}${digits}`);
        assertParsed(`${digits}${"0".repeat(trailing)}e${power}`);
        assertParsed(`${"0".repeat(zeros)}${digits}.${"0".repeat(trailing)}e${power}`);
      },
    ),
    { numRuns: 10000 },
  );
});

Deno.test("a mantissa below 2^64 times a power of ten converts as parseFloat reads it", () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
      fc.integer({ min: -350, max: 315 }),
      (w, q) => {
        const high = Number(w >> 32n), low = Number(w & 0xffffffffn);
        const want = parseFloat(`${w}e${q}`), got = decimalToDouble(high, low, q);
        // NaN only where the algorithm cannot decide (the readers then ask parseFloat).
        assert.ok(Object.is(got, want) || Number.isNaN(got), `${w}e${q}: ${got}, ${want}`);
        decimalWords[0] = high;
        decimalWords[1] = low;
        convertWords(q);
        assert.ok(Object.is(decimalWords[0], got));
      },
    ),
    { numRuns: 30000 },
  );
  assert.equal(decimalToDouble(0, 0, 5), 0);
  assert.equal(decimalToDouble(0, 1, -343), 0);
  assert.equal(decimalToDouble(0xffffffff, 0xffffffff, -342), 2e-323); // 2^64 - 1 times 10^-342
  assert.equal(decimalToDouble(0x200000, 1, 0), 2 ** 53); // 2^53 + 1: not Clinger's, to even
  assert.equal(decimalToDouble(0x200000, 1, 3), 9007199254740993024);
});

Deno.test("texts that are no decimal are left alone", () => {
  for (const text of ["", "-", "+", ".", "e5", "1e", "1e+", "-.e1", "1.5.", "inf", "nan", "0x1"]) {
    assert.equal(readDecimal(text), undefined, text);
  }
  assert.equal(cellValue("1e400"), undefined);
  assert.equal(cellValue("1.5e"), undefined);
  const cells = new ByteCells(), bytes = new TextEncoder().encode("1e400,-4.537770065161113,");
  cells.checkFloat(bytes, 0);
  assert.equal(cells.end, -1); // a checked column that overflows: the full reader words it
  cells.checkFloat(bytes, 6);
  assert.equal(cells.end, 24);
});
