/**
 * `deno task synth`: write a synthetic sweep in the real layout with a known planted effect, for
 * tests and benchmarks.
 * @module
 */
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../lib/export/atomic.ts";
import { QWEN3_MODELS } from "../lib/models/qwen3.ts";
import { type SynthModel, type SynthSpec, writeSynthSweep } from "../lib/synth/sweep.ts";
import { UsageError } from "./args.ts";

/** Usage text printed by `--help`. */
export const SYNTH_USAGE = `Usage: deno task synth --out DIR [options]

Writes a synthetic sweep in the real layout (<out>/<concept>/Qwen_Qwen3_<model>/...) whose delta
is a bump of height --effect at --peak of each model's depth, plus per-sample noise. Values are
written as pandas writes float64 (the shortest text that reads back to the double: up to 17
significant digits, such as -4.537770065161113 or 1.5e-05), with log-probabilities of (A) and (B)
whose difference is logit_diff_AB, as in the real sweep.

Options:
  --out DIR             folder to write (required)
  --prompts N           prompts per run (default 100)
  --models LIST         models: labels of known Qwen3 models or LABEL=LAYERS
                        (default 4B,8B,14B,32B)
  --concepts LIST       concepts (default corrigible,self_awareness,sycophancy)
  --strengths=LIST      steering strengths (default -1,0,1; write it with "=", as the
                        list starts with a minus sign)
  --effect X            planted delta at the peak layer (default 6; 0 for no effect)
  --noise X             per-sample noise sd (default 2)
  --peak X              peak layer as a fraction of depth (default 0.5)
  --first-layer X       first layer tested as a fraction of depth (default 0.3; 0 for every layer)
  --seed N              random seed (default 1)
  --round               round every value to 1/1024 and write logprob_A as -1 (short values, as
                        the synthetic sweeps before; the same draws otherwise)
`;

function numbers(value: string, flag: string): number[] {
  const items = value.split(",").map((s) => Number(s.trim()));
  if (items.length === 0 || items.some((x) => !Number.isFinite(x))) {
    throw new UsageError(`${flag} needs numbers separated by commas, not "${value}"`);
  }
  return items;
}

/**
 * Reads `--models`: known Qwen3 labels, or `LABEL=LAYERS` for any model.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(parseSynthModels("4B,mine=20"), [
 *   { label: "4B", layers: 36 }, // a known Qwen3 model
 *   { label: "mine", layers: 20 },
 * ]);
 * ```
 */
export function parseSynthModels(value: string): SynthModel[] {
  return value.split(",").map((item) => {
    const [label, layers] = item.trim().split("=");
    const count = layers === undefined ? QWEN3_MODELS[label]?.layers : Number(layers);
    if (!count || !Number.isInteger(count) || count < 2) {
      throw new UsageError(`--models: "${item}" is neither a known Qwen3 model nor LABEL=LAYERS`);
    }
    return { label, layers: count };
  });
}

/** Parses the synth task's flags into a spec and the output folder. */
export function parseSynthArgs(argv: string[]): { out: string; spec: SynthSpec } | undefined {
  const text = { type: "string" } as const;
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: text,
        prompts: text,
        models: text,
        concepts: text,
        strengths: text,
        effect: text,
        noise: text,
        peak: text,
        "first-layer": text,
        seed: text,
        round: { type: "boolean" },
        help: { type: "boolean" },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return undefined;
  const v: Record<string, string | undefined> = { ...values, help: undefined, round: undefined };
  if (!v.out) throw new UsageError("--out DIR is required");
  const one = (flag: string, fallback: number) =>
    v[flag] === undefined ? fallback : numbers(v[flag]!, `--${flag}`)[0];
  const prompts = one("prompts", 100);
  if (!Number.isInteger(prompts) || prompts < 1) throw new UsageError("--prompts needs N >= 1");
  return {
    out: v.out,
    spec: {
      models: parseSynthModels(v.models ?? "4B,8B,14B,32B"),
      concepts: (v.concepts ?? "corrigible,self_awareness,sycophancy").split(",").map((s) =>
        s.trim()
      ),
      prompts,
      strengths: v.strengths === undefined ? undefined : numbers(v.strengths, "--strengths"),
      effect: one("effect", 6),
      noise: one("noise", 2),
      peakAt: one("peak", 0.5),
      firstLayerAt: one("first-layer", 0.3),
      seed: one("seed", 1),
      precision: values.round ? "rounded" : "full",
    },
  };
}

/** Runs the synth task; prints one line per run written. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseSynthArgs(argv);
  if (!parsed) {
    console.log(SYNTH_USAGE);
    return 0;
  }
  const { out, spec } = parsed;
  let rows = 0;
  const start = performance.now();
  await writeSynthSweep(out, spec, {
    writeFile: writeFileAtomic,
    onRun: (run) => {
      rows += run.rows;
      console.log(
        `wrote ${run.dir}: ${run.rows.toLocaleString("en-US")} rows (${run.ms.toFixed(0)} ms)`,
      );
    },
  });
  console.log(
    `wrote ${rows.toLocaleString("en-US")} per-sample rows in ${
      ((performance.now() - start) / 1000).toFixed(1)
    } s`,
  );
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exitCode = await main(Deno.args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}\n\n${SYNTH_USAGE}`);
    Deno.exitCode = 2;
  }
}
