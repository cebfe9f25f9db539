import { modelGroups } from "../lib/models/groups.ts";
import assert from "node:assert/strict";
import { modelTable } from "../lib/models/qwen3.ts";
import { robustnessReport } from "../lib/report/robustness.ts";
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
  mean_paired_diff: 5,
  d_z: 1.2,
  t: 12,
  p: 1e-9,
  p_holm: 1e-8,
  cohens_d: 1,
  cohens_d_ci_low: 0.8,
  cohens_d_ci_high: 1.2,
  glass_delta: 1,
  p_selection: 1e-7,
  ...over,
});

Deno.test("the report states what holds and what does not, from the records", () => {
  const records = [
    record("4B", "a", {}),
    record("32B", "a", { best_delta: 2, ci_low: 1.5, ci_high: 2.5, split_half_delta: 1.9 }),
    record("4B", "b", { layer_stability: 0.3, ci_low: 1, ci_high: 3, split_half_delta: -0.1 }),
    record("32B", "b", { ci_low: 2, ci_high: 4, p_holm: 0.2, p_selection: 1 }),
  ];
  const counts = { "4B": 36, "32B": 64 };
  const report = robustnessReport(
    records,
    modelTable(["4B", "32B"], counts),
    modelGroups(["4B", "32B"], counts),
  );
  assert.match(report, /at least half of the resamples: 3 of 4 pairs/);
  assert.match(report, /Unstable \(another layer often wins\): 4B b \(30%\)/);
  assert.match(report, /Held-out delta not above 0: 4B b\./);
  assert.match(report, /p_holm < 0\.05\): 3 of 4/);
  assert.match(report, /p_selection < 0\.05\): 3 of 4/);
  assert.match(
    report,
    /a: 32B \[1\.50, 2\.50\] vs lowest shallow 4B \[4\.00, 6\.00\]: below every shallow interval \(holds\); by held-out delta, also below every shallow model/,
  );
  assert.match(
    report,
    /b: 32B \[2\.00, 4\.00\] vs lowest shallow 4B \[1\.00, 3\.00\]: the intervals overlap \(does not hold\)/,
  );
  assert.match(report, /d_z is 1\.20x Cohen's d/);
  assert.match(report, /Every deep model \(32B\) is also the only one trained with full RL/);
});

Deno.test("without deep models the depth question is said to be untestable", () => {
  const report = robustnessReport(
    [record("4B", "a", {})],
    modelTable(["4B"], { "4B": 36 }),
    modelGroups(["4B"], { "4B": 36 }),
  );
  assert.match(report, /Not testable here/);
  assert.match(report, /Deep: none; full RL: none/);
});
