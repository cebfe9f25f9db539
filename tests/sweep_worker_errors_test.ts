/** Errors sent from a worker come back as the same kind of error with the same message. */
import assert from "node:assert/strict";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { errorData, reviveError } from "../lib/sweep/worker_errors.ts";

const roundTrip = (error: unknown) => reviveError(structuredClone(errorData(error)));

Deno.test("bad data, the system's errors and bugs keep their kind and message", () => {
  const data = new SweepDataError('not a number: "x"', { file: "a.csv", line: 2, column: 3 });
  const back = roundTrip(data);
  assert.ok(back instanceof SweepDataError);
  assert.equal(back.message, data.message);
  assert.deepEqual((back as SweepDataError).place, data.place);
  const missing = roundTrip(new Deno.errors.NotFound("gone"));
  assert.ok(missing instanceof Deno.errors.NotFound);
  assert.equal(missing.message, "gone");
  const bug = roundTrip(new TypeError("x is undefined"));
  assert.ok(!(bug instanceof SweepDataError) && !(bug instanceof Deno.errors.NotFound));
  assert.equal(`${bug.name}: ${bug.message}`, "TypeError: x is undefined");
  assert.equal(roundTrip("a string").message, "a string");
});
