/**
 * Test helper: every figure of a sweep, built and flattened to the standalone SVG the export
 * writes; and the sweeps the figure tests draw (default, six-model, synthetic six-by-six).
 */
import { join } from "node:path";
import { createDocument } from "../../lib/figures/dom.ts";
import { standaloneSvg } from "../../lib/export/svg.ts";
import { PIPELINE } from "../../lib/pipeline/description.ts";
import { figureSteps } from "../../lib/pipeline/files.ts";
import { computeResults, type Results } from "../../lib/pipeline/results.ts";
import { loadSweep } from "../../lib/sweep/load.ts";
import { writeSynthSweep } from "../../lib/synth/sweep.ts";

/** The default data, and the two mixture-of-experts models of the same sweep (fixture). */
export const DEFAULT_DATA = "results/logit_diff_sweep";
export const MOE_FIXTURE = "tests/fixtures/logit_diff_sweep_moe";

/** One exported figure. */
export interface FigureSvg {
  name: string;
  svg: string;
}

/** The results of a sweep folder, robustness included (few resamples, to keep tests quick). */
export async function analyseFolder(dir: string): Promise<Results> {
  return computeResults(await loadSweep(dir), { resamples: 100, splits: 20, seed: 1 });
}

/** Every figure of the pipeline as its standalone SVG. */
export function figureSvgs(results: Results): FigureSvg[] {
  const document = createDocument();
  return figureSteps(PIPELINE).map((f) => ({
    name: f.name,
    svg: standaloneSvg(f.build(results, document)),
  }));
}

/** Copies a folder's contents into another. */
async function copyInto(from: string, to: string): Promise<void> {
  for await (const entry of Deno.readDir(from)) {
    const source = join(from, entry.name), target = join(to, entry.name);
    if (entry.isDirectory) {
      await Deno.mkdir(target, { recursive: true });
      await copyInto(source, target);
    } else await Deno.copyFile(source, target);
  }
}

/** The six-model sweep (default data + the MoE fixture) in a new temporary folder. */
export async function sixModelSweep(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "six-model-sweep-" });
  await copyInto(DEFAULT_DATA, dir);
  await copyInto(MOE_FIXTURE, dir);
  return dir;
}

/** A synthetic six-model x six-concept sweep (the synth task's generator) in a temporary folder. */
export async function synthSixBySix(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "synth-six-by-six-" });
  await writeSynthSweep(dir, {
    models: [
      { label: "4B", layers: 36 },
      { label: "8B", layers: 36 },
      { label: "14B", layers: 40 },
      { label: "30B-A3B", layers: 48 },
      { label: "32B", layers: 64 },
      { label: "235B-A22B", layers: 94 },
    ],
    concepts: ["alpha", "beta", "gamma_delta", "epsilon", "zeta", "eta"],
    prompts: 12,
    seed: 3,
  });
  return dir;
}

/** Runs `use` on the figures of a temporary sweep made by `make`, then removes the folder. */
export async function withTempSweep<T>(
  make: () => Promise<string>,
  use: (results: Results) => T,
): Promise<T> {
  const dir = await make();
  try {
    return use(await analyseFolder(dir));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
