/**
 * Synthetic sweeps in the real folder layout, with a known planted effect: for tests and
 * benchmarks. A generator of input data sits just above the sweep layer and uses nothing of the
 * analysis (stats, export): a bug there would otherwise be planted in the data and hidden in the
 * check alike. It reads the sweep's layout and schema, and the shared utilities.
 * @module
 */
import { join } from "node:path";
import { maxIndex, mean } from "d3-array";
import { modelFolderName, RUN_FILES } from "../sweep/layout.ts";
import { SAMPLE_SCHEMA } from "../sweep/types.ts";
import { toCsv } from "../util/csv.ts";
import { normal, seededRandom } from "../util/random.ts";

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

/** The header of a per-sample CSV, as the real sweep writes it: the columns the loader reads. */
const SAMPLE_HEADER = Object.keys(SAMPLE_SCHEMA).join(",");

/** The columns of a layer summary, as the real sweep writes them. */
const LAYER_COLUMNS = ["layer", "baseline_mean", "positive_mean", "negative_mean", "delta"];

/** The mean of the values drawn at a strength (NaN when that strength is not swept). */
function meanAt(byStrength: Map<number, number[]>, strength: number): number {
  return mean(byStrength.get(strength) ?? []) ?? NaN;
}

/**
 * The planted delta at a layer: a Gaussian bump of height `effect` at `peakAt` of the depth.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { plantedDelta } from "@lib/synth/sweep.ts";
 *
 * const model = { label: "4B", layers: 36 };
 * const spec = { models: [model], concepts: ["c"], prompts: 1, effect: 6 };
 * assert.equal(plantedDelta(spec, model, 18), 6); // the peak, at half the depth
 * assert.ok(plantedDelta(spec, model, 24) < 0.1);
 * ```
 */
export function plantedDelta(spec: SynthSpec, model: SynthModel, layer: number): number {
  const peak = Math.round((spec.peakAt ?? 0.5) * model.layers);
  const width = spec.width ?? 2;
  return (spec.effect ?? 6) * Math.exp(-0.5 * ((layer - peak) / width) ** 2);
}

/**
 * The layers a synthetic run tests: from `firstLayerAt` of the depth to the last layer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { synthLayers } from "@lib/synth/sweep.ts";
 *
 * const model = { label: "4B", layers: 36 };
 * const layers = synthLayers({ models: [model], concepts: ["c"], prompts: 1 }, model);
 * assert.deepEqual([layers[0], layers.at(-1), layers.length], [11, 35, 25]);
 * ```
 */
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
 * import assert from "node:assert/strict";
 * import { synthRun } from "@lib/synth/sweep.ts";
 *
 * const model = { label: "4B", layers: 36 };
 * const files = synthRun({ models: [model], concepts: ["c"], prompts: 10 }, model, "c", 1);
 * assert.ok(files.samples.startsWith("model,concept,layer,strength,prompt_idx,"));
 * assert.equal(files.samples.split("\n").length, 2 + 25 * 3 * 10); // header, rows, final newline
 * assert.equal(JSON.parse(files.info).num_layers, 36);
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
    const positive_mean = meanAt(byStrength, 1);
    const negative_mean = meanAt(byStrength, -1);
    summary.push({
      layer,
      baseline_mean: meanAt(byStrength, 0),
      positive_mean,
      negative_mean,
      delta: positive_mean - negative_mean,
    });
  }
  const deltas = summary.map((row) => row.delta);
  const best = maxIndex(deltas);
  const order = deltas.map((_, i) => i).sort((a, b) => deltas[b] - deltas[a]);
  const info = {
    model: model.label,
    concept,
    num_layers: model.layers,
    layers_tested: layers,
    best_layer: layers[best],
    best_delta: deltas[best],
    top_5_layers: order.slice(0, 5).map((i) => layers[i]),
  };
  return {
    samples: lines.join("\n") + "\n",
    layers: toCsv(summary, LAYER_COLUMNS),
    info: JSON.stringify(info, null, 2),
  };
}

/** How {@link writeSynthSweep} writes: a file writer, and a callback after each run. */
export interface SynthWriteOptions {
  /** Writes one file (default `Deno.writeTextFile`; the CLI passes an atomic writer). */
  writeFile?: (path: string, text: string) => Promise<void>;
  /** Called after each run with its folder, its per-sample rows and the milliseconds it took. */
  onRun?: (run: { dir: string; rows: number; ms: number }) => void;
}

/**
 * Writes a synthetic sweep into `dir` in the real layout, one run per concept and model (seeds
 * `spec.seed`, `spec.seed + 1`, ... in that order); returns the run folders written.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { writeSynthSweep } from "@lib/synth/sweep.ts";
 *
 * const dir = await Deno.makeTempDir();
 * try {
 *   const runs = await writeSynthSweep(dir, { models: [{ label: "30B-A3B", layers: 48 }],
 *     concepts: ["honesty"], prompts: 4 });
 *   assert.deepEqual(runs, [`${dir}/honesty/Qwen_Qwen3_30B_A3B`]);
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function writeSynthSweep(
  dir: string,
  spec: SynthSpec,
  options: SynthWriteOptions = {},
): Promise<string[]> {
  const writeFile = options.writeFile ?? ((path, text) => Deno.writeTextFile(path, text));
  const written: string[] = [];
  let seed = spec.seed ?? 1;
  for (const concept of spec.concepts) {
    for (const model of spec.models) {
      const t0 = performance.now();
      const runDir = join(dir, concept, modelFolderName(model.label));
      await Deno.mkdir(runDir, { recursive: true });
      const files = synthRun(spec, model, concept, seed++);
      await writeFile(join(runDir, RUN_FILES.samples), files.samples);
      await writeFile(join(runDir, RUN_FILES.layers), files.layers);
      await writeFile(join(runDir, RUN_FILES.info), files.info);
      written.push(runDir);
      const rows = files.samples.split("\n").length - 2;
      options.onRun?.({ dir: runDir, rows, ms: performance.now() - t0 });
    }
  }
  return written;
}
