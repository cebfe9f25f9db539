import assert from "node:assert/strict";
import { CURVE_STROKE, depthStyles, layerCountLabel } from "../lib/figures/curve_styles.ts";

Deno.test("depthStyles: every model in exactly one style, the deep ones dashed and thicker", () => {
  const models = ["4B", "8B", "32B", "235B-A22B"];
  const [shallow, deep] = depthStyles(["32B", "235B-A22B"]);
  for (const m of models) assert.equal(Number(shallow.keep(m)) + Number(deep.keep(m)), 1, m);
  assert.deepEqual(models.filter(deep.keep), ["32B", "235B-A22B"]);
  assert.deepEqual([shallow.strokeWidth, shallow.dash], [1.5, undefined]);
  assert.deepEqual([deep.strokeWidth, deep.dash], [2.2, "6,3"]);
  assert.ok(CURVE_STROKE.deep > CURVE_STROKE.solid);
  assert.deepEqual(depthStyles([]).map((s) => models.filter(s.keep).length), [4, 0]);
});

Deno.test("layerCountLabel: the author's '4B (36L)', '?' without a count", () => {
  const counts = { "4B": 36, "235B-A22B": 94 };
  assert.deepEqual(
    ["4B", "235B-A22B", "mine"].map((m) => layerCountLabel(m, counts)),
    ["4B (36L)", "235B-A22B (94L)", "mine (?L)"],
  );
  assert.equal(layerCountLabel("4B"), "4B");
});
