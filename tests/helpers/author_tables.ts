/**
 * Test helper for the author's later tables: the analysis, model table and attributes of a sweep
 * (six-model, default, synthetic with five strengths), and the pandas/scipy reference tables of
 * `fixtures/reference/author_6x3/`, keyed, with the author's group names mapped to ours.
 */
import assert from "node:assert/strict";
import { csvParse } from "d3-dsv";
import { analyse, type Analysis } from "../../lib/stats/analysis.ts";
import { type ModelAttributes, modelAttributes } from "../../lib/models/groups.ts";
import { type ModelInfo, modelTable } from "../../lib/models/qwen3.ts";
import { loadSweep } from "../../lib/sweep/load.ts";
import type { Sweep } from "../../lib/sweep/types.ts";
import { writeSynthSweep } from "../../lib/synth/sweep.ts";
import { DEFAULT_DATA, sixModelSweep } from "./figure_svgs.ts";

/** What the author's tables are computed from. */
export interface AuthorInputs {
  sweep: Sweep;
  analysis: Analysis;
  models: ModelInfo[];
  attributes: ModelAttributes;
}

/** Analyses a loaded sweep and adds its model table and attributes (no robustness step). */
export function inputsOf(sweep: Sweep): AuthorInputs {
  const analysis = analyse(sweep);
  const models = modelTable(sweep.models, sweep.layerCounts);
  return { sweep, analysis, models, attributes: modelAttributes(models, analysis.groups) };
}

/** Loads a sweep from a temporary folder made by `make`, removing the folder afterwards. */
async function loadTemp(make: () => Promise<string>): Promise<Sweep> {
  const dir = await make();
  try {
    return await loadSweep(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** `make`, called once: later calls share the first promise (the inputs are only read). */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => made ??= make();
}

/** The six-model sweep (default data + MoE fixture), analysed. */
export const sixModelInputs = once(async () => inputsOf(await loadTemp(sixModelSweep)));

/** The default 4-model data, analysed. */
export const defaultInputs = once(async () => inputsOf(await loadSweep(DEFAULT_DATA)));

/** The strengths of {@link fiveStrengthInputs}. */
export const FIVE_STRENGTHS = [-2, -1, 0, 1, 2];

/** A synthetic sweep of three models, two concepts and five strengths, analysed. */
export const fiveStrengthInputs = once(async (): Promise<AuthorInputs> => {
  const make = async () => {
    const dir = await Deno.makeTempDir({ prefix: "author-tables-" });
    await writeSynthSweep(dir, {
      models: [{ label: "4B", layers: 36 }, { label: "30B-A3B", layers: 48 }, {
        label: "32B",
        layers: 64,
      }],
      concepts: ["alpha", "beta"],
      prompts: 10,
      strengths: FIVE_STRENGTHS,
      seed: 11,
    });
    return dir;
  };
  return inputsOf(await loadTemp(make));
});

/** The author's group names, as ours. */
const GROUP_NAMES: Readonly<Record<string, string>> = { RL: "full-rl", MoE: "moe" };

/** A reference table's rows, text cells, with the author's group names mapped to ours. */
export async function referenceRows(name: string): Promise<Record<string, string>[]> {
  const url = new URL(`../fixtures/reference/author_6x3/${name}`, import.meta.url);
  return csvParse(await Deno.readTextFile(url)).map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, k === "group" ? GROUP_NAMES[v!] ?? v! : v!]),
    )
  );
}

/** The reference `layer_frac_vs_d.json`. */
export async function referenceJson(name: string): Promise<Record<string, number>> {
  const url = new URL(`../fixtures/reference/author_6x3/${name}`, import.meta.url);
  return JSON.parse(await Deno.readTextFile(url));
}

/** Tolerances: values to 1e-9, p-values to 1e-6. */
export const VALUE_TOLERANCE = 1e-9, P_TOLERANCE = 1e-6;

/**
 * Asserts our rows equal the reference rows matched by `keys` (same set of keys), each of
 * `columns` within its tolerance (`P_TOLERANCE` for a column named `p`).
 */
export function assertMatchesReference<T extends object>(
  actual: readonly T[],
  reference: readonly Record<string, string>[],
  keys: readonly string[],
  columns: readonly string[],
): void {
  const ours = new Map(actual.map((row) => {
    const r = row as Record<string, unknown>;
    return [keys.map((k) => String(r[k])).join("|"), r] as const;
  }));
  // A reference key cell that is a number ("-1.0") is written as ours are ("-1").
  const refKey = (row: Record<string, string>) =>
    keys.map((k) => String(Number.isNaN(Number(row[k])) ? row[k] : Number(row[k]))).join("|");
  assert.deepEqual([...ours.keys()].sort(), reference.map(refKey).sort(), "row keys");
  for (const row of reference) {
    const mine = ours.get(refKey(row))!;
    for (const column of columns) {
      const tolerance = column === "p" ? P_TOLERANCE : VALUE_TOLERANCE;
      const a = Number(mine[column]), e = Number(row[column]);
      assert.ok(
        Math.abs(a - e) <= tolerance,
        `${refKey(row)} ${column}: ${a} differs from ${e} by more than ${tolerance}`,
      );
    }
  }
}
