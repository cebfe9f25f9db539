/**
 * JSON output as the original writes it (`json.dump(..., indent=2)`), valid JSON throughout.
 * @module
 */
import { analysisSummary } from "../stats/analysis.ts";

/**
 * Formats the summary JSON as the original does (`json.dump(..., indent=2)`), with non-finite
 * numbers as `null` so the file stays valid JSON.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analyse } from "../stats/analysis.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const analysis = analyse(await loadSweep("results/logit_diff_sweep"));
 * assert.ok(summaryJson(analysis).startsWith('{\n  "best_layers": ['));
 * ```
 */
export function summaryJson(analysis: Parameters<typeof analysisSummary>[0]): string {
  return jsonText(analysisSummary(analysis));
}

/**
 * JSON indented by 2, non-finite numbers as `null` (valid JSON, unlike Python's bare `NaN`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(jsonText({ d: NaN }), '{\n  "d": null\n}');
 * ```
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v) => typeof v === "number" && !Number.isFinite(v) ? null : v,
    2,
  );
}
