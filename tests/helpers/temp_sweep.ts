/** Test helper: a small synthetic sweep in a fresh temporary folder. */
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
