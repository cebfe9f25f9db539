import assert from "node:assert/strict";
import { formatPlace, QUOTE_LIMIT, quoteText, SweepDataError } from "../lib/sweep/errors.ts";

Deno.test("formatPlace writes file:line:column and the column name", () => {
  assert.equal(formatPlace({ file: "a.csv" }), "a.csv");
  assert.equal(formatPlace({ file: "a.csv", line: 2 }), "a.csv:2");
  assert.equal(
    formatPlace({ file: "a.csv", line: 2, column: 4, columnName: "layer" }),
    'a.csv:2:4 (column "layer")',
  );
});

Deno.test("SweepDataError keeps its place and prefixes the message", () => {
  const err = new SweepDataError("bad", { file: "x.json", line: 1, column: 3 });
  assert.equal(err.message, "x.json:1:3: bad");
  assert.equal(err.place.column, 3);
  assert.ok(err instanceof Error);
});

Deno.test("quoteText cuts long content to a few hundred characters at most", () => {
  assert.equal(quoteText("a,b"), '"a,b"');
  const long = quoteText("x".repeat(250_000));
  assert.ok(long.length < QUOTE_LIMIT + 40, `${long.length} characters`);
  assert.match(long, /\.\.\. \(250,000 characters\)$/);
});
