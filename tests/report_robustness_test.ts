import { modelAttributes, modelGroups } from "../lib/models/groups.ts";
import assert from "node:assert/strict";
import { modelTable } from "../lib/models/qwen3.ts";
import { robustnessReport } from "../lib/report/robustness.ts";
import type { ModelContrast } from "../lib/stats/model_contrast.ts";
import type { RobustnessRecord } from "../lib/stats/robustness.ts";

const record = (
  model: string,
  concept: string,
  over: Partial<RobustnessRecord>,
): RobustnessRecord => ({
  model,
  concept,
  best_layer: 10,
  best_delta: 5,
  ci_low: 4,
  ci_high: 6,
  layer_stability: 0.9,
  split_half_delta: 4.8,
  held_out_layer: 10,
  held_out_delta: 4.9,
  held_out_ci_low: 3.5,
  held_out_ci_high: 6.3,
  mean_paired_diff: 5,
  d_z: 1.2,
  t: 12,
  p: 1e-9,
  p_holm: 1e-8,
  cohens_d: 1,
  cohens_d_ci_low: 0.8,
  cohens_d_ci_high: 1.2,
  glass_delta_unsteered: 1,
  p_selection: 1e-7,
  ...over,
});

const contrast = (
  a: string,
  b: string,
  concept: string,
  mean: number,
  ci: [number, number],
): ModelContrast => ({
  concept,
  model_a: a,
  model_b: b,
  layer_a: 10,
  layer_b: 30,
  n_prompts: 50,
  mean_difference: mean,
  ci_low: ci[0],
  ci_high: ci[1],
  t: 3,
  p: 0.004,
});

const COUNTS = { "4B": 36, "32B": 64 };
const RECORDS = [
  record("4B", "a", {}),
  // The bootstrap interval of 32B a lies above 4B's: the report must not use it
  record("32B", "a", { best_delta: 2, ci_low: 6.5, ci_high: 7, split_half_delta: 1.9 }),
  record("4B", "b", {
    layer_stability: 0.3,
    ci_low: 1,
    ci_high: 3,
    split_half_delta: -0.1,
    held_out_ci_low: -0.4,
    held_out_ci_high: 0.6,
  }),
  record("32B", "b", { ci_low: 2, ci_high: 4, p_holm: 0.2, p_selection: 1 }),
];
// 4B before 32B in the contrasts: the report reads them from the deep model's side
const CONTRASTS = [
  contrast("4B", "32B", "a", 1.2, [0.4, 2]),
  contrast("4B", "32B", "b", -0.3, [-1.1, 0.5]),
];

const report = (contrasts?: ModelContrast[]) =>
  robustnessReport(
    RECORDS,
    modelAttributes(modelTable(["4B", "32B"], COUNTS), modelGroups(["4B", "32B"], COUNTS)),
    modelGroups(["4B", "32B"], COUNTS),
    contrasts,
  );

Deno.test("the report states what holds and what does not, from the records", () => {
  const text = report(CONTRASTS);
  assert.match(text, /at least half of the resamples: 3 of 4 pairs/);
  assert.match(text, /Unstable \(another layer often wins\): 4B b \(30%\)/);
  assert.match(text, /Split-half delta not above 0: 4B b\./);
  assert.match(
    text,
    /Held-out 95% interval above 0: 3 of 4 pairs; not for 4B b \[-0\.40, 0\.60\]\./,
  );
  assert.match(text, /p_holm < 0\.05\): 3 of 4/);
  assert.match(text, /p_selection < 0\.05\): 3 of 4/);
  assert.match(text, /d_z is 1\.20x Cohen's d/);
  assert.match(
    text,
    /6\. What else differs.*\n {3}Training and depth split these models the same way: their effects cannot be told apart/,
  );
});

Deno.test("the depth claim comes from the paired contrasts, not from overlapping intervals", () => {
  const text = report(CONTRASTS);
  // One deep model: the contrasts speak of 32B, not of depth
  assert.match(
    text,
    / {3}a: shown for 32B: its effect is below each shallow model's on these prompts\n/,
  );
  assert.match(
    text,
    /With 1 deep model \(32B\), these contrasts compare that model with the others/,
  );
  assert.match(
    text,
    /32B vs 4B \(a\): 32B's effect is smaller by 1\.20 \[0\.40, 2\.00\], paired over 50 prompts\n/,
  );
  // An interval spanning 0 is unclear, not a refutation
  assert.match(text, / {3}b: not shown: 1 of 1 contrasts are unclear \(their interval spans 0\)/);
  assert.match(
    text,
    /32B vs 4B \(b\): 32B's effect is larger by 0\.30 \[-0\.50, 1\.10\], .*spans 0/,
  );
  assert.doesNotMatch(
    text,
    /\[6\.50, 7\.00\]/,
    "the bootstrap interval of the maximum is not used",
  );
  assert.match(report(undefined), /Not computed: no paired model contrasts were given\./);
  assert.match(report([]), /No deep and shallow model share held-out prompts\./);
});

Deno.test("without deep models the depth question is said to be untestable", () => {
  const report = robustnessReport(
    [record("4B", "a", {})],
    modelAttributes(modelTable(["4B"], { "4B": 36 }), modelGroups(["4B"], { "4B": 36 })),
    modelGroups(["4B"], { "4B": 36 }),
  );
  assert.match(report, /Not testable here/);
  assert.match(report, /No other attribute splits these models as depth does/);
});

Deno.test("two deep models: 'holds' needs every contrast below 0; one above 0 refutes", () => {
  const counts = { "4B": 36, "32B": 64, "235B-A22B": 94 };
  const labels = ["4B", "32B", "235B-A22B"];
  const groups = modelGroups(labels, counts);
  const attributes = modelAttributes(modelTable(labels, counts), groups);
  const records = labels.flatMap((m) => [record(m, "a", {}), record(m, "b", {})]);
  const contrasts = [
    contrast("4B", "32B", "a", 1.2, [0.4, 2]),
    contrast("4B", "235B-A22B", "a", 0.8, [0.1, 1.5]),
    contrast("4B", "32B", "b", 1.2, [0.4, 2]),
    contrast("4B", "235B-A22B", "b", -0.9, [-1.5, -0.2]), // 235B-A22B larger
  ];
  const text = robustnessReport(records, attributes, groups, contrasts);
  assert.match(text, / {3}a: holds: every deep model's effect is below every shallow model's\n/);
  assert.match(text, / {3}b: does not hold: 1 of 2 contrasts find the deep model's effect larger/);
  assert.doesNotMatch(text, /With 1 deep model/);
  // Training splits these models as depth does; the only MoE model is deep: both said
  assert.match(text, /Training and depth split these models the same way/);
  assert.match(text, /Every MoE model \(235B-A22B\) is deep\./);
});
