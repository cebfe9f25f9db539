import assert from "node:assert/strict";
import { LineCounter, RowLines } from "../lib/sweep/lines.ts";

Deno.test("LineCounter counts CRLF, CR and LF line ends, split anywhere, and a last open line", () => {
  const text = "a\r\nb\rc\n\r\nd";
  for (let cut = 0; cut <= text.length; cut++) {
    const c = new LineCounter();
    c.push(text.slice(0, cut));
    c.push(text.slice(cut));
    assert.equal(c.lines, 5, `cut at ${cut}`);
  }
  const closed = new LineCounter();
  closed.push("a\nb\n");
  assert.equal(closed.lines, 2);
});

Deno.test("RowLines gives each row's line, with breaks after blank lines and long records", () => {
  const lines = [2, 3, 4, 7, 8, 12];
  const r = new RowLines();
  lines.forEach((line, row) => r.add(row, line));
  assert.deepEqual(lines.map((_, row) => r.lineOf(row)), lines);
});
