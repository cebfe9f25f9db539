/**
 * What the sections of the pipeline description share: the options every figure is drawn with,
 * and the small adapters from typed rows to a table step's rows and columns.
 * @module
 */
import type { Results } from "./results.ts";
import type { Rows } from "./steps.ts";

/**
 * What every figure is drawn with: the sweep's models, concepts, groups (the deep models, and
 * every model's group by training, architecture and depth) and the pairs without data.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * import { createDocument } from "../figures/dom.ts";
 * import { computeResults } from "./results.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B", "32B"] });
 * const options = figureOptions(computeResults(sweep, { resamples: 10, splits: 2 }), createDocument());
 * assert.deepEqual(options.deep, ["32B"]); // the one grouping, from lib/models/groups.ts
 * ```
 */
export function figureOptions(r: Results, document: Document) {
  const { models, concepts, layerCounts } = r.sweep;
  const { missingPairs: missing, groups } = r.analysis;
  const { attributes } = r;
  return { document, models, concepts, layerCounts, missing, deep: groups.deep, attributes };
}

/**
 * Typed rows as a table step's rows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(rows([{ model: "4B", d: 1 }]), [{ model: "4B", d: 1 }]);
 * ```
 */
export const rows = <T extends object>(list: readonly T[]) => list as unknown as Rows;

/**
 * A table step's columns when they do not depend on the run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(fixed(["model", "d"])(), ["model", "d"]);
 * ```
 */
export const fixed = (columns: string[]) => () => columns;
