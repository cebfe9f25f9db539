/** Test helper: compare CSV text and JSON values with the reference within a tolerance. */
import assert from "node:assert/strict";
import { csvParseRows } from "d3-dsv";

/** The tolerance of every parity check. */
export const TOLERANCE = 1e-9;

/** Folder of the reference outputs of the original pandas notebook. */
export const REFERENCE = new URL("../fixtures/reference/", import.meta.url);

/** Asserts two numbers agree within the tolerance (NaN equals NaN). */
export function assertClose(actual: number, expected: number, where: string): void {
  if (Number.isNaN(expected) && Number.isNaN(actual)) return;
  assert.ok(
    Math.abs(actual - expected) <= TOLERANCE,
    `${where}: ${actual} differs from ${expected} by more than ${TOLERANCE}`,
  );
}

/** Asserts CSV texts are equal cell by cell: numbers within the tolerance, text exactly. */
export function assertCsvClose(actual: string, expected: string, name: string): void {
  const a = csvParseRows(actual), e = csvParseRows(expected);
  assert.deepEqual(a[0], e[0], `${name}: header`);
  assert.equal(a.length, e.length, `${name}: row count`);
  for (let r = 1; r < e.length; r++) {
    assert.equal(a[r].length, e[r].length, `${name}:${r + 1}: field count`);
    for (let c = 0; c < e[r].length; c++) {
      const x = a[r][c], y = e[r][c], where = `${name}:${r + 1}:${c + 1} (${e[0][c]})`;
      const isNumber = y !== "" && !Number.isNaN(Number(y));
      if (isNumber) assertClose(Number(x), Number(y), where);
      else assert.equal(x, y, where);
    }
  }
}

/** Asserts two JSON values are equal, numbers within the tolerance, keys in the same order. */
export function assertJsonClose(actual: unknown, expected: unknown, where = "$"): void {
  if (typeof expected === "number") {
    assert.equal(typeof actual, "number", `${where}: type`);
    assertClose(actual as number, expected, where);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: not an array`);
    assert.equal(actual.length, expected.length, `${where}: length`);
    expected.forEach((e, i) => assertJsonClose(actual[i], e, `${where}[${i}]`));
  } else if (expected !== null && typeof expected === "object") {
    const a = actual as Record<string, unknown>, e = expected as Record<string, unknown>;
    assert.deepEqual(Object.keys(a), Object.keys(e), `${where}: keys`);
    for (const key of Object.keys(e)) assertJsonClose(a[key], e[key], `${where}.${key}`);
  } else {
    assert.equal(actual, expected, where);
  }
}
