/**
 * The printed reports of the notebook's first part: what was loaded, and the key findings.
 * @module
 */
import type { Analysis } from "../stats/analysis.ts";
import { sweepSize } from "../stats/counts.ts";
import type { Sweep } from "../sweep/types.ts";
import { numpyList, rule, signed } from "./format.ts";

/**
 * What was loaded, as the original's load cell prints it (the sweep's warnings and data-quality
 * notes are `sweep.notes`: the notebook prints them as warnings, so that `deno task render`, which
 * keeps the cells' printed lines back, still shows them).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * const lines = loadReport(await loadSweep("results/logit_diff_sweep")).split("\n");
 * assert.deepEqual(lines.slice(0, 5), [
 *   "Loaded 86,400 per-sample rows",
 *   "Loaded 360 layer summaries",
 *   "",
 *   "Models: ['4B' '8B' '14B' '32B']",
 *   "Concepts: ['corrigible' 'self_awareness' 'sycophancy']",
 * ]);
 * assert.equal(lines.length, 5); // the notes are not part of it
 * ```
 */
export function loadReport(sweep: Sweep): string {
  const { samples: rows, summaries } = sweepSize(sweep);
  const present = (names: string[], key: "model" | "concept") =>
    names.filter((name) => sweep.runs.some((run) => run[key] === name));
  return [
    `Loaded ${rows.toLocaleString("en-US")} per-sample rows`,
    `Loaded ${summaries} layer summaries`,
    "",
    `Models: ${numpyList(present(sweep.models, "model"))}`,
    `Concepts: ${numpyList(present(sweep.concepts, "concept"))}`,
  ].join("\n");
}

/**
 * The original's words for an effect size: strong above 0.8, medium above 0.5, else weak.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(effectStrength(0.66), "medium");
 * assert.equal(effectStrength(-0.9), "strong"); // by size, either sign
 * assert.equal(effectStrength(0.5), "weak");
 * ```
 */
export function effectStrength(d: number): "strong" | "medium" | "weak" {
  const a = Math.abs(d);
  return a > 0.8 ? "strong" : a > 0.5 ? "medium" : "weak";
}

/**
 * The key-findings report, line for line as the original prints it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analyse } from "../stats/analysis.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const lines = keyFindings(analyse(await loadSweep("results/logit_diff_sweep"))).split("\n");
 * assert.equal(lines[1], "KEY FINDINGS");
 * assert.equal(lines[5], "   14B  corrigible     : layer 20, delta=+10.26");
 * ```
 */
export function keyFindings(
  analysis: Pick<Analysis, "bestLayers" | "effectSizes" | "conceptAvgEffect" | "modelAvgEffect">,
): string {
  const lines = [rule(70), "KEY FINDINGS", rule(70), "", "1. Best Layers by Model/Concept:"];
  for (const row of analysis.bestLayers) {
    lines.push(
      `   ${row.model.padEnd(4)} ${row.concept.padEnd(15)}: layer ${
        String(row.layer).padStart(2)
      }, delta=${signed(row.delta)}`,
    );
  }
  lines.push("", "2. Effect Sizes (Cohen's d):");
  for (const row of analysis.effectSizes) {
    lines.push(
      `   ${row.model.padEnd(4)} ${row.concept.padEnd(15)}: d=${signed(row.cohens_d)} (${
        effectStrength(row.cohens_d)
      })`,
    );
  }
  lines.push("", "3. Strongest Steering Concepts:");
  for (const [concept, d] of analysis.conceptAvgEffect) {
    lines.push(`   ${concept}: avg d = ${signed(d)}`);
  }
  lines.push("", "4. Model Size Scaling:");
  for (const [model, d] of analysis.modelAvgEffect) lines.push(`   ${model}: avg d = ${signed(d)}`);
  return lines.join("\n");
}
