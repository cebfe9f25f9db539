/** Test helper: the statistics and model groups of the six-model sweep (no robustness step). */
import { type ModelAttributes, modelAttributes } from "../../lib/models/groups.ts";
import { modelTable } from "../../lib/models/qwen3.ts";
import { analyse, type Analysis } from "../../lib/stats/analysis.ts";
import { loadSweep } from "../../lib/sweep/load.ts";
import { sixModelSweep } from "./figure_svgs.ts";

/** The analysis of the six-model sweep and its models' groups; the temporary copy is removed. */
export async function sixModelAnalysis(): Promise<
  { analysis: Analysis; attributes: ModelAttributes }
> {
  const dir = await sixModelSweep();
  try {
    const sweep = await loadSweep(dir);
    const analysis = analyse(sweep);
    const models = modelTable(sweep.models, sweep.layerCounts);
    return { analysis, attributes: modelAttributes(models, analysis.groups) };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
