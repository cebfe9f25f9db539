import assert from "node:assert/strict";
import { bestLayerPosition, shallowVsDeep, withLayerFraction } from "../lib/stats/depth.ts";
import { modelGroups } from "../lib/models/groups.ts";
import type { BestLayerRow } from "../lib/stats/best_layers.ts";

const best = (model: string, concept: string, layer: number, delta: number): BestLayerRow => ({
  model,
  concept,
  layer,
  delta,
  baseline_mean: 0,
  positive_mean: 0,
  negative_mean: 0,
});
const counts = { "4B": 36, "14B": 40, "32B": 64 };

Deno.test("withLayerFraction divides by the model's layer count", () => {
  const [row] = withLayerFraction([{ ...best("4B", "a", 18, 1) }], counts);
  assert.equal(row.layer_frac, 0.5);
});

Deno.test("bestLayerPosition gives fractions per concept, NaN where absent", () => {
  const rows = bestLayerPosition([best("32B", "a", 44, 1)], ["32B", "4B"], ["a"], counts);
  assert.deepEqual(rows[0], { model: "32B", layers: 64, fractions: { a: 0.6875 } });
  assert.ok(Number.isNaN(rows[1].fractions.a));
});

Deno.test("shallowVsDeep splits at 40 layers and leaves empty groups NaN", () => {
  const models = ["4B", "14B", "32B"];
  const rows = shallowVsDeep(
    [best("4B", "a", 1, 4), best("14B", "a", 1, 8), best("32B", "a", 1, 2), best("4B", "b", 1, 1)],
    models,
    ["a", "b"],
    modelGroups(models, counts),
  );
  assert.deepEqual(rows[0], {
    concept: "a",
    shallow_avg: 6,
    deep_avg: 2,
    ratio: 3,
    n_shallow: 2,
    n_deep: 1,
    shallow_models: ["4B", "14B"],
    deep_models: ["32B"],
  });
  assert.equal(rows[1].shallow_avg, 1);
  assert.ok(Number.isNaN(rows[1].deep_avg));
  assert.ok(Number.isNaN(rows[1].ratio));
});
