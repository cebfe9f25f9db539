/**
 * `deno task bench`: times loading, statistics, robustness and each figure on the default data
 * and on a synthetic sweep of about 10 million per-sample rows, with rows per second and peak
 * memory; then times `render --no-figures` on the large sweep end to end.
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { analyse } from "../lib/stats/analysis.ts";
import { robustness } from "../lib/stats/robustness.ts";
import { modelContrasts } from "../lib/stats/model_contrast.ts";
import { sweepSize } from "../lib/stats/counts.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { createDocument } from "../lib/figures/dom.ts";
import { modelTable } from "../lib/models/qwen3.ts";
import { modelAttributes } from "../lib/models/groups.ts";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { figureSteps } from "../lib/pipeline/files.ts";
import type { Results } from "../lib/pipeline/results.ts";
import { standaloneSvg } from "../lib/export/svg.ts";
import { svgToPng } from "../lib/export/png.ts";
import { megabytes, peakRss } from "../lib/export/memory.ts";
import { DEFAULT_DATA } from "./args.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const deno = Deno.execPath();

/** The synthetic sweep: 6 models (36 to 94 layers, every layer), 6 concepts, 5 strengths. */
export const LARGE_SWEEP = [
  "--models=4B,8B,14B,30B-A3B,32B,235B-A22B",
  "--concepts=corrigible,myopic_reward,power_seeking,self_awareness,survival_instinct,sycophancy",
  "--strengths=-2,-1,0,1,2",
  "--first-layer=0",
];

const seconds = (ms: number) => ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;

async function time<T>(label: string, work: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  console.log(
    `  ${label.padEnd(44)} ${seconds(ms).padStart(9)}   peak RSS ${megabytes(peakRss())}`,
  );
  return [value, ms];
}

/** Measures one sweep folder in this process (called in a fresh process per folder). */
async function measure(dir: string, figures: boolean): Promise<void> {
  const [sweep, loadMs] = await time("load", () => loadSweep(dir));
  const rows = sweepSize(sweep).samples;
  console.log(
    `  ${rows.toLocaleString("en-US")} rows: ${
      Math.round(rows / (loadMs / 1000)).toLocaleString("en-US")
    } rows/s`,
  );
  const [analysis] = await time("statistics", () => analyse(sweep));
  const [records] = await time(
    "robustness (2,000 resamples)",
    () => robustness(sweep, analysis.bestLayers, { resamples: 2000, seed: 1 }),
  );
  if (!figures) return;
  const models = modelTable(sweep.models, sweep.layerCounts);
  const results: Results = {
    sweep,
    analysis,
    robustness: records,
    contrasts: modelContrasts(sweep, records, { seed: 1 }),
    models,
    attributes: modelAttributes(models, analysis.groups),
    options: { resamples: 2000, seed: 1 },
  };
  const document = createDocument();
  let total = 0;
  for (const figure of figureSteps(PIPELINE)) {
    const [svg, svgMs] = await time(
      `figure ${figure.name}: svg`,
      () => standaloneSvg(figure.build(results, document)),
    );
    const [, pngMs] = await time(`figure ${figure.name}: png`, () => svgToPng(svg));
    total += svgMs + pngMs;
  }
  console.log(
    `  ${"all figures, one after another".padEnd(44)} ${seconds(total).padStart(9)}   ` +
      `peak RSS ${megabytes(peakRss())}`,
  );
}

async function run(args: string[]): Promise<{ code: number; ms: number; out: string }> {
  const t0 = performance.now();
  const { code, stdout } = await new Deno.Command(deno, { args, cwd: ROOT, stderr: "inherit" })
    .output();
  const out = new TextDecoder().decode(stdout);
  return { code, ms: performance.now() - t0, out };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      measure: { type: "string" },
      "no-figures": { type: "boolean" },
      large: { type: "string" },
      prompts: { type: "string" },
      "skip-large": { type: "boolean" },
    },
  });
  if (values.measure) {
    await measure(values.measure, !values["no-figures"]);
    return 0;
  }
  const self = ["run", "-A", join(ROOT, "cli/bench.ts"), "--measure"];
  console.log(`default data (${DEFAULT_DATA}), in a fresh process:`);
  const small = await run([...self, DEFAULT_DATA]);
  console.log(small.out.trimEnd());
  if (values["skip-large"]) return small.code;

  const prompts = values.prompts ?? "1050";
  const dir = values.large ?? join(ROOT, "scratch", `bench-${prompts}-prompts`);
  const marker = join(dir, ".complete");
  if (!(await Deno.stat(marker).catch(() => undefined))) {
    console.log(
      `\nwriting the synthetic sweep to ${dir} (once; reused while ${marker} exists) ...`,
    );
    const synth = await run([
      "run",
      "-A",
      join(ROOT, "cli/synth.ts"),
      `--out=${dir}`,
      `--prompts=${prompts}`,
      ...LARGE_SWEEP,
    ]);
    if (synth.code !== 0) return synth.code;
    console.log(synth.out.trimEnd().split("\n").at(-1));
    await Deno.writeTextFile(marker, "");
  }
  console.log(`\nsynthetic sweep (${dir}), in a fresh process:`);
  const large = await run([...self, dir]);
  console.log(large.out.trimEnd());

  console.log(`\nrender --no-figures on the synthetic sweep, end to end:`);
  const out = await Deno.makeTempDir({ prefix: "bench-render-" });
  const render = await run([
    "run",
    "-A",
    join(ROOT, "cli/render.ts"),
    `--data=${dir}`,
    `--out=${out}`,
    "--no-figures",
  ]);
  const peak = /peak memory \(RSS\): (.*)/.exec(render.out)?.[1] ?? "?";
  console.log(`  ${seconds(render.ms)} wall, peak memory ${peak}`);
  await Deno.remove(out, { recursive: true });
  return small.code || large.code || render.code;
}

if (import.meta.main) Deno.exitCode = await main(Deno.args);
