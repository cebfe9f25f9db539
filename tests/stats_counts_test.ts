import assert from "node:assert/strict";
import { rowCounts, sweepSize } from "../lib/stats/counts.ts";
import { fakeRun } from "./helpers/fake_sweep.ts";

Deno.test("rowCounts totals first, then each model and concept, absent pairs as zero", () => {
  const run = fakeRun("4B", "a", [[1, 1]], [[1, 1, 0, 1], [2, 1, 0, 1]]);
  const sample = {
    model: "4B",
    concept: "a",
    layer: 1,
    strength: 1,
    prompt_idx: 0,
    matching_answer: "(A)",
    logit_diff_matching: 1,
  };
  const rows = rowCounts({ runs: [run], models: ["4B"], concepts: ["a", "b"] }, [sample]);
  assert.deepEqual(rows, [
    {
      model: "ALL",
      concept: "ALL",
      present: true,
      per_sample_rows: 2,
      summary_rows: 1,
      best_layer_samples: 1,
    },
    {
      model: "4B",
      concept: "a",
      present: true,
      per_sample_rows: 2,
      summary_rows: 1,
      best_layer_samples: 1,
    },
    {
      model: "4B",
      concept: "b",
      present: false,
      per_sample_rows: 0,
      summary_rows: 0,
      best_layer_samples: 0,
    },
  ]);
});

Deno.test("sweepSize adds up per-sample and layer-summary rows", () => {
  const runs = [
    fakeRun("4B", "a", [[1, 1], [2, 1]], [[1, 1, 0, 1], [2, 1, 0, 1], [2, -1, 0, 1]]),
    fakeRun("8B", "a", [[1, 1]], [[1, 1, 0, 1]]),
  ];
  assert.deepEqual(sweepSize({ runs }), { samples: 4, summaries: 3 });
});
