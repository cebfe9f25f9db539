/**
 * The size and depth correlations of the author's later notebook, printed with what so few
 * models can support: beside the author's Student-t p, a permutation p over the models, and the
 * pair-level correlation of best-layer depth with Cohen's d beside its model-level check.
 * @module
 */
import type { ModelLevelCorrelation } from "../stats/best_layer_depth.ts";
import { orderingCount } from "../stats/correlation_permutation.ts";
import type { ModelCorrelationRow } from "../stats/model_correlations.ts";
import type { Correlation } from "../stats/pearson.ts";
import { pyFixed } from "../util/format.ts";
import { signed } from "./format.ts";
import { wrap } from "./wrap.ts";

const NAMES = {
  cohens_d: "Cohen's d",
  delta: "delta",
  total_params: "total parameters",
  active_params: "active parameters",
};
const pText = (p: number) => (Number.isNaN(p) ? "p n/a" : `p = ${pyFixed(p, 3)}`);

function sizeLines(rows: readonly ModelCorrelationRow[]): string[] {
  const n = Math.max(0, ...rows.map((r) => r.n));
  if (n < 3) return ["Size: fewer than 3 models with a parameter count: no correlation."];
  const width = Math.max(...rows.map((r) => `${NAMES[r.y]} vs ${NAMES[r.x]}:`.length)) + 1;
  const lines = rows.map((r) =>
    `  ${`${NAMES[r.y]} vs ${NAMES[r.x]}:`.padEnd(width)}r = ${signed(r.r, 2)}, ` +
    `${pText(r.p)} (Student t), ${pText(r.p_permutation)} (permutation)`
  );
  const split = rows.filter((r) => r.p < 0.05 && !(r.p_permutation < 0.05));
  const orderings = orderingCount(n);
  return [
    `Size: Pearson r over the ${n} models' mean effects (parameters as the model names state them)`,
    ...lines,
    ...wrap(
      `The permutation p compares r with its value under each of the ${
        orderings.toLocaleString("en-US")
      } orderings of the models (the smallest it can be is ${
        pyFixed(1 / orderings, 4)
      }); the Student-t p assumes normal data, which ${n} models cannot check.` +
        (split.length
          ? ` ${
            split.map((r) => `${NAMES[r.y]} vs ${NAMES[r.x]}`).join(" and ")
          }: significant by t only.`
          : ""),
      undefined,
      "  ",
    ),
  ];
}

function depthLines(pairs: Correlation, models: ModelLevelCorrelation): string[] {
  const byPairs = `over the ${pairs.n} pairs: r = ${signed(pairs.r, 2)}, ${pText(pairs.p)}`;
  const byModels = `over the ${models.n_models} models' means: r = ${signed(models.r_models, 2)}, ${
    pText(models.p_models)
  } (permutation)`;
  const verdict = pairs.p < 0.05 && !(models.p_models < 0.05)
    ? "The pair-level p counts each model's concepts as independent evidence, though they share " +
      "the model's depth and training; with the model as the unit the association is not shown."
    : "The pair-level p counts each model's concepts as independent evidence; the model-level " +
      "test does not.";
  return [
    "Best-layer depth (fraction of layers) vs Cohen's d",
    `  ${byPairs} (the author's)`,
    `  ${byModels}`,
    ...wrap(verdict, undefined, "  "),
  ];
}

/**
 * The correlations report: size (each model's mean Cohen's d and delta against its parameter
 * counts) and best-layer depth against Cohen's d, each p beside a test over the models.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = (x: "total_params" | "active_params", y: "cohens_d" | "delta", r: number) =>
 *   ({ x, y, n: 6, r, p: 0.011, p_permutation: 0.0125 });
 * const report = correlationsReport(
 *   [row("total_params", "cohens_d", -0.08), row("active_params", "delta", -0.91)],
 *   { n: 17, r: -0.55, p: 0.022 },
 *   { n_models: 6, r_models: -0.5, p_models: 0.319 },
 * );
 * assert.ok(report.includes("delta vs active parameters:    r = -0.91, p = 0.011 (Student t)"));
 * assert.ok(report.includes("over the 6 models' means: r = -0.50, p = 0.319 (permutation)"));
 * assert.ok(report.includes("with the model as the unit the association is not shown"));
 * ```
 */
export function correlationsReport(
  size: readonly ModelCorrelationRow[],
  pairs: Correlation,
  models: ModelLevelCorrelation,
): string {
  return [...sizeLines(size), "", ...depthLines(pairs, models)].join("\n");
}
