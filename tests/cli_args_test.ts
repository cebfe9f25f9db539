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
    /--resamples needs a whole number of at least 1/,
  );
  assert.throws(() => parseRenderArgs(["--seed", "x"]), /--seed needs a whole number/);
});
