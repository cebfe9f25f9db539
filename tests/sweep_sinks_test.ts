import assert from "node:assert/strict";
import { makeSink } from "../lib/sweep/sinks.ts";

Deno.test("number sinks parse cells in place; a bad cell names line, column and header", () => {
  const ints = makeSink("s.csv", "layer", "int");
  ints.take("7,12,x", 2, 4, 2, 2);
  assert.deepEqual(ints.finish(), Int32Array.from([12]));
  const floats = makeSink("s.csv", "delta", "float");
  floats.take(",", 0, 0, 2, 1);
  assert.ok(Number.isNaN((floats.finish() as Float64Array)[0]), "an empty cell is missing (NaN)");
  assert.throws(
    () => floats.take("x".repeat(5000), 0, 5000, 3, 4),
    (e: unknown) =>
      e instanceof Error &&
      e.message.startsWith('s.csv:3:4 (column "delta"): not a number: "xxx') &&
      e.message.length < 300,
  );
});

Deno.test("a text sink with an expected value checks every cell", () => {
  const model = makeSink("s.csv", "model", "string", "4B");
  model.take("4B,", 0, 2, 2, 1);
  assert.deepEqual(model.finish(), { codes: Int32Array.from([0]), values: ["4B"] });
  assert.throws(
    () => model.take("8B", 0, 2, 3, 1),
    /s\.csv:3:1 .*model is "8B" but the folder is for "4B"/,
  );
});
