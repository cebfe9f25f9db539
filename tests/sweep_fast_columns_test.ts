/**
 * The fast path's column storage: arrays cut and grown keep their values, and the byte
 * dictionary gives the codes and values of the full reader's dictionary (first-seen order), past
 * the values it compares byte by byte too.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { toDictionary } from "../lib/sweep/columns.ts";
import { ByteDictionary, resized, shrink } from "../lib/sweep/fast_columns.ts";

Deno.test("the byte dictionary codes cells as the full reader's dictionary does", () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: fc.constantFrom("(", "A", "B", ")", " ", "x"), maxLength: 4 }), {
        maxLength: 200,
      }),
      (cells) => {
        const text = cells.join(",");
        const bytes = new TextEncoder().encode(text);
        const dictionary = new ByteDictionary();
        let at = 0;
        const codes = cells.map((cell) => {
          const code = dictionary.code(bytes, at, at + cell.length);
          at += cell.length + 1;
          return code;
        });
        const full = toDictionary(cells);
        assert.deepEqual(codes, Array.from(full.codes));
        assert.deepEqual(dictionary.values, full.values);
      },
    ),
  );
});

Deno.test("more than 16 distinct answers still get first-seen codes", () => {
  const cells = Array.from({ length: 60 }, (_, i) => `(${String.fromCharCode(65 + (i * 7) % 26)})`);
  const bytes = new TextEncoder().encode(cells.join(""));
  const dictionary = new ByteDictionary();
  const codes = cells.map((_, i) => dictionary.code(bytes, i * 3, i * 3 + 3));
  assert.deepEqual(codes, Array.from(toDictionary(cells).codes));
  assert.equal(dictionary.values.length, 26);
});

Deno.test("shrink and resized keep the values; shrink detaches the old buffer", () => {
  const a = Float64Array.from([1, -0, NaN, 4]);
  const cut = shrink(a, 3);
  assert.deepEqual(cut, Float64Array.from([1, -0, NaN]));
  assert.equal(a.length, 0); // its buffer moved to `cut`
  assert.deepEqual(resized(Int32Array.from([7, 8]), 1, 3), Int32Array.from([7, 0, 0]));
  const same = Int32Array.from([1]);
  assert.equal(shrink(same, 1), same);
});
