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
  /**
   * How values are written: "full", as pandas writes float64 (the shortest text that reads back
   * to the double, up to 17 significant digits: {@link pandasFloat}), with log-probabilities that
   * vary and whose difference is `logit_diff_AB`, as the real sweep's; or "rounded" (the default
   * here, which the tests' fixtures were made with; `deno task synth` writes "full" unless given
   * `--round`): every value rounded to 1/1024, `logprob_A` always -1. The draws of the effect and
   * the noise are the same in both.
   */
  precision?: "full" | "rounded";
}

/** The header of a per-sample CSV, as the real sweep writes it: the columns the loader reads. */
const SAMPLE_HEADER = Object.keys(SAMPLE_SCHEMA).join(",");

/** The columns of a layer summary, as the real sweep writes them. */
const LAYER_COLUMNS = ["layer", "baseline_mean", "positive_mean", "negative_mean", "delta"];

/**
 * A double as pandas writes a float64 column (Python's `repr`): the shortest decimal that reads
 * back to the same double (as JavaScript's `String` gives), in fixed notation with at least one
 * decimal from 1e-4 up to 1e16 and in exponent notation with a signed two-digit exponent beyond;
 * NaN and the infinities as pandas writes them (`""`, `inf`, `-inf`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pandasFloat } from "@lib/synth/sweep.ts";
 *
 * assert.deepEqual([-4.537770065161113, -1, 0.0001, 1.5e-5, 1e16, -0].map(pandasFloat), [
 *   "-4.537770065161113",
 *   "-1.0",
 *   "0.0001",
 *   "1.5e-05",
 *   "1e+16",
 *   "-0.0",
 * ]);
 * ```
 */
export function pandasFloat(x: number): string {
  const size = Math.abs(x);
  if (size >= 1e-4 && size < 1e15) {
    // Fixed notation in both languages, and no shortest text of these is 1e16 or below 1e-4.
    const text = String(x);
    return text.includes(".") ? text : text + ".0";
  }
  if (Number.isNaN(x)) return "";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const [mantissa, power] = Math.abs(x).toExponential().split("e"); // the shortest digits
  const digits = mantissa.replace(".", ""), exponent = Number(power);
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (x !== 0 && (exponent < -4 || exponent >= 16)) {
    const e = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
  }
  const point = exponent + 1; // digits before the decimal point
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** log(1 + e^x), without overflow. */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

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
 * every layer, as in the real sweep). With `precision: "full"`, the log-probabilities of (A) and
 * (B) put the rest of the probability on other tokens (a draw of a second generator, once per
 * prompt for the baseline), and `logit_diff_AB` and `logit_diff_matching` are computed from them
 * as the real sweep computes them.
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
  const full = spec.precision === "full";
  // The probability left to other tokens: its own generator, so that the effect's and the
  // noise's draws are those of the rounded sweep.
  const other = seededRandom(seed ^ 0x5bd1e995);
  const elsewhere = () => 0.5 + 3 * Math.abs(normal(other));
  const baseElsewhere = full ? base.map(elsewhere) : [];
  const layers = synthLayers(spec, model);
  const lines = [SAMPLE_HEADER];
  const summary: Record<string, number>[] = [];
  for (const layer of layers) {
    const delta = plantedDelta(spec, model, layer);
    const byStrength = new Map<number, number[]>();
    for (const strength of strengths) {
      const values: number[] = [];
      const head = `${model.label},${concept},${layer},${pandasFloat(strength)}`;
      for (let p = 0; p < spec.prompts; p++) {
        const steered = strength === 0 ? 0 : strength * delta / 2 + noise * normal(rand);
        const answer = p % 2 === 0 ? "(A)" : "(B)";
        if (full) {
          const ab = answer === "(A)" ? base[p] + steered : -(base[p] + steered);
          const logprobA = -softplus(-ab) - (strength === 0 ? baseElsewhere[p] : elsewhere());
          const logprobB = logprobA - ab;
          const diff = logprobA - logprobB;
          const matching = answer === "(A)" ? diff : -diff;
          lines.push(
            `${head},${p},${answer},${pandasFloat(logprobA)},${pandasFloat(logprobB)},${
              pandasFloat(diff)
            },${pandasFloat(matching)}`,
          );
          values.push(matching);
        } else {
          const value = Math.round((base[p] + steered) * 1024) / 1024;
          const ab = answer === "(A)" ? value : -value;
          lines.push(`${head},${p},${answer},-1,${-1 - ab},${ab},${value}`);
          values.push(value);
        }
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
