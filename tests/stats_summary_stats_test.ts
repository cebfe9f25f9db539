import assert from "node:assert/strict";
import { summaryStats } from "../lib/stats/summary_stats.ts";
import type { BestSample } from "../lib/stats/best_samples.ts";

const row = (model: string, strength: number, v: number): BestSample => ({
  model,
  concept: "c",
  layer: 1,
  strength,
  prompt_idx: 0,
  matching_answer: "(A)",
  logit_diff_matching: v,
});

Deno.test("summaryStats groups with pandas key order and ddof = 1", () => {
  const stats = summaryStats([
    row("4B", 1, 1),
    row("4B", 1, 2),
    row("4B", 1, 6),
    row("14B", 0, 3),
    row("4B", -1, 2),
  ]);
  assert.deepEqual(stats.map((s) => [s.model, s.strength]), [["14B", 0], ["4B", -1], ["4B", 1]]);
  assert.equal(stats[2].mean, 3);
  assert.equal(stats[2].std, Math.sqrt(7)); // (4 + 1 + 9) / 2
  assert.equal(stats[2].median, 2);
  assert.ok(Number.isNaN(stats[0].std)); // one value: pandas gives NaN
});
