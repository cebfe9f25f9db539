/**
 * Issue 19: a sweep mixing model families. The upstream writer names a run folder after the
 * model's Hugging Face id (`meta_llama_Llama_3.1_8B_Instruct`) and writes the model's short key in
 * the CSV's `model` column and in `summary.json`; a run folder named by hand (`my-run-2`) is as
 * good. Every run loads under its CSV label, with the numbers of the folder it was copied from;
 * nothing is lost without a word.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { modelAttributes } from "../lib/models/groups.ts";
import { modelTable } from "../lib/models/qwen3.ts";
import { comparisonsReport } from "../lib/report/comparisons.ts";
import { analyse } from "../lib/stats/analysis.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { runOf, type SweepRun } from "../lib/sweep/types.ts";
import { copyRunAs, copySweepData } from "./helpers/temp_sweep.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const DATA = join(ROOT, "results/logit_diff_sweep");
const CONCEPTS = ["corrigible", "self_awareness", "sycophancy"];
const LLAMA = "meta_llama_Llama_3.1_8B_Instruct";

/** The default data plus, in every concept, its 8B runs as Llama-3.1-8B and its 4B as 4B-dpo. */
async function mixedSweep(dir: string): Promise<void> {
  await copySweepData(DATA, dir);
  for (const concept of CONCEPTS) {
    const from = (model: string) => join(DATA, concept, `Qwen_Qwen3_${model}`);
    await copyRunAs(from("8B"), join(dir, concept, LLAMA), "Llama-3.1-8B");
    await copyRunAs(from("4B"), join(dir, concept, "my-run-2"), "4B-dpo");
  }
}

/** The same numbers: every per-sample column and layer-summary value, the run's summary.json. */
function assertSameRun(copy: SweepRun, original: SweepRun, label: string) {
  assert.equal(copy.model, label);
  assert.equal(copy.concept, original.concept);
  assert.deepEqual(copy.samples, original.samples);
  assert.deepEqual(copy.layers, original.layers.map((row) => ({ ...row, model: label })));
  assert.deepEqual(copy.info, { ...original.info, model: label });
}

const isDataError = (pattern: RegExp) => (e: unknown) =>
  e instanceof SweepDataError && pattern.test(e.message);

