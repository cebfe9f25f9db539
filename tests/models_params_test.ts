import assert from "node:assert/strict";
import { nominalParams, paramCounts } from "../lib/models/params.ts";
import { QWEN3_MODELS } from "../lib/models/qwen3.ts";

Deno.test("nominalParams reads the counts a Qwen3 name states, and none from other names", () => {
  assert.deepEqual(nominalParams("4B"), { total: 4, active: 4 });
  assert.deepEqual(nominalParams("235B-A22B"), { total: 235, active: 22 });
  assert.deepEqual(nominalParams("1.7b"), { total: 1.7, active: 1.7 });
  for (const name of ["", "B", "4", "4B-A", "my-model", "4B-extra"]) {
    assert.deepEqual(nominalParams(name), {}, name);
  }
});

Deno.test("paramCounts: the author's counts by name, the report's from the metadata", () => {
  const nominal = Object.values(QWEN3_MODELS).filter((m) =>
    m.label !== "0.6B" && m.label !== "1.7B"
  )
    .map((m) => [m.label, paramCounts(m, "nominal")]);
  assert.deepEqual(Object.fromEntries(nominal), {
    "4B": { total: 4, active: 4 },
    "8B": { total: 8, active: 8 },
    "14B": { total: 14, active: 14 },
    "32B": { total: 32, active: 32 },
    "30B-A3B": { total: 30, active: 3 },
    "235B-A22B": { total: 235, active: 22 },
  });
  assert.deepEqual(paramCounts(QWEN3_MODELS["8B"], "report"), { total: 8.2, active: 8.2 });
  // A name stating no counts falls back to the metadata, even for "nominal".
  const mine = { label: "mine", total_params_b: 7, active_params_b: 1 };
  assert.deepEqual(paramCounts(mine, "nominal"), { total: 7, active: 1 });
});
