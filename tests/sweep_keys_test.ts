import assert from "node:assert/strict";
import { codeValues, describeGaps, presentLayers, scanKeys } from "../lib/sweep/keys.ts";
import { fakeRun, type SampleTuple } from "./helpers/fake_sweep.ts";

/** Samples of a full grid: layers x strengths x prompts. */
function grid(layers: number[], strengths: number[], prompts: number): SampleTuple[] {
  return layers.flatMap((l) =>
    strengths.flatMap((s) => Array.from({ length: prompts }, (_, p): SampleTuple => [l, s, p, 1]))
  );
}

Deno.test("a complete grid has no gaps and no duplicates", () => {
  const scan = scanKeys(fakeRun("4B", "c", [], grid([3, 4, 9], [-1, 0, 1], 5)).samples);
  assert.deepEqual(scan, { duplicates: 0, firstRepeat: undefined, gaps: [], cells: 9, prompts: 5 });
});

Deno.test("repeated keys are counted; the first repeat gives both rows", () => {
  const rows = grid([3, 4], [-1, 1], 4);
  rows.push([4, 1, 2, 7], [3, -1, 0, 9]);
  const scan = scanKeys(fakeRun("4B", "c", [], rows).samples);
  assert.equal(scan.duplicates, 2);
  assert.deepEqual(scan.firstRepeat, [4 * 3 + 2, 16]);
  assert.deepEqual(scan.gaps, []);
});

Deno.test("sparse prompt numbers (beyond the dense table) are checked the same way", () => {
  const rows: SampleTuple[] = [[1, 1, 0, 1], [1, 1, 2_000_000_000, 1], [1, 1, 0, 2]];
  const scan = scanKeys(fakeRun("4B", "c", [], rows).samples);
  assert.equal(scan.duplicates, 1);
  assert.deepEqual(scan.firstRepeat, [0, 2]);
});

Deno.test("an incomplete grid lists the cells short of prompts", () => {
  const rows = grid([3, 4], [-1, 0, 1], 6).slice(0, -4);
  const scan = scanKeys(fakeRun("4B", "c", [], rows).samples);
  assert.deepEqual(scan.gaps, [{ layer: 4, strength: 1, found: 2 }]);
  assert.equal(describeGaps(scan.gaps, scan.prompts), "layer 4 strength 1: 2 of 6 prompts");
  const many = [1, 2, 3, 4].map((layer) => ({ layer, strength: 0, found: 1 }));
  assert.match(describeGaps(many, 6), /; 1 more$/);
});

Deno.test("codeValues codes floats in first-seen order, NaN as one value", () => {
  const { codes, values } = codeValues(Float64Array.from([1, -1, 1, NaN, 0, NaN]));
  assert.deepEqual([...codes], [0, 1, 0, 2, 3, 2]);
  assert.deepEqual(values, [1, -1, NaN, 0]);
});

Deno.test("presentLayers lists distinct layers ascending", () => {
  assert.deepEqual(presentLayers(Int32Array.from([9, 3, 3, 9, 5])), [3, 5, 9]);
});

Deno.test("wide keys (many strengths x a 2^32 prompt span) are exact: no false repeat", () => {
  // cell * prompts would pass 2^53 here and round two different keys to one
  const rows: SampleTuple[] = Array.from({ length: 90_000 }, (_, i) => [11, 2 + i * 1e-6, 0, 1]);
  rows.push([11, 1, -2147483648, 1], [11, 1, 2147483647, 1]);
  rows.push([35, 2.089999, 0, 1], [35, 2.089999, 1, 1]); // two prompts of one cell
  const scan = scanKeys(fakeRun("4B", "c", [], rows).samples);
  assert.equal(scan.duplicates, 0);
  rows.push([35, 2.089999, 1, 5]); // now one real repeat
  const again = scanKeys(fakeRun("4B", "c", [], rows).samples);
  assert.equal(again.duplicates, 1);
  assert.deepEqual(again.firstRepeat, [rows.length - 2, rows.length - 1]);
});
