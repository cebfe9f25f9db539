/**
 * Test helper: the figures the notebook draws, as the standalone SVGs the render task writes,
 * from a run of the notebook's code cells in this process (`runNotebook`) with an output set
 * installed that keeps the figures and the text files (tables, JSON) in memory and draws no PNG;
 * and the sweeps the figure tests draw (default, six-model, synthetic six-by-six).
 */
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { collectOutputs } from "../../cli/render_outputs.ts";
import { type OutputContent, type OutputSet, setOutputSet } from "../../lib/display/outputs.ts";
import { runNotebook } from "../../lib/notebook/run.ts";
import { writeSynthSweep } from "../../lib/synth/sweep.ts";

/** The default data, and the two mixture-of-experts models of the same sweep (fixture). */
export const DEFAULT_DATA = "results/logit_diff_sweep";
export const MOE_FIXTURE = "tests/fixtures/logit_diff_sweep_moe";

/** The notebook whose figures these are. */
export const NOTEBOOK = fileURLToPath(
  new URL("../../notebooks/logit_diff_sweep.ipynb", import.meta.url),
);

/** The 13 figures the notebook saves, in the order it saves them. */
export const FIGURE_NAMES = [
  "layer_delta_curves",
  "layer_delta_curves_normalized",
  "best_layer_violins",
  "heatmap_single_example",
  "heatmap_grid",
  "baseline_distributions",
  "strength_histograms",
  "effect_size_heatmap",
  "layer_curves_depth_comparison",
  "effect_size_intervals",
  "glass_delta_heatmap",
  "layer_curves_by_training",
  "cohens_d_by_group",
] as const;

/** One exported figure. */
export interface FigureSvg {
  name: string;
  svg: string;
}

/** What a notebook run saved: its figures (SVG) and its other files (CSV, JSON) as text. */
export interface NotebookOutputs {
  figures: FigureSvg[];
  files: Map<string, string>;
  /** Each figure's PNG as the render task writes it (2x), by figure name: with `png` only. */
  pngs: Map<string, Uint8Array>;
  /** The figure of that name; throws when the run saved none. */
  figure(name: string): string;
}

/** Parameters of a run; the bootstrap is kept small (the figures' only random part). */
export interface RunParameters {
  resamples?: number;
  seed?: number;
  models?: string[];
  concepts?: string[];
  layerCounts?: Record<string, number>;
}

/** Bootstrap resamples of the figure tests' runs (`effect_size_intervals` depends on them). */
export const TEST_RESAMPLES = 50;

/** Options of {@link notebookOutputs}. */
export interface OutputOptions {
  /** Rasterize the figures as the render task does (its output set and PNG workers). */
  png?: boolean;
}

/**
 * Runs the notebook on a sweep folder and returns what it saved. Nothing is written: the output
 * set keeps the files (its `OUT_DIR` is a temporary folder, removed afterwards, that must stay
 * empty). Without `png` no PNG is drawn; with it the output set is the render task's own. The
 * cells' printed lines and warnings are kept back.
 */
export async function notebookOutputs(
  dataDir: string,
  parameters: RunParameters = {},
  options: OutputOptions = {},
): Promise<NotebookOutputs> {
  const figures: FigureSvg[] = [];
  const pending: [string, OutputContent][] = [];
  const outDir = await Deno.makeTempDir({ prefix: "figure-test-out-" });
  const quiet = { log: console.log, info: console.info, warn: console.warn };
  console.log = console.info = console.warn = () => {};
  const rendered = options.png ? collectOutputs({ figures: true }) : undefined;
  const set: OutputSet = rendered ?? {
    add: (name, content) => void pending.push([name, content]),
    figures: true,
    figure: (name, svg) => void figures.push({ name, svg }),
  };
  setOutputSet(set);
  try {
    await runNotebook(NOTEBOOK, {
      parameters: {
        DATA_DIR: resolve(dataDir),
        OUT_DIR: outDir,
        RESAMPLES: parameters.resamples ?? TEST_RESAMPLES,
        SEED: parameters.seed ?? 1,
        FIGURES: true,
        ...(parameters.models ? { MODELS: parameters.models } : {}),
        ...(parameters.concepts ? { CONCEPTS: parameters.concepts } : {}),
        ...(parameters.layerCounts ? { LAYER_COUNT_OVERRIDES: parameters.layerCounts } : {}),
      },
    });
    const written = Array.from(Deno.readDirSync(outDir), (e) => e.name);
    if (written.length > 0) throw new Error(`the run wrote into OUT_DIR: ${written.join(", ")}`);
    if (rendered) { for (const f of await rendered.files()) pending.push([f.name, f.content]); }
  } finally {
    setOutputSet(undefined);
    rendered?.close();
    Object.assign(console, quiet);
    await Deno.remove(outDir, { recursive: true });
  }
  const files = new Map<string, string>();
  const pngs = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  for (const [name, content] of pending) {
    const value = await content;
    const figure = rendered && /^(.+)\.(svg|png)$/.exec(name);
    if (figure && figure[2] === "png") pngs.set(figure[1], value as Uint8Array);
    else if (figure) figures.push({ name: figure[1], svg: value as string });
    else files.set(name, typeof value === "string" ? value : decoder.decode(value));
  }
  return {
    figures,
    files,
    pngs,
    figure(name) {
      const found = figures.find((f) => f.name === name);
      if (!found) throw new Error(`the run saved no figure ${name}`);
      return found.svg;
    },
  };
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

/** Runs the notebook on a temporary sweep made by `make`, then removes the folder. */
export async function tempSweepOutputs(
  make: () => Promise<string>,
  parameters: RunParameters = {},
): Promise<NotebookOutputs> {
  const dir = await make();
  try {
    return await notebookOutputs(dir, parameters);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
