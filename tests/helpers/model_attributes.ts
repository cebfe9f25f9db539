/** Test helper: the effect sizes and model attributes of a sweep folder (default, six-model). */
import { type ModelAttributes, modelAttributes } from "../../lib/models/groups.ts";
import { modelTable } from "../../lib/models/qwen3.ts";
import { analyse } from "../../lib/stats/analysis.ts";
import type { EffectSizeRow } from "../../lib/stats/effect_sizes.ts";
import { loadSweep } from "../../lib/sweep/load.ts";
import { DEFAULT_DATA, sixModelSweep } from "./figure_svgs.ts";

/** What the model comparisons are computed from. */
export interface Grouped {
  effectSizes: EffectSizeRow[];
  attributes: ModelAttributes;
}

/** The effect sizes and attributes of a sweep folder. */
export async function groupedFolder(dir: string): Promise<Grouped> {
  const sweep = await loadSweep(dir);
  const analysis = analyse(sweep);
  const models = modelTable(sweep.models, sweep.layerCounts);
  return {
    effectSizes: analysis.effectSizes,
    attributes: modelAttributes(models, analysis.groups),
  };
}

/** The default data's (4 models). */
export function groupedDefault(): Promise<Grouped> {
  return groupedFolder(DEFAULT_DATA);
}

/** The six-model sweep's (default data + the MoE fixture, in a temporary folder removed after). */
export async function groupedSixModel(): Promise<Grouped> {
  const dir = await sixModelSweep();
  try {
    return await groupedFolder(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
