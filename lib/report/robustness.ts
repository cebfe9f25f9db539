/**
 * The robustness report: which of the original's claims survive resampling, held-out layer
 * choice and paired tests. Every sentence is computed from the records and the paired model
 * contrasts; claims are tested with the held-out intervals (valid although each layer is chosen
 * as a maximum), never with the bootstrap interval of the maximum, which is descriptive.
 * @module
 */
import type { ModelAttributes, ModelGroups } from "../models/groups.ts";
import { mean } from "../stats/describe.ts";
import { type ModelContrast, orientContrast } from "../stats/model_contrast.ts";
import type { RobustnessRecord } from "../stats/robustness.ts";
import { pyFixed } from "../util/format.ts";
import { confounds } from "../stats/confounds.ts";
import { confoundSentences } from "./comparisons.ts";
import { contrastSentence, contrastVerdict } from "./contrast.ts";
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
      ? `   Split-half delta not above 0: ${nonPositive.map(pair).join(", ")}.`
      : "   Every split-half delta is above 0 (section 3 tests the effects).",
    "   (The bootstrap interval of the maximum, ci_low to ci_high, describes the spread only: " +
    "with no effect it still lies above 0.)",
  ];
}

function significanceLines(records: readonly RobustnessRecord[]): string[] {
  const n = records.length;
  const notAbove = records.filter((r) => !(r.held_out_ci_low > 0));
  return [
    "3. Is there an effect at the chosen layer? (held out: the layer chosen on half the prompts, " +
    "its effect on the other half)",
    `   Held-out 95% interval above 0: ${count(n - notAbove.length, n)} pairs` +
    (notAbove.length
      ? `; not for ${
        notAbove.map((r) => `${pair(r)} ${interval(r.held_out_ci_low, r.held_out_ci_high)}`)
          .join(", ")
      }.`
      : "."),
    `   Paired t-tests at the best layer, significant after Holm (p_holm < 0.05): ${
      count(records.filter((r) => r.p_holm < 0.05).length, n)
    }; also corrected for the layers searched (p_selection < 0.05): ${
      count(records.filter((r) => r.p_selection < 0.05).length, n)
    }.`,
  ];
}

/** The contrast of `first` against `second` on a concept, read from `first`'s side. */
function contrastOf(
  contrasts: readonly ModelContrast[],
  concept: string,
  first: string,
  second: string,
): ModelContrast | undefined {
  const found = contrasts.find((c) =>
    c.concept === concept &&
    ((c.model_a === first && c.model_b === second) || (c.model_a === second && c.model_b === first))
  );
  return found && orientContrast(found, first);
}

/** One concept's deep-vs-shallow contrasts and whether every one finds the deep model smaller. */
function conceptDepthLines(
  concept: string,
  deep: readonly string[],
  shallow: readonly string[],
  contrasts: readonly ModelContrast[],
): string[] {
  const found = deep.flatMap((d) =>
    shallow.flatMap((s) => contrastOf(contrasts, concept, d, s) ?? [])
  );
  if (!found.length) return [];
  const verdicts = found.map(contrastVerdict), all = deep.length * shallow.length;
  const smaller = verdicts.filter((v) => v === "smaller").length;
  const larger = verdicts.filter((v) => v === "larger").length;
  const verdict = smaller === all
    ? deep.length === 1
      ? `shown for ${deep[0]}: its effect is below each shallow model's on these prompts`
      : "holds: every deep model's effect is below every shallow model's"
    : larger > 0
    ? `does not hold: ${count(larger, all)} contrasts find the deep model's effect larger`
    : `not shown: ${count(all - smaller, all)} contrasts are unclear (their interval spans 0)`;
  return [`   ${concept}: ${verdict}`, ...found.map((c) => `     ${contrastSentence(c)}`)];
}

function depthLines(
  records: readonly RobustnessRecord[],
  groups: ModelGroups,
  contrasts: readonly ModelContrast[] | undefined,
): string[] {
  const lines = [
    "4. Are the deep models harder to steer? (paired over the same held-out prompts: each deep " +
    "model minus each shallow one, each at its held-out layer)",
  ];
  const has = (models: readonly string[]) => records.some((r) => models.includes(r.model));
  if (!has(groups.deep) || !has(groups.shallow)) {
    return [...lines, "   Not testable here: the sweep needs both deep and shallow models."];
  }
  if (!contrasts) return [...lines, "   Not computed: no paired model contrasts were given."];
  const concepts = [...new Set(records.map((r) => r.concept))];
  const body = concepts.flatMap((concept) => {
    const here = (models: readonly string[]) =>
      models.filter((m) => records.some((r) => r.model === m && r.concept === concept));
    return conceptDepthLines(concept, here(groups.deep), here(groups.shallow), contrasts);
  });
  const deepHere = groups.deep.filter((m) => has([m]));
  return [
    ...lines,
    ...(body.length ? body : ["   No deep and shallow model share held-out prompts."]),
    "   The claim needs every contrast, each at 95%, so no multiplicity correction applies.",
    "   A contrast compares the effects at the layers each model chose on its selection half.",
    ...(deepHere.length === 1
      ? [
        `   With 1 deep model (${deepHere[0]}), these contrasts compare that model with the ` +
        "others on the same prompts,",
        "   not depth itself (see Model Comparisons for a test over models).",
      ]
      : []),
  ];
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

function confoundLines(records: readonly RobustnessRecord[], attributes: ModelAttributes) {
  const models = [...new Set(records.map((r) => r.model))];
  const found = confounds(models, attributes);
  const depth = (a: string) => a === "depth";
  const lines = confoundSentences({
    sameSplits: found.sameSplits.filter((s) => s.attributes.some(depth)),
    nestings: found.nestings.filter((n) => depth(n.attribute) || depth(n.within.attribute)),
    oneGroup: [],
  }, models.length);
  return [
    "6. What else differs between deep and shallow models here?",
    ...(lines.length
      ? lines.map((line) => ` ${line}`)
      : ["   No other attribute splits these models as depth does, or nests in a depth group."]),
  ];
}

/**
 * The robustness report, section by section. `contrasts` are the paired model contrasts
 * (`modelContrasts` of lib/stats/model_contrast.ts) the depth question is answered from; without them it says so.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { modelTable } from "../models/qwen3.ts";
 * import { modelAttributes } from "../models/groups.ts";
 * import { analyse } from "../stats/analysis.ts";
 * import { modelContrasts } from "../stats/model_contrast.ts";
 * import { robustness } from "../stats/robustness_sweep.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep");
 * const analysis = analyse(sweep);
 * const records = robustness(sweep, analysis.bestLayers, { resamples: 20, seed: 1 });
 * const contrasts = modelContrasts(sweep, records, { seed: 1 });
 * const models = modelTable(sweep.models, sweep.layerCounts);
 * const attributes = modelAttributes(models, analysis.groups);
 * const report = robustnessReport(records, attributes, analysis.groups, contrasts);
 * const lines = report.split("\n");
 * assert.equal(lines[1], "ROBUSTNESS");
 * assert.equal(lines[4], "1. Is the best layer the same when the prompts are resampled?");
 * assert.match(report, /32B vs 4B \(corrigible\): 32B's effect is (smaller|larger) by/);
 * ```
 */
export function robustnessReport(
  records: readonly RobustnessRecord[],
  attributes: ModelAttributes,
  groups: ModelGroups,
  contrasts?: readonly ModelContrast[],
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
    ...depthLines(records, groups, contrasts),
    "",
    ...effectSizeLines(records),
    "",
    ...confoundLines(records, attributes),
  ].join("\n");
}
