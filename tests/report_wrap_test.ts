import assert from "node:assert/strict";
import { REPORT_WIDTH, wrap } from "../lib/report/wrap.ts";

const sentence = "With 2 full-RL models among 6, no test over models can reach p < 0.05: " +
  "the smallest possible p is 0.067.";

Deno.test("wrap keeps every word, in order, within the width", () => {
  for (const width of [20, 40, 60, REPORT_WIDTH]) {
    const lines = wrap(sentence, width, "  ");
    assert.ok(lines.every((l) => l.length <= width), lines.join("\n"));
    assert.ok(lines.every((l) => l.startsWith("  ") && !l.startsWith("   ")));
    assert.equal(lines.map((l) => l.trim()).join(" "), sentence);
  }
  assert.equal(sentence.length, 104);
  assert.equal(wrap(sentence).length, 2); // over the report width: two lines
});

Deno.test("wrap: hanging indent, a word longer than the line, no-break spaces", () => {
  assert.deepEqual(wrap("one two three", 9, "- ", "  "), ["- one two", "  three"]);
  assert.deepEqual(wrap("a supercalifragilistic b", 10), ["a", "supercalifragilistic", "b"]);
  assert.deepEqual(wrap("x full\u00a0RL y", 8), ["x", "full RL", "y"]);
  assert.deepEqual(wrap("", 10, "  "), ["  "]);
});
