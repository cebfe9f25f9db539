import assert from "node:assert/strict";
import { intervalText, pValueText, robustnessTables } from "../lib/display/robustness.ts";
import type { RobustnessRecord } from "../lib/stats/robustness.ts";

const record = (model: string, p: number, stability: number): RobustnessRecord => ({
  model,
  concept: "corrigible",
  best_layer: 18,
  best_delta: 14.25,
  ci_low: 13.2149,
  ci_high: 17.3,
  layer_stability: stability,
  split_half_delta: 13.9,
  held_out_layer: 19,
  held_out_delta: 13.1,
  held_out_ci_low: 11.0105,
  held_out_ci_high: 150.25,
  mean_paired_diff: 14.1,
  d_z: 2.5,
  t: 17.7,
  p,
  p_holm: Math.min(1, p * 2),
  cohens_d: 3.1,
  cohens_d_ci_low: 2.6,
  cohens_d_ci_high: 3.7,
  glass_delta_unsteered: 2.9,
  p_selection: Math.min(1, p * 60),
});

Deno.test("pValueText: three decimals, exponent form below 0.001, never 0", () => {
  assert.equal(pValueText(0.01234), "0.012");
  assert.equal(pValueText(1), "1.000");
  assert.equal(pValueText(7.471e-10), "7.47e-10");
  assert.equal(pValueText(0), "0.000");
  assert.equal(pValueText(NaN), "NaN");
});

Deno.test("intervalText shows both ends with three decimals", () => {
  assert.equal(intervalText(13.2149, 17.3), "[13.215, 17.300]");
});

Deno.test("robustnessTables: every record field in one of four narrow tables", () => {
  const records = [record("4B", 7.471e-10, 1), record("8B", 0.02, 0.9755)];
  const tables = robustnessTables(records);
  assert.equal(tables.length, 4);
  const headers = tables.map((t) => [...t["text/html"].matchAll(/<th[^>]*>([^<]*)<\/th>/g)]);
  for (const h of headers) assert.ok(h.length <= 8, `${h.length} columns`);
  const shown = headers.flat().map((m) => m[1]).join(" ");
  for (const field of Object.keys(records[0])) {
    const base = field.replace(/_ci_(low|high)$/, "").replace(/^ci_(low|high)$/, "95% CI");
    assert.ok(shown.includes(base), `${field} is shown`);
  }
  const all = tables.map((t) => t["text/plain"]).join("\n");
  assert.match(all, /7\.47e-10/);
  assert.match(all, /\b1\.000\b/, "a stability of 1 reads 1.000 beside 0.976");
  assert.match(all, /0\.976/);
  assert.match(all, /\[13\.215, 17\.300\]/);
  assert.match(all, /\[11\.011, 150\.250\]/, "the held-out interval");
});

Deno.test("robustnessTables: the bootstrap and held-out intervals in separate tables, said which", () => {
  const [chosen, heldOut] = robustnessTables([record("4B", 0.01, 1)]);
  assert.match(chosen["text/html"], /<th[^>]*>bootstrap 95% CI<\/th>/);
  assert.doesNotMatch(chosen["text/plain"], /11\.011/);
  assert.match(heldOut["text/html"], /<th[^>]*>held_out 95% CI<\/th>/);
  assert.match(heldOut["text/plain"], /\[11\.011, 150\.250\]/);
});

// The notebook's output area is 980 px. The widest table is the paired tests' (90 characters of
// text on the default data), which fits there in Chromium (notebook_clients_test.ts); the
// held-out table is narrower. This keeps every table within 110 characters of text with the
// widest labels (235B-A22B, self_awareness).
Deno.test("robustnessTables: no line wider than 110 characters, with the widest labels", () => {
  const wide = { ...record("235B-A22B", 1.2345e-100, 0.5), concept: "self_awareness" };
  for (const table of robustnessTables([wide, record("4B", 0.5, 1)])) {
    for (const line of table["text/plain"].split("\n")) {
      assert.ok(line.length <= 110, `${line.length}: ${line}`);
    }
  }
});
