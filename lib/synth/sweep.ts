/**
 * Synthetic sweeps in the real folder layout, with a known planted effect: for tests and
 * benchmarks.
 * @module
 */
import { join } from "node:path";
import { argmaxFirst, mean } from "../stats/describe.ts";
import { toCsv } from "../export/csv.ts";
import { modelFolderName, RUN_FILES } from "../sweep/layout.ts";
import { normal, seededRandom } from "./random.ts";

/** A model of a synthetic sweep. */
export interface SynthModel {
  label: string;
  layers: number;
}

/** What to generate. */
export interface SynthSpec {
  models: SynthModel[];
  concepts: string[];
  /** Prompts per run. */
  prompts: number;
  /** Steering strengths (default -1, 0, 1). */
  strengths?: number[];
  /** Planted delta (mean at +1 minus mean at -1) at the peak layer (default 6; 0 for none). */
  effect?: number;
  /** Peak layer as a fraction of depth (default 0.5). */
  peakAt?: number;
  /** Width of the effect's bump, in layers (default 2). */
  width?: number;
  /** Standard deviation of per-sample noise (default 2). */
  noise?: number;
  /** First layer tested as a fraction of depth (default 0.3, as the real sweep). */
  firstLayerAt?: number;
  seed?: number;
}

/** The header of a per-sample CSV, as the real sweep writes it. */
export const SAMPLE_HEADER =
  "model,concept,layer,strength,prompt_idx,matching_answer,logprob_A,logprob_B,logit_diff_AB," +
  "logit_diff_matching";

/** The planted delta at a layer. */
export function plantedDelta(spec: SynthSpec, model: SynthModel, layer: number): number {
  const peak = Math.round((spec.peakAt ?? 0.5) * model.layers);
  const width = spec.width ?? 2;
  return (spec.effect ?? 6) * Math.exp(-0.5 * ((layer - peak) / width) ** 2);
}

/** The layers a synthetic run tests. */
export function synthLayers(spec: SynthSpec, model: SynthModel): number[] {
  const first = Math.round((spec.firstLayerAt ?? 0.3) * model.layers);
  return Array.from({ length: model.layers - first }, (_, i) => first + i);
}

/** The three files of one synthetic run, as text. */
export interface SynthRunFiles {
  samples: string;
  layers: string;
  info: string;
}

/**
 * Generates one run: per-prompt baselines, and at each layer and strength the baseline plus
 * `strength * delta(layer) / 2` plus noise (none at strength 0, so the baseline is the same at
 * every layer, as in the real sweep).
 *
 * @example
 * ```ts
 * const files = synthRun({ models: [{ label: "4B", layers: 36 }], concepts: ["c"], prompts: 10 },
 *   { label: "4B", layers: 36 }, "c", 1);
 * files.samples.split("\n")[0]; // "model,concept,layer,strength,prompt_idx,..."
 * ```
 */
export function synthRun(
  spec: SynthSpec,
  model: SynthModel,
  concept: string,
  seed: number,
): SynthRunFiles {
  const rand = seededRandom(seed);
  const strengths = spec.strengths ?? [-1, 0, 1];
  const noise = spec.noise ?? 2;
  const base = Array.from({ length: spec.prompts }, () => 1 + 3 * normal(rand));
  const layers = synthLayers(spec, model);
  const lines = [SAMPLE_HEADER];
  const summary: Record<string, number>[] = [];
  for (const layer of layers) {
    const delta = plantedDelta(spec, model, layer);
    const byStrength = new Map<number, number[]>();
    for (const strength of strengths) {
      const values: number[] = [];
      for (let p = 0; p < spec.prompts; p++) {
        const steered = strength === 0 ? 0 : strength * delta / 2 + noise * normal(rand);
        const value = Math.round((base[p] + steered) * 1024) / 1024;
        const answer = p % 2 === 0 ? "(A)" : "(B)";
        const ab = answer === "(A)" ? value : -value;
        lines.push(
          `${model.label},${concept},${layer},${strength.toFixed(1)},${p},${answer},-1,${
            -1 - ab
          },${ab},${value}`,
        );
        values.push(value);
      }
      byStrength.set(strength, values);
    }
    const positive_mean = mean(byStrength.get(1) ?? []);
    const negative_mean = mean(byStrength.get(-1) ?? []);
    summary.push({
      layer,
      baseline_mean: mean(byStrength.get(0) ?? []),
      positive_mean,
      negative_mean,
      delta: positive_mean - negative_mean,
    });
  }
  const deltas = summary.map((row) => row.delta);
  const order = deltas.map((_, i) => i).sort((a, b) => deltas[b] - deltas[a]);
  const info = {
    model: model.label,
    concept,
    num_layers: model.layers,
    layers_tested: layers,
    best_layer: layers[argmaxFirst(deltas)],
    best_delta: Math.max(...deltas),
    top_5_layers: order.slice(0, 5).map((i) => layers[i]),
  };
  return {
    samples: lines.join("\n") + "\n",
    layers: toCsv(summary, ["layer", "baseline_mean", "positive_mean", "negative_mean", "delta"]),
    info: JSON.stringify(info, null, 2),
  };
}

/**
 * Writes a synthetic sweep into `dir` in the real layout; returns the run folders written.
 *
 * @example
 * ```ts
 * await writeSynthSweep("/tmp/sweep", { models: [{ label: "30B-A3B", layers: 48 }],
 *   concepts: ["honesty"], prompts: 20 });
 * ```
 */
export async function writeSynthSweep(dir: string, spec: SynthSpec): Promise<string[]> {
  const written: string[] = [];
  let seed = spec.seed ?? 1;
  for (const concept of spec.concepts) {
    for (const model of spec.models) {
      const runDir = join(dir, concept, modelFolderName(model.label));
      await Deno.mkdir(runDir, { recursive: true });
      const files = synthRun(spec, model, concept, seed++);
      await Deno.writeTextFile(join(runDir, RUN_FILES.samples), files.samples);
      await Deno.writeTextFile(join(runDir, RUN_FILES.layers), files.layers);
      await Deno.writeTextFile(join(runDir, RUN_FILES.info), files.info);
      written.push(runDir);
    }
  }
  return written;
}
