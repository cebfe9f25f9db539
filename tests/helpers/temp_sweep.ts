/** Test helper: a small synthetic sweep in a fresh temporary folder, and copies of sweeps. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { type SynthSpec, writeSynthSweep } from "../../lib/synth/sweep.ts";
import { loadSweep } from "../../lib/sweep/load.ts";
import type { Sweep } from "../../lib/sweep/types.ts";

/** A small spec: 4B (36 layers) and 30B-A3B (48 layers), two concepts, 12 prompts. */
export const SMALL_SPEC: SynthSpec = {
  models: [{ label: "4B", layers: 36 }, { label: "30B-A3B", layers: 48 }],
  concepts: ["alpha", "beta"],
  prompts: 12,
  seed: 7,
};

/** Writes a synthetic sweep into a new temporary folder and returns the folder. */
export async function tempSweep(spec: SynthSpec = SMALL_SPEC): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "sweep-test-" });
  await writeSynthSweep(dir, spec);
  return dir;
}

/** Runs `body` in a fresh temporary folder (made by `make`), removing it afterwards. */
export async function inTempDir(
  body: (dir: string) => Promise<void>,
  make: () => Promise<string> = () => Deno.makeTempDir({ prefix: "sweep-test-" }),
): Promise<void> {
  const dir = await make();
  try {
    await body(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Runs `body` on a fresh small synthetic sweep, removing the folder afterwards. */
export function withTempSweep(body: (dir: string) => Promise<void>): Promise<void> {
  return inTempDir(body, () => tempSweep());
}

/**
 * Loads a synthetic sweep from a temporary folder that is removed once loaded; `prepare` may
 * change the folder first (remove a run, say).
 */
export async function loadTempSweep(
  spec: SynthSpec = SMALL_SPEC,
  prepare: (dir: string) => Promise<void> = async () => {},
): Promise<Sweep> {
  const dir = await tempSweep(spec);
  try {
    await prepare(dir);
    return await loadSweep(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/**
 * Copies the concept folders of the sweep at `src` (each run folder's files, not the outputs
 * beside them) into `dest`.
 */
export async function copySweepData(src: string, dest: string): Promise<void> {
  for await (const concept of Deno.readDir(src)) {
    if (!concept.isDirectory || concept.name.startsWith(".")) continue;
    for await (const run of Deno.readDir(join(src, concept.name))) {
      if (!run.isDirectory) continue;
      await copyRunAs(join(src, concept.name, run.name), join(dest, concept.name, run.name));
    }
  }
}

/**
 * Copies a run folder's files to the folder `to`; with a `label`, the model is written as
 * `label` in every per-sample row (the first column) and in `summary.json`.
 */
export async function copyRunAs(from: string, to: string, label?: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const file of Deno.readDir(from)) {
    if (!file.isFile) continue;
    let text = await Deno.readTextFile(join(from, file.name));
    if (label !== undefined && file.name === "per_sample_all_layers.csv") {
      const [header, ...rows] = text.split("\n");
      assert(header.startsWith("model,"), `${from}: model is not the first column`);
      text = [header, ...rows.map((row) => row && row.replace(/^[^,]*/, label))].join("\n");
    } else if (label !== undefined && file.name === "summary.json") {
      text = JSON.stringify({ ...JSON.parse(text), model: label }, null, 2);
    }
    await Deno.writeTextFile(join(to, file.name), text);
  }
}
