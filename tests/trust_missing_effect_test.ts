/**
 * Hostile report on issue 9, defects 1 and 3: a pair whose Cohen's d cannot be computed at its
 * best layer (values missing, one value left, an infinity, no spread, no +1 rows at all, every
 * delta missing) is missing everywhere (effect sizes, pivot, averages, robustness.json), never a
 * d of 0, and a console note names the file. Checked on what `deno task render` writes: the
 * notebook's cells compute these tables.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { renderInProcess } from "./helpers/render_run.ts";
import { withTempSweep } from "./helpers/temp_sweep.ts";

const RUN = ["alpha", "Qwen_Qwen3_4B"];
const SAMPLES = "per_sample_all_layers.csv", LAYERS = "layer_summary.csv";

/** The best layer of the alpha/4B run, read from its layer_summary.csv (largest delta). */
async function bestLayer(dir: string): Promise<number> {
  const [head, ...rows] = (await Deno.readTextFile(join(dir, ...RUN, LAYERS))).trim().split("\n");
  const at = head.split(",");
  const cells = rows.map((r) => r.split(","));
  const delta = (c: string[]) => Number(c[at.indexOf("delta")]);
  const top = cells.reduce((a, b) => (delta(b) > delta(a) ? b : a));
  return Number(top[at.indexOf("layer")]);
}

/** Rewrites the logit_diff_matching (or strength) cells of the rows `pick` selects. */
async function editSamples(
  dir: string,
  edit: (row: { layer: number; strength: number; prompt: number }) => Partial<
    { value: string; strength: string }
  >,
) {
  const path = join(dir, ...RUN, SAMPLES);
  const [head, ...rows] = (await Deno.readTextFile(path)).split("\n");
  const at = head.split(",");
  const [L, S, P, V] = ["layer", "strength", "prompt_idx", "logit_diff_matching"].map((c) =>
    at.indexOf(c)
  );
  const out = rows.map((line) => {
    if (!line) return line;
    const c = line.split(",");
    const change = edit({ layer: Number(c[L]), strength: Number(c[S]), prompt: Number(c[P]) });
    if (change.value !== undefined) c[V] = change.value;
    if (change.strength !== undefined) c[S] = change.strength;
    return c.join(",");
  });
  await Deno.writeTextFile(path, [head, ...out].join("\n"));
}

/** A CSV file's rows. */
const rowsOf = (text: string | undefined) => {
  assert.ok(text !== undefined, "the file was not written");
  return csvParse(text);
};

/**
 * Renders `dir` as the render task does (the notebook's cells) and checks that alpha/4B is
 * missing from every output, with a warning naming `file`.
 */
async function assertMissingEverywhere(dir: string, file: string, reason: RegExp) {
  const { files, warnings } = await renderInProcess(
    ["--data", dir, "--no-figures", "--resamples", "20"],
  );
  const summary = JSON.parse(files.get("analysis_summary.json")!);
  const records = JSON.parse(files.get("robustness.json")!);
  type Pair = { model: string; concept: string };
  const is4bAlpha = (p: Pair) => p.model === "4B" && p.concept === "alpha";
  assert.ok(summary.missing_pairs.some(is4bAlpha), "listed in missing_pairs");
  assert.ok(!summary.effect_sizes.some(is4bAlpha), "no effect-size record");
  assert.ok(!records.some(is4bAlpha), "no robustness record");
  for (const name of ["effect_sizes.csv", "glass_delta.csv", "glass_vs_cohens_d.csv"]) {
    assert.ok(!rowsOf(files.get(name)).some((r) => is4bAlpha(r as Pair)), `no row in ${name}`);
  }
  const pivot = rowsOf(files.get("cohens_d_pivot.csv")).find((r) => r.model === "4B");
  assert.equal(pivot?.alpha, "", "pivot cell empty, not 0");
  // 4B's average is its other concept's d alone; alpha's average is the other model's alone.
  const beta4b = summary.effect_sizes.find((r: Pair) => r.model === "4B" && r.concept === "beta");
  assert.equal(summary.model_avg_effect["4B"], beta4b.cohens_d);
  const alphaOther = summary.effect_sizes.find((r: Pair) => r.concept === "alpha");
  assert.equal(summary.concept_avg_effect["alpha"], alphaOther.cohens_d);
  const modelAvg = rowsOf(files.get("model_avg_effect.csv")).find((r) => r.model === "4B");
  assert.equal(Number(modelAvg?.avg_cohens_d), beta4b.cohens_d);
  // analysis_summary.json and robustness.json agree on which pairs exist.
  const key = (p: Pair) => `${p.model}/${p.concept}`;
  assert.deepEqual(records.map(key).sort(), summary.effect_sizes.map(key).sort());
  // No d of 0 stands in for the missing pair anywhere.
  assert.doesNotMatch(files.get("effect_sizes.csv")!, /,0\n/);
  const note = warnings.split("\n").find((n) => n.includes("4B/alpha") && n.includes(file));
  assert.ok(note, `a warning names ${file}: ${warnings}`);
  assert.match(note, reason);
  assert.ok(note.length < 400);
}

