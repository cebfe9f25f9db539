import assert from "node:assert/strict";
import {
  DEFAULT_DATA,
  DEFAULT_NOTEBOOK,
  parseLayerCounts,
  parseRenderArgs,
  UsageError,
} from "../cli/args.ts";

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

Deno.test("an empty --data is a usage error", () => {
  assert.throws(() => parseRenderArgs(["--data="]), /--data needs a folder/);
});

Deno.test("--workers and --allow-duplicates are gone: each is an unknown flag, a usage error", () => {
  // The loader's options now live in the notebook's load cell (tests/render_edits_test.ts sets
  // allowDuplicates there); the flags are refused rather than silently ignored.
  for (const args of [["--workers", "2"], ["--workers=1"], ["--allow-duplicates"]]) {
    assert.throws(
      () => parseRenderArgs(args),
      (e: Error) =>
        e instanceof UsageError && /Unknown option '--(workers|allow-duplicates)'/.test(e.message),
      args.join(" "),
    );
  }
});

Deno.test("--notebook defaults to the project notebook; a relative path is the user's", () => {
  assert.equal(parseRenderArgs([]).notebook, DEFAULT_NOTEBOOK);
  assert.equal(parseRenderArgs(["--notebook", "/x/nb.ipynb"]).notebook, "/x/nb.ipynb");
  assert.equal(
    parseRenderArgs(["--notebook", "nb.ipynb"], "/home/u", "/p").notebook,
    "/home/u/nb.ipynb",
  );
  assert.equal(parseRenderArgs(["--notebook", "nb.ipynb"], "/p", "/p").notebook, "nb.ipynb");
});
