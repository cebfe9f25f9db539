import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun, loadSweep } from "../lib/sweep/load.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { inTempDir, tempSweep } from "./helpers/temp_sweep.ts";

/** Runs a test body with `fresh()` making temporary sweeps, all removed afterwards. */
function withSweeps(body: (fresh: () => Promise<string>) => Promise<void>): () => Promise<void> {
  return async () => {
    const made: string[] = [];
    try {
      await body(async () => {
        made.push(await tempSweep());
        return made[made.length - 1];
      });
    } finally {
      for (const dir of made) await Deno.remove(dir, { recursive: true });
    }
  };
}

const run30 = (dir: string, concept = "alpha") => join(dir, concept, "Qwen_Qwen3_30B_A3B");
const isDataError = (pattern: RegExp) => (e: unknown) =>
  e instanceof SweepDataError && pattern.test(e.message);

Deno.test(
  "loadSweep finds models by size and concepts alphabetically, labels from the CSVs",
  withSweeps(async (fresh) => {
    const dir = await fresh();
    const sweep = await loadSweep(dir);
    assert.deepEqual(sweep.models, ["4B", "30B-A3B"]);
    assert.deepEqual(sweep.concepts, ["alpha", "beta"]);
    assert.deepEqual(sweep.layerCounts, { "4B": 36, "30B-A3B": 48 });
    assert.deepEqual(
      sweep.runs.map((r) => `${r.concept}/${r.model}`),
      ["alpha/4B", "alpha/30B-A3B", "beta/4B", "beta/30B-A3B"],
    );
    const run = sweep.runs[1];
    assert.equal(run.samples.length, 12 * 3 * (48 - 14));
    assert.equal(run.layers[0].model, "30B-A3B");
    assert.deepEqual(sweep.missing, []);
    assert.deepEqual(sweep.notes, []);
  }),
);

Deno.test(
  "a missing model/concept folder is skipped with a one-line warning",
  withSweeps(async (fresh) => {
    const dir = await fresh();
    await Deno.remove(run30(dir, "beta"), { recursive: true });
    const sweep = await loadSweep(dir);
    assert.deepEqual(sweep.models, ["4B", "30B-A3B"]);
    assert.equal(sweep.runs.length, 3);
    assert.deepEqual(sweep.missing, [{ model: "30B-A3B", concept: "beta" }]);
    assert.equal(sweep.notes.length, 1);
    // the folder the model's runs have in the other concepts, named where it is missing
    assert.match(
      sweep.notes[0],
      /^warning: 30B-A3B\/beta skipped: .*beta\/Qwen_Qwen3_30B_A3B does not exist$/,
    );
  }),
);

Deno.test(
  "a run folder missing its per-sample CSV is skipped with a warning naming the file",
  withSweeps(async (fresh) => {
    const dir = await fresh();
    const file = join(run30(dir, "beta"), "per_sample_all_layers.csv");
    await Deno.remove(file);
    const sweep = await loadSweep(dir);
    assert.deepEqual(sweep.missing, [{ model: "30B-A3B", concept: "beta" }]); // summary.json's
    assert.deepEqual(sweep.notes, [`warning: 30B-A3B/beta skipped: ${file} does not exist`]);
  }),
);

Deno.test(
  "a model asked for that the sweep does not hold is a warning per concept, not an error",
  withSweeps(async (fresh) => {
    const dir = await fresh();
    const sweep = await loadSweep(dir, { models: ["4B", "70B"], concepts: ["alpha", "gamma"] });
    assert.deepEqual(sweep.runs.map((r) => `${r.model}/${r.concept}`), ["4B/alpha"]);
    assert.deepEqual(sweep.notes, [
      `warning: 70B/alpha skipped: no run folder in ${join(dir, "alpha")} holds model 70B`,
      `warning: 4B/gamma skipped: ${join(dir, "gamma")} does not exist`,
      `warning: 70B/gamma skipped: ${join(dir, "gamma")} does not exist`,
    ]);
  }),
);

Deno.test(
  "--models and --concepts choose and order what is loaded",
  withSweeps(async (fresh) => {
    const dir = await fresh();
    const sweep = await loadSweep(dir, { models: ["30B-A3B", "8B"], concepts: ["beta"] });
    assert.deepEqual(sweep.runs.map((r) => r.model), ["30B-A3B"]);
    assert.deepEqual(sweep.missing, [{ model: "8B", concept: "beta" }]);
    assert.deepEqual(sweep.layerCounts, { "30B-A3B": 48 });
  }),
);

Deno.test(
  "layer counts: an override wins; a model without summary.json needs one",
  withSweeps(async (fresh) => {
    const dir = await fresh();
    for (const concept of ["alpha", "beta"]) {
      await Deno.remove(join(run30(dir, concept), "summary.json"));
    }
    await assert.rejects(() => loadSweep(dir), isDataError(/no layer count for model 30B-A3B/));
    const sweep = await loadSweep(dir, { layerCounts: { "30B-A3B": 48, "4B": 40 } });
    assert.deepEqual(sweep.layerCounts, { "4B": 40, "30B-A3B": 48 });
  }),
);

