import assert from "node:assert/strict";
import { comparisonsReport } from "../lib/report/comparisons.ts";
import { groupedDefault, groupedSixModel } from "./helpers/model_attributes.ts";
import { effectRow } from "./helpers/effect_rows.ts";

/** The report as one line of text (sentences wrap across lines). */
const flat = (report: string) => report.replace(/\s+/g, " ");
const row = (model: string, concept: string, value: number) =>
  effectRow(model, concept, value / 10, value);

Deno.test("default data: the whole report", async () => {
  const { effectSizes, attributes } = await groupedDefault();
  assert.equal(
    comparisonsReport(effectSizes, attributes),
    `======================================================================
MODEL COMPARISONS
======================================================================
The model is the unit: each p permutes the group labels over the models of the two groups
compared (of the 4 models with data), each keeping all its pairs (two-sided, exact: every
relabelling). Means are over pairs, as in the author's group tables. Cohen's d and delta are
taken at each pair's best layer, the largest of the layers searched: a model with more layers
searched gets more upward bias from that choice (Robustness, section 2, measures it per pair).

Training: distilled vs full RL
  distilled  3 models, 9 pairs: 4B, 8B, 14B
  full RL    1 model, 3 pairs: 32B
  Cohen's d  1.23 vs 0.92: difference +0.30, p = 0.500
  delta      7.57 vs 2.96: difference +4.61, p = 0.250
  With 1 full-RL model among 4, no test over models can reach p < 0.05: the smallest possible p
  is 0.250. The delta difference reaches it: no relabelling of the models sets the groups
  further apart.

Architecture: every model is dense: no architecture comparison.

Depth: the same split as training (see below), so the same tests and p.

What the groups cannot separate:
  Training and depth split these models the same way: their effects cannot be told apart
    (distilled = shallow: 4B, 8B, 14B; full RL = deep: 32B).

The 2 p-values above are not corrected for multiple testing.`,
  );
});

Deno.test("six-model sweep: what 2 full-RL models of 6 allow, and the nested groups", async () => {
  const { effectSizes, attributes } = await groupedSixModel();
  const report = comparisonsReport(effectSizes, attributes);
  const text = flat(report);
  assert.ok(report.split("\n").every((line) => line.length < 100));
  assert.match(
    text,
    /With 2 full-RL models among 6, no test over models can reach p < 0\.05: the smallest possible p is 0\.067\. The delta difference reaches it/,
  );
  assert.match(text, /With 2 MoE models among 6, .* the smallest possible p is 0\.067\. Depth/);
  assert.match(
    text,
    /With 3 models per group \(6 in all\), .* the smallest possible p is 0\.100\./,
  );
  // the author's group means (group_effects.csv): distilled 8.00, RL 4.03; dense 6.42, MoE 7.84
  assert.match(report, /delta {6}8\.00 vs 4\.03: difference \+3\.97, p = 0\.067/);
  assert.match(report, /delta {6}6\.42 vs 7\.84: difference -1\.42, p = 0\.467/);
  assert.match(report, / {2}full RL {4}2 models, 5 pairs: 32B, 235B-A22B/);
  assert.match(report, /Every full-RL model \(32B, 235B-A22B\) is deep\./);
  assert.match(report, /Every shallow model \(4B, 8B, 14B\) is distilled and dense\./);
  assert.doesNotMatch(text, /split these models the same way|no architecture comparison/);
  assert.match(text, /The 6 p-values above are not corrected/);
});

Deno.test("many models: p below 0.001, no min-p sentence; Monte Carlo named in the header", () => {
  const models = Array.from({ length: 16 }, (_, i) => `m${i}`);
  const rows = models.map((m, i) => row(m, "k", i < 8 ? 100 + i : i));
  const attributes = {
    training: Object.fromEntries(models.map((m, i) => [m, i < 8 ? "full-rl" : "distilled"])),
    architecture: {},
    depth: {},
  };
  const exact = comparisonsReport(rows, attributes); // C(16, 8) = 12,870 relabellings
  assert.match(exact, /delta {6}11\.50 vs 103\.50: difference -92\.00, p < 0\.001/);
  assert.doesNotMatch(exact, /smallest possible p/);
  assert.match(flat(exact), /\(two-sided, exact: every relabelling\)/);
  assert.match(flat(exact), /Architecture: no model's architecture is known: no architecture/);
  const mc = flat(comparisonsReport(rows, attributes, { exactLimit: 1000, resamples: 999 }));
  assert.match(mc, /exact up to 1,000 relabellings, else 999 seeded random ones/);
  assert.match(mc, /p = 0\.001/); // the Monte Carlo floor, 1 / (1 + 999)
});

Deno.test("unknown models, partial splits, one model per group, three groups", () => {
  const rows = ["a", "b", "c", "d"].flatMap((m, i) => [row(m, "k", i), row(m, "l", 2 * i)]);
  const attributes = {
    training: { a: "x", b: "y", c: "z", d: "x" },
    architecture: { a: "dense", b: "dense", c: "dense" }, // d unknown
    depth: { a: "shallow", b: "deep" }, // c, d unknown
  };
  const report = comparisonsReport(rows, attributes);
  const text = flat(report);
  assert.match(report, /^Training: x vs y$/m);
  assert.match(report, /^Training: x vs z$/m);
  assert.match(report, /^Training: y vs z$/m);
  assert.match(text, /Architecture: every model of known architecture \(3 of 4\) is dense/);
  assert.match(text, /With 1 model per group, no test over models can tell anything: p is 1/);
  assert.match(text, /Training and depth split the 2 models known to both the same way/);
  assert.match(text, /Depth: deep vs shallow/); // not every model: depth is shown on its own
});

Deno.test("a model of unknown training or architecture is named, left out of that comparison", () => {
  const models = ["4B", "Llama-3.1-8B", "32B", "mine"];
  const rows = models.flatMap((m, i) => [row(m, "k", i + 1), row(m, "l", 2 * i + 1)]);
  const attributes = {
    training: { "4B": "distilled", "32B": "full-rl" },
    architecture: { "4B": "dense", "32B": "dense", mine: "dense" },
    depth: { "4B": "shallow", "Llama-3.1-8B": "shallow", "32B": "deep", mine: "shallow" },
  };
  const report = comparisonsReport(rows, attributes);
  assert.match(
    report,
    /^Training: distilled vs full RL\n(.*\n)*? {2}Llama-3\.1-8B, mine: training unknown, left out of the training comparison\.$/m,
  );
  assert.match(
    report,
    /^Architecture: every model of known architecture \(3 of 4\) is dense: no architecture comparison\.\n {2}Llama-3\.1-8B: architecture unknown, left out of the architecture comparison\.$/m,
  );
  assert.doesNotMatch(report, /depth unknown/); // every model's depth is known
  const none = comparisonsReport(rows, { ...attributes, architecture: {} });
  assert.match(none, /no model's architecture is known: no architecture comparison\.\n\n/);
});