const at = (best: number, strength: number) => (r: { layer: number; strength: number }) =>
  r.layer === best && r.strength === strength;

Deno.test("defect 1: every +1 value missing at the best layer: missing everywhere, a note", () =>
  withTempSweep(async (dir) => {
    const best = await bestLayer(dir);
    await editSamples(dir, (r) => (at(best, 1)(r) ? { value: "nan" } : {}));
    await assertMissingEverywhere(dir, SAMPLES, /0 values at strength \+1/);
  }));

Deno.test("defect 1: one +1 value left at the best layer: missing, never d = 0", () =>
  withTempSweep(async (dir) => {
    const best = await bestLayer(dir);
    await editSamples(dir, (r) => (at(best, 1)(r) && r.prompt > 0 ? { value: "nan" } : {}));
    await assertMissingEverywhere(dir, SAMPLES, /1 value at strength \+1/);
  }));

Deno.test("defect 1: an infinite -1 value at the best layer: missing, never d = 0", () =>
  withTempSweep(async (dir) => {
    const best = await bestLayer(dir);
    await editSamples(dir, (r) => (at(best, -1)(r) && r.prompt === 3 ? { value: "inf" } : {}));
    await assertMissingEverywhere(dir, SAMPLES, /infinite value at strength -1/);
  }));

Deno.test("defect 1: no spread at the best layer (pooled SD 0): missing, never d = 0", () =>
  withTempSweep(async (dir) => {
    const best = await bestLayer(dir);
    await editSamples(
      dir,
      (r) => at(best, 1)(r) ? { value: "2" } : at(best, -1)(r) ? { value: "-2" } : {},
    );
    await assertMissingEverywhere(dir, SAMPLES, /no spread/);
  }));

Deno.test("defect 3: every strength 1.0 changed to 0.5: the pair is missing with a note", () =>
  withTempSweep(async (dir) => {
    await editSamples(dir, (r) => (r.strength === 1 ? { strength: "0.5" } : {}));
    await assertMissingEverywhere(dir, SAMPLES, /0 values at strength \+1/);
  }));

Deno.test("defect 3: every delta of layer_summary.csv missing: the pair is missing with a note", () =>
  withTempSweep(async (dir) => {
    const path = join(dir, ...RUN, LAYERS);
    const [head, ...rows] = (await Deno.readTextFile(path)).split("\n");
    const d = head.split(",").indexOf("delta");
    const out = rows.map((line) => {
      if (!line) return line;
      const c = line.split(",");
      c[d] = "nan";
      return c.join(",");
    });
    await Deno.writeTextFile(path, [head, ...out].join("\n"));
    await assertMissingEverywhere(dir, LAYERS, /every delta is missing: no best layer/);
  }));