Deno.test(
  "layer counts that disagree between concepts are an error naming the file",
  withSweeps(async (fresh) => {
    const dir = await fresh();
    const file = join(run30(dir, "beta"), "summary.json");
    const info = JSON.parse(await Deno.readTextFile(file));
    await Deno.writeTextFile(file, JSON.stringify({ ...info, num_layers: 49 }));
    await assert.rejects(
      () => loadSweep(dir),
      isDataError(/beta\/Qwen_Qwen3_30B_A3B\/summary\.json: num_layers is 49/),
    );
  }),
);

Deno.test("a data folder that does not exist is an error naming it", async () => {
  await assert.rejects(
    () => loadSweep("/no/such/sweep"),
    isDataError(/^\/no\/such\/sweep: no such folder/),
  );
});

Deno.test("a folder with no run folders is an error", () =>
  inTempDir(async (dir) => {
    await Deno.mkdir(join(dir, ".backup", "Qwen_Qwen3_4B"), { recursive: true });
    await assert.rejects(() => loadSweep(dir), isDataError(/no run folders/));
  }));

async function corrupt(
  fresh: () => Promise<string>,
  edit: (text: string) => string,
  file = "per_sample_all_layers.csv",
) {
  const dir = await fresh();
  const path = join(run30(dir), file);
  await Deno.writeTextFile(path, edit(await Deno.readTextFile(path)));
  return { dir, path };
}

Deno.test(
  "malformed per-sample files are errors with file, line and column",
  withSweeps(async (fresh) => {
    let { dir, path } = await corrupt(fresh, (t) => t.replace("logit_diff_matching", "ldm"));
    await assert.rejects(
      () => loadSweep(dir),
      isDataError(new RegExp(`^${path}:1: missing column "logit_diff_matching"`)),
    );
    ({ dir, path } = await corrupt(fresh, (t) => {
      const lines = t.split("\n");
      lines[4] = lines[4].replace(/,[^,]*$/, ",oops");
      return lines.join("\n");
    }));
    await assert.rejects(
      () => loadSweep(dir),
      isDataError(
        new RegExp(`^${path}:5:10 \\(column "logit_diff_matching"\\): not a number: "oops"`),
      ),
    );
    ({ dir, path } = await corrupt(fresh, (t) => t.replace(/\n([^\n]*),[^,\n]*\n/, "\n$1\n")));
    await assert.rejects(
      () => loadSweep(dir),
      isDataError(new RegExp(`^${path}:2:10: ragged row`)),
    );
    ({ dir, path } = await corrupt(fresh, () => ""));
    await assert.rejects(() => loadSweep(dir), isDataError(new RegExp(`^${path}:1: empty file`)));
  }),
);

Deno.test(
  "binary garbage, bad JSON and a mislabelled model are errors naming the file",
  withSweeps(async (fresh) => {
    const dir = await fresh();
    const path = join(run30(dir), "layer_summary.csv");
    await Deno.writeFile(
      path,
      crypto.getRandomValues(new Uint8Array(512)).map((b) => b | 1).fill(0, 7, 8),
    );
    await assert.rejects(
      () => loadSweep(dir),
      isDataError(new RegExp(`^${path}:\\d+: binary data`)),
    );
    const bad = await corrupt(fresh, (t) => t.slice(0, -3), "summary.json");
    await assert.rejects(
      () => loadSweep(bad.dir),
      isDataError(new RegExp(`^${bad.path}:\\d+:\\d+: unreadable JSON`)),
    );
    // the first row gives the run's label (here checked against summary.json); every row must
    // say the same
    const wrong = await corrupt(fresh, (t) => t.replace(/((?:\n[^\n]*){4}\n30B-A3B),/, "$1X,"));
    await assert.rejects(
      () => loadSweep(wrong.dir),
      isDataError(
        new RegExp(
          `^${wrong.path}:6:1 \\(column "model"\\): model is "30B-A3BX" but the folder is for ` +
            `"30B-A3B"`,
        ),
      ),
    );
    const first = await corrupt(fresh, (t) => t.replace("\n30B-A3B,", "\n32B,"));
    await assert.rejects(
      () => loadSweep(first.dir),
      isDataError(
        new RegExp(
          `^${join(run30(first.dir), "summary.json")}: model is "30B-A3B" but ${first.path}:2 ` +
            `\\(column "model"\\) says "32B"`,
        ),
      ),
    );
  }),
);

Deno.test(
  "loadRun reads typed columns",
  withSweeps(async (fresh) => {
    const dir = await fresh();
    const run = await loadRun(run30(dir), "30B-A3B", "alpha");
    assert.ok(run.samples.logit_diff_matching instanceof Float64Array);
    assert.equal(run.info?.num_layers, 48);
    assert.equal(run.layers.length, 48 - 14);
  }),
);
