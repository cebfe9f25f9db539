import assert from "node:assert/strict";
import {
  DictionaryBuilder,
  dictionaryValue,
  Growable,
  toDictionary,
} from "../lib/sweep/columns.ts";

Deno.test("Growable doubles its capacity and finishes at its length", () => {
  const g = new Growable((n) => new Float64Array(n), 2);
  for (let i = 0; i < 5; i++) g.push(i / 2);
  const out = g.finish();
  assert.ok(out instanceof Float64Array);
  assert.deepEqual([...out], [0, 0.5, 1, 1.5, 2]);
});

Deno.test("dictionaries keep each distinct value once", () => {
  const d = toDictionary(["(A)", "(B)", "(A)", "(C)"]);
  assert.deepEqual(d.values, ["(A)", "(B)", "(C)"]);
  assert.deepEqual([...d.codes], [0, 1, 0, 2]);
  assert.equal(dictionaryValue(d, 3), "(C)");
});

Deno.test("pushRange matches cells in place, the same as push", () => {
  const builder = new DictionaryBuilder();
  const line = "4B,(A),(B),(A),(AB)";
  for (const [s, e] of [[3, 6], [7, 10], [11, 14], [15, 19]]) builder.pushRange(line, s, e);
  assert.deepEqual(builder.finish(), toDictionary(["(A)", "(B)", "(A)", "(AB)"]));
  const many = new DictionaryBuilder();
  for (let i = 0; i < 40; i++) many.pushRange(`v${i % 20}`, 0, `v${i % 20}`.length);
  const d = many.finish();
  assert.equal(d.values.length, 20);
  assert.equal(dictionaryValue(d, 25), "v5");
});