/** Runs `deno task render` with absolute paths; its exit code and printed text. */
async function render(...args: string[]) {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["task", "render", ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  return { code, out: text.decode(stdout), err: text.decode(stderr) };
}

Deno.test("a sweep mixing model families", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "sweep-families-" });
  try {
    await mixedSweep(dir);
    const original = await loadSweep(DATA);

    await t.step("every run loads under its CSV label with the original's numbers", async () => {
      const sweep = await loadSweep(dir);
      assert.deepEqual(sweep.models, ["4B", "4B-dpo", "8B", "Llama-3.1-8B", "14B", "32B"]);
      assert.deepEqual(sweep.concepts, CONCEPTS);
      assert.equal(sweep.runs.length, 18);
      assert.deepEqual(sweep.missing, []);
      assert.deepEqual(sweep.layerCounts, {
        ...original.layerCounts,
        "4B-dpo": 36,
        "Llama-3.1-8B": 36,
      });
      for (const concept of CONCEPTS) {
        const llama = runOf(sweep, "Llama-3.1-8B", concept)!;
        assert.equal(llama.dir, join(dir, concept, LLAMA));
        assertSameRun(llama, runOf(original, "8B", concept)!, "Llama-3.1-8B");
        const dpo = runOf(sweep, "4B-dpo", concept)!;
        assert.equal(dpo.dir, join(dir, concept, "my-run-2"));
        assertSameRun(dpo, runOf(original, "4B", concept)!, "4B-dpo");
        for (const model of original.models) {
          assertSameRun(runOf(sweep, model, concept)!, runOf(original, model, concept)!, model);
        }
      }
      // only the data-quality notes of the sycophancy runs, the copies' among them
      assert.deepEqual(
        sweep.notes.map((n) => n.replace(/(\/sycophancy): .*/, "$1")),
        ["4B", "4B-dpo", "8B", "Llama-3.1-8B", "14B", "32B"].map((m) =>
          `data quality: ${m}/sycophancy`
        ),
      );
      // the analysis gives the copies the original's best layers
      const best = analyse(sweep).bestLayers, before = analyse(original).bestLayers;
      for (const [copy, model] of [["Llama-3.1-8B", "8B"], ["4B-dpo", "4B"]]) {
        assert.deepEqual(
          best.filter((r) => r.model === copy).map((r) => ({ ...r, model })),
          before.filter((r) => r.model === model),
        );
      }
    });

    await t.step("--models, --layer-counts and a misspelling take the CSV labels", async () => {
      const sweep = await loadSweep(dir, { models: ["Llama-3.1-8B", "4B"] });
      assert.deepEqual(sweep.models, ["Llama-3.1-8B", "4B"]);
      assert.deepEqual(
        sweep.runs.map((r) => `${r.concept}/${r.model}`),
        CONCEPTS.flatMap((c) => [`${c}/Llama-3.1-8B`, `${c}/4B`]),
      );
      assert.deepEqual(sweep.layerCounts, { "Llama-3.1-8B": 36, "4B": 36 });
      const counted = await loadSweep(dir, {
        models: ["Llama-3.1-8B"],
        layerCounts: { "Llama-3.1-8B": 40 },
      });
      assert.deepEqual(counted.layerCounts, { "Llama-3.1-8B": 40 });
      await assert.rejects(
        loadSweep(dir, { models: ["llama-3.1-8b"] }),
        isDataError(/--models: no "llama-3\.1-8b" in this sweep; did you mean "Llama-3\.1-8B"\?/),
      );
      await assert.rejects(
        loadSweep(dir, { layerCounts: { "Llama_3.1_8B": 32 } }),
        isDataError(/--layer-counts: no model "Llama_3\.1_8B" in this sweep; did you mean/),
      );
      // a model the sweep does not hold stays a warning per concept
      const absent = await loadSweep(dir, { models: ["Llama-3.1-70B", "4B"] });
      assert.deepEqual(absent.missing.map((p) => p.model), CONCEPTS.map(() => "Llama-3.1-70B"));
      assert.ok(
        absent.notes.includes(
          `warning: Llama-3.1-70B/corrigible skipped: no run folder in ` +
            `${join(dir, "corrigible")} holds model Llama-3.1-70B`,
        ),
        absent.notes.join("\n"),
      );
    });

    await t.step("the comparisons report says which models it leaves out", async () => {
      const sweep = await loadSweep(dir);
      const analysis = analyse(sweep);
      const attributes = modelAttributes(
        modelTable(sweep.models, sweep.layerCounts),
        analysis.groups,
      );
      const report = comparisonsReport(analysis.effectSizes, attributes).replace(/\s+/g, " ");
      assert.match(
        report,
        /4B-dpo, Llama-3\.1-8B: training unknown, left out of the training comparison\./,
      );
      assert.match(
        report,
        /4B-dpo, Llama-3\.1-8B: architecture unknown, left out of the architecture comparison\./,
      );
      const described = modelAttributes(
        modelTable(sweep.models, sweep.layerCounts, {
          "Llama-3.1-8B": { training: "rlhf", architecture: "dense" },
        }),
        analysis.groups,
      );
      const withEntry = comparisonsReport(analysis.effectSizes, described).replace(/\s+/g, " ");
      assert.match(withEntry, /Training: distilled vs rlhf/);
      assert.match(withEntry, /4B-dpo: training unknown, left out of the training comparison\./);
    });

    await t.step("end to end: render --models Llama-3.1-8B,4B writes the Llama rows", async () => {
      const out = await Deno.makeTempDir({ prefix: "sweep-families-out-" });
      try {
        const args = ["--data", dir, "--out", out, "--models", "Llama-3.1-8B,4B"];
        const { code, err } = await render(...args, "--resamples", "20");
        assert.equal(code, 0, err);
        const [header, ...rows] = (await Deno.readTextFile(join(out, "best_layers.csv")))
          .trimEnd().split("\n");
        const column = (name: string) => header.split(",").indexOf(name);
        const llama = rows.map((row) => row.split(",")).filter((c) => c[0] === "Llama-3.1-8B");
        const before = analyse(original).bestLayers.filter((r) => r.model === "8B");
        assert.deepEqual(
          llama.map((c) => [c[column("concept")], Number(c[column("layer")])]),
          before.map((r) => [r.concept, r.layer]),
        );
        assert.deepEqual(
          llama.map((c) => Number(c[column("delta")])),
          before.map((r) => r.delta),
        );
        assert.equal(rows.filter((row) => row.startsWith("4B,")).length, 3);
        assert.equal(rows.length, 6);
        const summary = JSON.parse(await Deno.readTextFile(join(out, "analysis_summary.json")));
        assert.deepEqual(Object.keys(summary.model_avg_effect), ["Llama-3.1-8B", "4B"]);
      } finally {
        await Deno.remove(out, { recursive: true });
      }
    });

    await t.step("a run whose CSV and summary.json disagree is an error naming both", async () => {
      const run = join(dir, "sycophancy", LLAMA);
      const info = join(run, "summary.json");
      const text = await Deno.readTextFile(info);
      await Deno.writeTextFile(info, text.replace('"Llama-3.1-8B"', '"8B"'));
      try {
        await assert.rejects(
          loadSweep(dir, { models: ["4B"] }), // the label decides whether a run is asked for
          isDataError(
            new RegExp(
              `^${info}: model is "8B" but ${
                join(run, "per_sample_all_layers.csv")
              }:2 \\(column "model"\\) says "Llama-3\\.1-8B"`,
            ),
          ),
        );
      } finally {
        await Deno.writeTextFile(info, text);
      }
    });

    await t.step("a folder or file that is not loaded is named in a note", async () => {
      const old = join(dir, "corrigible", "old_run");
      await Deno.mkdir(old);
      await Deno.copyFile(
        join(dir, "corrigible", LLAMA, "layer_summary.csv"),
        join(old, "layer_summary.csv"),
      );
      await Deno.mkdir(join(dir, "self_awareness", "plots"));
      await Deno.mkdir(join(dir, "unfinished_concept", "Qwen_Qwen3_4B_notes"), {
        recursive: true,
      });
      const halfRun = join(dir, "sycophancy", LLAMA, "per_sample_all_layers.csv");
      await Deno.rename(halfRun, `${halfRun}.bak`);
      try {
        const sweep = await loadSweep(dir);
        assert.deepEqual(sweep.missing, [{ model: "Llama-3.1-8B", concept: "sycophancy" }]);
        assert.equal(sweep.runs.length, 17);
        const notes = sweep.notes.filter((n) => !n.startsWith("data quality"));
        assert.deepEqual(notes, [
          `note: skipped ${join(dir, "unfinished_concept")}: no run folder in it (a run folder ` +
          "holds per_sample_all_layers.csv, layer_summary.csv, summary.json)",
          `note: skipped ${old}: a run folder without per_sample_all_layers.csv, and no file ` +
          "names its model",
          `note: skipped ${
            join(dir, "self_awareness", "plots")
          }: not a run folder: it holds none ` +
          "of per_sample_all_layers.csv, layer_summary.csv, summary.json",
          `warning: Llama-3.1-8B/sycophancy skipped: ${halfRun} does not exist`,
        ]);
      } finally {
        await Deno.rename(`${halfRun}.bak`, halfRun);
      }
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
