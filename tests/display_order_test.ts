import assert from "node:assert/strict";
import { inModelOrder } from "../lib/display/order.ts";

Deno.test("inModelOrder puts models in the figures' order, not string order", () => {
  const rows = ["14B", "32B", "4B", "8B"].map((model) => ({ model, concept: "c" }));
  const sorted = inModelOrder(rows, ["4B", "8B", "14B", "32B"]).map((r) => r.model);
  assert.deepEqual(sorted, ["4B", "8B", "14B", "32B"]);
});

Deno.test("inModelOrder is stable within a model and puts unknown models last", () => {
  const rows = [
    { model: "X", concept: "a", strength: 1 },
    { model: "8B", concept: "b", strength: -1 },
    { model: "4B", concept: "b", strength: -1 },
    { model: "8B", concept: "a", strength: 1 },
    { model: "4B", concept: "b", strength: 1 },
  ];
  const sorted = inModelOrder(rows, ["4B", "8B"], ["a", "b"]);
  assert.deepEqual(sorted.map((r) => `${r.model}/${r.concept}/${r.strength}`), [
    "4B/b/-1",
    "4B/b/1",
    "8B/a/1",
    "8B/b/-1",
    "X/a/1",
  ]);
});
