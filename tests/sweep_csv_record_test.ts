import assert from "node:assert/strict";
import { RecordParser } from "../lib/sweep/csv_record.ts";

function parse(text: string) {
  const p = new RecordParser();
  const end = p.parse(text, 0, true, "r.csv", 1);
  return { end, fields: p.fields, inner: p.innerLines };
}

Deno.test("quoted fields hold commas, line ends and doubled quotes", () => {
  assert.deepEqual(parse('"a,b","c\r\nd","e""f"\nrest'), {
    end: 20,
    fields: ["a,b", "c\r\nd", 'e"f'],
    inner: 1,
  });
});

Deno.test("a quote not starting a field is text; text after a closing quote is kept", () => {
  assert.deepEqual(parse('(B"),a 5" screen,"ab"c"d\n').fields, ['(B")', 'a 5" screen', 'abc"d']);
});

Deno.test("the parse resumes across chunks, a CR at a chunk's end included", () => {
  const p = new RecordParser();
  assert.equal(p.parse('x,"a\r', 0, false, "r.csv", 1), -1);
  assert.equal(p.parse('\nb"\r', 0, false, "r.csv", 1), -1);
  assert.equal(p.keepFrom, 3);
  assert.equal(p.parse("\r\nnext", 0, false, "r.csv", 1), 2);
  assert.deepEqual([p.fields, p.innerLines], [["x", "a\r\nb"], 1]);
});

Deno.test("a quoted field open at the end of the file is an error at the line it opened", () => {
  const p = new RecordParser();
  assert.throws(
    () => p.parse('a,"b\nc\nd', 0, true, "r.csv", 7),
    /^SweepDataError: r\.csv:7: a quoted/,
  );
  assert.throws(() => new RecordParser().parse('a,b\n"c', 4, true, "r.csv", 9), /r\.csv:9:/);
});
