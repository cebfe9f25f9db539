/**
 * The robustness report: which of the original's claims survive resampling, held-out layer
 * choice and paired tests. Every sentence is computed from the records.
 * @module
 */
import type { ModelInfo } from "../models/qwen3.ts";
import type { ModelGroups } from "../models/groups.ts";
import { mean } from "../stats/describe.ts";
import type { RobustnessRecord } from "../stats/robustness.ts";
import { pyFixed } from "../util/format.ts";
import { percent, rule } from "./format.ts";

const interval = (lo: number, hi: number) => `[${pyFixed(lo, 2)}, ${pyFixed(hi, 2)}]`;
const pair = (r: RobustnessRecord) => `${r.model} ${r.concept}`;
const count = (n: number, of: number) => `${n} of ${of}`;

function stabilityLines(records: readonly RobustnessRecord[]): string[] {
  const unstable = records.filter((r) => r.layer_stability < 0.5);
  return [
    "1. Is the best layer the same when the prompts are resampled?",
    `   Picked again in at least half of the resamples: ${
      count(records.length - unstable.length, records.length)
    } pairs.`,
    unstable.length
      ? `   Unstable (another layer often wins): ${
        unstable.map((r) => `${pair(r)} (${percent(r.layer_stability)})`).join(", ")
      }.`
      : "   No pair is unstable.",
  ];
}

function selectionLines(records: readonly RobustnessRecord[]): string[] {
  const gaps = records.map((r) => r.best_delta - r.split_half_delta);
  const worst = records[gaps.indexOf(Math.max(...gaps))];
  const nonPositive = records.filter((r) => !(r.split_half_delta > 0));
  return [
    "2. Selection bias: the best layer's delta vs the delta of a layer chosen on held-out prompts",
    `   The naive maximum exceeds the split-half delta by ${
      pyFixed(mean(gaps), 2)
    } on average (at most ${pyFixed(Math.max(...gaps), 2)}, ${pair(worst)}).`,
    nonPositive.length
      ? `   Held-out delta not above 0: ${nonPositive.map(pair).join(", ")}.`
      : "   Every held-out delta stays above 0: the effects are not an artefact of picking the maximum.",
  ];
}

function significanceLines(records: readonly RobustnessRecord[]): string[] {
  const n = records.length;
  return [
    "3. Paired t-tests at the best layer (+1 vs -1 on the same prompts)",
    `   Significant after Holm across all pairs (p_holm < 0.05): ${
      count(records.filter((r) => r.p_holm < 0.05).length, n)
    }.`,
    `   Also corrected for the layers searched (p_selection < 0.05): ${
      count(records.filter((r) => r.p_selection < 0.05).length, n)
    }.`,
  ];
}

function depthLines(records: readonly RobustnessRecord[], groups: ModelGroups): string[] {
  const deep = (r: RobustnessRecord) => groups.deep.includes(r.model);
  const lines = [
    "4. Are the deep models harder to steer? (their best-delta 95% interval vs the shallow ones')",
  ];
  const concepts = [...new Set(records.map((r) => r.concept))];
  if (!records.some(deep) || records.every(deep)) {
    return [...lines, "   Not testable here: the sweep needs both deep and shallow models."];
  }
  for (const concept of concepts) {
    const here = records.filter((r) => r.concept === concept);
    const d = here.filter(deep), s = here.filter((r) => !deep(r));
    if (!d.length || !s.length) continue;
    const lowestShallow = s.reduce((a, b) => (b.ci_low < a.ci_low ? b : a));
    const below = d.every((r) => r.ci_high < lowestShallow.ci_low);
    const heldOutBelow = d.every((r) => s.every((x) => r.split_half_delta < x.split_half_delta));
    lines.push(
      `   ${concept}: ${
        d.map((r) => `${r.model} ${interval(r.ci_low, r.ci_high)}`).join(", ")
      } vs ` +
        `lowest shallow ${lowestShallow.model} ${
          interval(lowestShallow.ci_low, lowestShallow.ci_high)
        }: ` +
        (below ? "below every shallow interval (holds)" : "the intervals overlap (does not hold)") +
        `; by held-out delta, ${heldOutBelow ? "also" : "not"} below every shallow model.`,
    );
  }
  return lines;
}

function effectSizeLines(records: readonly RobustnessRecord[]): string[] {
  const ratio = mean(records.map((r) => r.d_z / r.cohens_d));
  return [
    "5. Effect sizes: Cohen's d treats +1 and -1 as independent groups; they are the same prompts",
    `   The paired d_z is ${pyFixed(ratio, 2)}x Cohen's d on average ` +
    `(${
      ratio > 1
        ? "pairing removes the prompt-to-prompt spread"
        : "the prompts' responses vary more than the groups"
    }).`,
  ];
}

function confoundLines(models: readonly ModelInfo[], groups: ModelGroups): string[] {
  const deep = [...groups.deep];
  const rl = models.filter((m) => m.training === "full-rl").map((m) => m.label);
  const same = deep.length > 0 && deep.length === rl.length && deep.every((m) => rl.includes(m));
  return [
    "6. What else differs between deep and shallow models here?",
    same
      ? `   Every deep model (${deep.join(", ")}) is also the only one trained with full RL; the ` +
        "others are distilled. Depth and training method cannot be told apart in this sweep."
      : `   Deep: ${deep.join(", ") || "none"}; full RL: ${rl.join(", ") || "none"}: ` +
        "depth and training method are not confounded one for one.",
  ];
}

/**
 * The robustness report, section by section.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { modelTable } from "../models/qwen3.ts";
 * import { analyse } from "../stats/analysis.ts";
 * import { robustness } from "../stats/robustness.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep");
 * const analysis = analyse(sweep);
 * const records = robustness(sweep, analysis.bestLayers, { resamples: 20, seed: 1 });
 * const models = modelTable(sweep.models, sweep.layerCounts);
 * const lines = robustnessReport(records, models, analysis.groups).split("\n");
 * assert.equal(lines[1], "ROBUSTNESS");
 * assert.equal(lines[4], "1. Is the best layer the same when the prompts are resampled?");
 * ```
 */
export function robustnessReport(
  records: readonly RobustnessRecord[],
  models: readonly ModelInfo[],
  groups: ModelGroups,
): string {
  return [
    rule(70),
    "ROBUSTNESS",
    rule(70),
    "",
    ...stabilityLines(records),
    "",
    ...selectionLines(records),
    "",
    ...significanceLines(records),
    "",
    ...depthLines(records, groups),
    "",
    ...effectSizeLines(records),
    "",
    ...confoundLines(models, groups),
  ].join("\n");
}
