import assert from "node:assert/strict";
import { UsageError } from "../cli/args.ts";
import { failure, MAX_MESSAGE, oneLine, REPORT_HINT } from "../cli/failure.ts";
import { OutputError } from "../lib/export/output_error.ts";
import { NotebookError } from "../lib/notebook/errors.ts";
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

Deno.test("a notebook cell stopped by bad data or an output: exit 1, the data error's own line", () => {
  const where = { path: "/p/nb.ipynb", cell: 5, line: 2 };
  const data = new SweepDataError("not a number", { file: "/d/a.csv", line: 3 });
  assert.deepEqual(
    failure(new NotebookError(`SweepDataError: ${data.message}`, { ...where, cause: data })),
    { code: 1, message: "error: /d/a.csv:3: not a number" },
  );
  const output = new OutputError("/o/a.csv", "Permission denied");
  assert.deepEqual(failure(new NotebookError("OutputError", { ...where, cause: output })), {
    code: 1,
    message: "error: /o/a.csv: Permission denied",
  });
  const system = new Deno.errors.NotFound("open '/d/models.json'");
  assert.equal(failure(new NotebookError("NotFound", { ...where, cause: system })).code, 1);
  // interrupted while a cell wrote: as the write's own error
  assert.equal(failure(new NotebookError("x", { ...where, cause: output }), true).code, 130);
});

Deno.test("any other error of a notebook: exit 1, one line at its cell and line, no stack", () => {
  const cause = new TypeError("x is undefined");
  cause.stack = "TypeError: x is undefined\n    at data:application/typescript;base64,AAAA:3:1";
  const error = new NotebookError("TypeError: x is undefined", {
    path: "/p/nb.ipynb",
    cell: 7,
    line: 3,
    cause,
  });
  assert.deepEqual(failure(error), {
    code: 1,
    message: "error: /p/nb.ipynb cell 7, line 3: TypeError: x is undefined",
  });
  // the notebook itself cannot be read: its path and why
  const unread = new NotebookError("cannot read it: No such file or directory", {
    path: "/p/gone.ipynb",
    cause: new Deno.errors.NotFound("No such file or directory"),
  });
  assert.deepEqual(failure(unread), {
    code: 1,
    message: "error: /p/gone.ipynb: cannot read it: No such file or directory",
  });
  const long = failure(new NotebookError("a\n".repeat(10_000), { path: "nb.ipynb", cell: 1 }));
  assert.ok(long.message.length <= MAX_MESSAGE + 7 && !long.message.includes("\n"));
});
