import assert from "node:assert/strict";
import { UsageError } from "../cli/args.ts";
import { failure, MAX_MESSAGE, oneLine, REPORT_HINT } from "../cli/failure.ts";
import { OutputError } from "../lib/export/output_error.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";

Deno.test("usage errors exit 2, data and output errors 1, interrupted writes 130", () => {
  assert.deepEqual(failure(new UsageError("--seed needs x")), {
    code: 2,
    message: "error: --seed needs x (see --help)",
  });
  assert.equal(failure(new SweepDataError("bad", { file: "a.csv", line: 2 })).code, 1);
  assert.equal(failure(new OutputError("out/a.csv", "Permission denied")).code, 1);
  assert.equal(failure(new Deno.errors.PermissionDenied("open 'x'")).code, 1);
  assert.equal(failure(new OutputError("out", "interrupted"), true).code, 130);
});

Deno.test("an unexpected error is one line with where to report it, exit 70", () => {
  const error = new TypeError(
    "Cannot read properties of undefined (reading 'x')\n    at f (a.ts:1:1)",
  );
  const { code, message } = failure(error);
  assert.equal(code, 70);
  assert.ok(!message.includes("\n"));
  assert.ok(message.startsWith("internal error: TypeError: Cannot read properties"), message);
  assert.ok(message.endsWith(REPORT_HINT));
  assert.match(REPORT_HINT, /issue tracker with the command you ran.*SWEEP_DEBUG=1/);
});

Deno.test("a message is one line of at most a few hundred characters", () => {
  assert.equal(oneLine("a\r\nb\rc\n"), "a b c");
  const long = failure(new SweepDataError("x".repeat(100_000), { file: "f.csv", line: 1 }));
  assert.ok(long.message.length <= MAX_MESSAGE + 7, String(long.message.length));
  assert.ok(long.message.startsWith("error: f.csv:1: xxx"));
});
