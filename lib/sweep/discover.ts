/**
 * Which concepts and models a sweep folder holds: its subfolders as a shell glob sees them.
 * @module
 */
import { join } from "node:path";
import { SweepDataError } from "./errors.ts";
import { subfolders } from "./files.ts";
import { modelLabelOfFolder } from "./layout.ts";

/**
 * Model labels found in one concept folder (from folder names: `Qwen_Qwen3_30B_A3B` is `30B-A3B`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const models = await modelsInConcept("results/logit_diff_sweep/corrigible");
 * assert.deepEqual(models, ["14B", "32B", "4B", "8B"]);
 * ```
 */
export async function modelsInConcept(
  conceptDir: string,
  notes: string[] = [],
): Promise<string[]> {
  const labels = (await subfolders(conceptDir, notes)).map(modelLabelOfFolder);
  return labels.filter((label): label is string => label !== undefined);
}

/**
 * Concepts found in a sweep folder: subfolders holding at least one model folder, alphabetically.
 * A subfolder that cannot be read (`lost+found`) or a link loop is skipped with a note in `notes`,
 * as a shell glob would pass over it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const concepts = await discoverConcepts("results/logit_diff_sweep");
 * assert.deepEqual(concepts, ["corrigible", "self_awareness", "sycophancy"]);
 * ```
 */
export async function discoverConcepts(dir: string, notes: string[] = []): Promise<string[]> {
  const concepts: string[] = [];
  for (const name of await subfolders(dir, notes)) {
    try {
      if ((await modelsInConcept(join(dir, name), notes)).length > 0) concepts.push(name);
    } catch (error) {
      if (!(error instanceof SweepDataError)) throw error;
      notes.push(`note: skipped ${error.message}`);
    }
  }
  return concepts;
}
