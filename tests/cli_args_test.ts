import assert from "node:assert/strict";
import { DEFAULT_DATA, parseLayerCounts, parseRenderArgs, UsageError } from "../cli/args.ts";

Deno.test("parseRenderArgs defaults to the committed data, written beside it", () => {
  const args = parseRenderArgs([]);
  assert.equal(args.data, DEFAULT_DATA);
  assert.equal(args.out, DEFAULT_DATA);
  assert.equal(args.models, undefined);
  assert.equal(args.help, false);
});

Deno.test("parseRenderArgs reads lists and layer counts", () => {
  const args = parseRenderArgs([
    "--data",
    "d",
    "--out",
    "o",
    "--models",
    "4B, 30B-A3B",
    "--concepts=a,b",
    "--layer-counts",
    "30B-A3B=48",
  ]);
  assert.deepEqual(args.models, ["4B", "30B-A3B"]);
  assert.deepEqual(args.concepts, ["a", "b"]);
  assert.deepEqual(args.layerCounts, { "30B-A3B": 48 });
  assert.equal(args.out, "o");
});

Deno.test("bad flags are usage errors", () => {
  assert.throws(() => parseRenderArgs(["--bogus"]), UsageError);
  assert.throws(() => parseRenderArgs(["--models", ","]), /at least one name/);
  assert.throws(() => parseLayerCounts("4B:36"), /not MODEL=LAYERS/);
  assert.throws(() => parseLayerCounts("4B=0"), /not MODEL=LAYERS/);
});

Deno.test("--resamples and --seed take whole numbers", () => {
  const args = parseRenderArgs(["--resamples", "500", "--seed", "0", "--no-figures"]);
  assert.deepEqual([args.resamples, args.seed, args.figures], [500, 0, false]);
  assert.deepEqual([parseRenderArgs([]).resamples, parseRenderArgs([]).seed], [2000, 1]);
  assert.throws(
    () => parseRenderArgs(["--resamples", "0"]),
    /--resamples needs a whole number from 1 to 1,000,000, not "0"/,
  );
  assert.throws(() => parseRenderArgs(["--seed", "x"]), /--seed needs a whole number/);
});

Deno.test("numeric flags are bounded: huge values are usage errors, not RangeErrors", () => {
  assert.throws(
    () => parseRenderArgs(["--resamples", "99999999999999999999"]),
    (e: Error) =>
      e instanceof UsageError &&
      e.message ===
        '--resamples needs a whole number from 1 to 1,000,000, not "99999999999999999999"',
  );
  assert.equal(parseRenderArgs(["--resamples", "1000000"]).resamples, 1_000_000);
  assert.throws(() => parseRenderArgs(["--resamples", "1000001"]), UsageError);
  assert.equal(parseRenderArgs(["--seed", "4294967295"]).seed, 2 ** 32 - 1);
  assert.throws(() => parseRenderArgs(["--seed", "4294967296"]), /from 0 to 4,294,967,295/);
  assert.throws(() => parseRenderArgs(["--seed", "-1"]), UsageError);
  assert.throws(() => parseLayerCounts("4B=99999999999999"), /from 1 to 100,000/);
  const long = "9".repeat(500);
  assert.throws(() => parseRenderArgs(["--seed", long]), (e: Error) => e.message.length < 120);
});

Deno.test("--allow-duplicates is off unless given; an empty --data is a usage error", () => {
  assert.equal(parseRenderArgs([]).allowDuplicates, false);
  assert.equal(parseRenderArgs(["--allow-duplicates"]).allowDuplicates, true);
  assert.throws(() => parseRenderArgs(["--data="]), /--data needs a folder/);
});

Deno.test("--workers takes a whole number from 1 to 64; by default the loader decides", () => {
  assert.equal(parseRenderArgs([]).workers, undefined);
  assert.equal(parseRenderArgs(["--workers", "1"]).workers, 1);
  assert.equal(parseRenderArgs(["--workers=64"]).workers, 64);
  for (const bad of ["0", "65", "x", "1.5", "-2", ""]) {
    assert.throws(
      () => parseRenderArgs([`--workers=${bad}`]),
      (e: Error) =>
        e instanceof UsageError &&
        e.message === `--workers needs a whole number from 1 to 64, not ${JSON.stringify(bad)}`,
      bad,
    );
  }
});
