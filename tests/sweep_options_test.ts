import assert from "node:assert/strict";
import {
  checkLayerCountKeys,
  editDistance,
  nearestName,
  uniqueNames,
} from "../lib/sweep/options.ts";

Deno.test("uniqueNames keeps first occurrences and names the repeats", () => {
  assert.deepEqual(uniqueNames(["a", "b"], "models"), { names: ["a", "b"] });
  const { names, note } = uniqueNames(["8B", "4B", "8B", "4B", "14B"], "models");
  assert.deepEqual(names, ["8B", "4B", "14B"]);
  assert.equal(note, "note: models lists 8B, 4B more than once; each is loaded once");
});

Deno.test("editDistance and nearestName", () => {
  assert.equal(editDistance("kitten", "sitting"), 3);
  assert.equal(editDistance("", "abc"), 3);
  assert.equal(nearestName("4b", ["8B", "4B"]), "4B");
  assert.equal(nearestName("30B_A3B", ["4B", "30B-A3B"]), "30B-A3B");
  assert.equal(nearestName("235B", ["4B", "8B"]), undefined);
});

Deno.test("checkLayerCountKeys: unknown keys and bad counts are errors naming the folder", () => {
  checkLayerCountKeys({ "4B": 36 }, ["4B"], "d");
  assert.throws(
    () => checkLayerCountKeys({ "4b": 36 }, ["4B", "8B"], "d"),
    /^SweepDataError: d: --layer-counts: no model "4b" in this sweep; did you mean "4B"\?$/,
  );
  assert.throws(
    () => checkLayerCountKeys({ "70B": 80 }, ["4B", "8B"], "d"),
    /no model "70B" in this sweep; its models are 4B, 8B$/,
  );
  assert.throws(() => checkLayerCountKeys({ "4B": 0 }, ["4B"], "d"), /4B=0 is not a positive/);
});
