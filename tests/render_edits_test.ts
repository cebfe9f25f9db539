/**
 * The notebook is the analysis: a change made in one of its cells reaches every output that
 * `deno task render --notebook <copy>` writes, and nothing else decides them. The best-layer rule
 * changed in its cell, a figure cell deleted, a cell added, the shallow/deep cut and the loader's
 * options changed in theirs. Each copy sits alone in a temporary folder (the notebook's default
 * DATA_DIR is relative to it, so `--data` is always given).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import {
  DEFAULT_DATA,
  editedNotebook,
  NOTEBOOK,
  type NotebookJson,
  renderInProcess,
  renderProcess,
  replaceInCell,
  sourceOf,
} from "./helpers/render_run.ts";
import { inTemp } from "./helpers/temp_dir.ts";
import { tempSweep } from "./helpers/temp_sweep.ts";

/** Every file of a folder, by name (hidden ones left out). */
async function names(dir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.name.startsWith(".")) found.push(entry.name);
  }
  return found.sort();
}

const readCsv = async (dir: string, name: string) =>
  csvParse(await Deno.readTextFile(join(dir, name)));
const readJson = async (dir: string, name: string) =>
  JSON.parse(await Deno.readTextFile(join(dir, name)));
const pairOf = (d: Readonly<Record<string, unknown>>) => `${d.model}/${d.concept}`;

/** The figure names the project notebook saves, in order (its `out.figure("...")` calls). */
async function notebookFigures(): Promise<string[]> {
  const nb: NotebookJson = JSON.parse(await Deno.readTextFile(NOTEBOOK));
  return nb.cells.filter((c) => c.cell_type === "code")
    .flatMap((c) => [...sourceOf(c).matchAll(/out\.figure\(\s*"([^"]+)"/g)].map((m) => m[1]));
}

/** The best-layer rule's line, as the notebook holds it: every layer is a candidate. */
const RULE = "const isCandidate = (d: (typeof summaries_df)[number]) => d.layer_frac >= 0;";

/**
 * The edited rule's bounds. The issue's example is 10%-90% of depth, but on the committed data
 * every best layer already lies there (47%-80%), so that rule would change nothing; 10%-75%
 * excludes three of them (8B sycophancy at 78%, 32B self_awareness at 77% and sycophancy at 80%),
 * so the edit must move those pairs' best layers and everything computed from them.
 */
const LOW = 0.1, HIGH = 0.75;

Deno.test("the best-layer rule changed in its cell: every best layer, effect and record follows", () =>
  inTemp(async (root) => {
    const notebook = await editedNotebook(
      join(root, "copy", "logit_diff_sweep.ipynb"),
      (nb) =>
        replaceInCell(
          nb,
          "d.layer_frac >= 0;",
          `d.layer_frac >= ${LOW} && d.layer_frac <= ${HIGH};`,
        ),
    );
    assert.ok((await Deno.readTextFile(NOTEBOOK)).includes(RULE), "the rule's line is as expected");
    const out = join(root, "out"), before = join(root, "before");
    const edited = await renderProcess(
      ["--notebook", notebook, "--data", DEFAULT_DATA, "--out", out, "--resamples", "50"],
    );
    assert.equal(edited.code, 0, edited.err);
    const unedited = await renderProcess(
      ["--data", DEFAULT_DATA, "--out", before, "--resamples", "50", "--no-figures"],
    );
    assert.equal(unedited.code, 0, unedited.err);

    // Layer fractions and summaries of every layer (the rule does not change these).
    const summaries = new Map(
      (await readCsv(out, "layer_summaries.csv")).map((d) => [`${pairOf(d)}/${d.layer}`, d]),
    );
    const fraction = (pair: string, layer: number | string) => {
      const row = summaries.get(`${pair}/${layer}`);
      assert.ok(row, `no layer ${layer} for ${pair}`);
      return Number(row.layer_frac);
    };
    const within = (pair: string, layer: number | string, what: string) => {
      const f = fraction(pair, layer);
      assert.ok(f >= LOW && f <= HIGH, `${what} of ${pair}: layer ${layer} at ${f}`);
    };

    // best_layers.csv: each pair's largest delta among the candidate layers (the first one).
    const best = await readCsv(out, "best_layers.csv");
    assert.equal(best.length, 12);
    for (const row of best) {
      const pair = pairOf(row);
      within(pair, row.layer, "best_layers.csv");
      const candidates = [...summaries.values()].filter((d) =>
        pairOf(d) === pair && Number(d.layer_frac) >= LOW && Number(d.layer_frac) <= HIGH
      );
      const top = candidates.reduce((a, b) => Number(b.delta) > Number(a.delta) ? b : a);
      assert.equal(row.layer, top.layer, pair);
      assert.equal(row.delta, top.delta, pair);
    }
    const bestOf = new Map(best.map((d) => [pairOf(d), d]));

    // analysis_summary.json: the same best layers; effect sizes at those layers.
    const summary = await readJson(out, "analysis_summary.json");
    assert.deepEqual(
      summary.best_layers.map((d: Record<string, unknown>) => [pairOf(d), d.layer]),
      best.map((d) => [pairOf(d), Number(d.layer)]),
    );
    const effectsCsv = await readCsv(out, "effect_sizes.csv");
    assert.equal(summary.effect_sizes.length, 12);
    assert.equal(effectsCsv.length, 12);
    for (const effect of [...summary.effect_sizes, ...effectsCsv]) {
      const at = bestOf.get(pairOf(effect))!;
      const close = (a: unknown, b: unknown) => Math.abs(Number(a) - Number(b)) < 1e-9;
      assert.ok(close(effect.mean_positive, at.positive_mean), `${pairOf(effect)}: +1 mean`);
      assert.ok(close(effect.mean_negative, at.negative_mean), `${pairOf(effect)}: -1 mean`);
    }

    // best_layer_position.csv: every fraction within the bounds.
    for (const row of await readCsv(out, "best_layer_position.csv")) {
      for (const [key, value] of Object.entries(row)) {
        if (key === "model" || key === "layers" || value === "") continue;
        assert.ok(Number(value) >= LOW && Number(value) <= HIGH, `${row.model} ${key}: ${value}`);
      }
    }

    // robustness.json: its best layer and delta are best_layers.csv's; the held-out layer (chosen
    // on half the prompts) is a candidate too.
    const records = await readJson(out, "robustness.json");
    assert.equal(records.length, 12);
    for (const record of records) {
      const pair = pairOf(record), at = bestOf.get(pair)!;
      assert.equal(record.best_layer, Number(at.layer), pair);
      assert.equal(record.best_delta, Number(at.delta), pair);
      within(pair, record.held_out_layer, "robustness.json held_out_layer");
    }

    // The edit changed something: some best layers moved.
    const old = new Map((await readCsv(before, "best_layers.csv")).map((d) => [pairOf(d), d]));
    const moved = best.filter((d) => old.get(pairOf(d))!.layer !== d.layer).map(pairOf);
    assert.deepEqual(moved.sort(), ["32B/self_awareness", "32B/sycophancy", "8B/sycophancy"]);
    const oldRecords = await readJson(before, "robustness.json");
    assert.notDeepEqual(
      records.map((r: { best_layer: number }) => r.best_layer),
      oldRecords.map((r: { best_layer: number }) => r.best_layer),
    );
    // The figures are drawn from the edited run as well.
    assert.ok((await names(out)).includes("best_layer_violins.png"));
  }));

Deno.test("a figure cell deleted: render writes every figure but that one", () =>
  inTemp(async (root) => {
    const figures = await notebookFigures();
    assert.equal(figures.length, 13, `${figures}`);
    const gone = "baseline_distributions";
    const notebook = await editedNotebook(join(root, "copy", "logit_diff_sweep.ipynb"), (nb) => {
      const cell = nb.cells.findIndex((c) => sourceOf(c).includes(`out.figure("${gone}"`));
      assert.ok(cell > 0);
      nb.cells.splice(cell, 1);
    });
    const out = join(root, "out");
    const run = await renderProcess(
      ["--notebook", notebook, "--data", DEFAULT_DATA, "--out", out, "--resamples", "50"],
    );
    assert.equal(run.code, 0, run.err);
    const written = await names(out);
    const drawn = written.filter((n) => /\.(svg|png)$/.test(n));
    const expected = figures.filter((f) => f !== gone).flatMap((f) => [`${f}.png`, `${f}.svg`]);
    assert.deepEqual(drawn, expected.sort());
    assert.match(run.out, /\(12 figures as SVG and PNG\)/);
    assert.ok(written.includes("analysis_summary.json") && written.includes("robustness.json"));
  }));

Deno.test("a cell added to the notebook: render writes what it saves, after the others", () =>
  inTemp(async (root) => {
    const notebook = await editedNotebook(join(root, "copy", "logit_diff_sweep.ipynb"), (nb) => {
      nb.cells.push(
        { cell_type: "markdown", metadata: {}, source: ["## An added section"] },
        {
          cell_type: "code",
          metadata: {},
          outputs: [],
          execution_count: null,
          source: [
            "// Best layers as a fraction of depth, one row per pair\n",
            'await out.table("added_table", best_layers.map(({ model, concept, layer }) => ({\n',
            "  model,\n  concept,\n  frac: layer / LAYER_COUNTS[model],\n})));\n",
          ],
        } as unknown as NotebookJson["cells"][number],
      );
    });
    const rendered = await renderInProcess(
      ["--notebook", notebook, "--data", DEFAULT_DATA, "--no-figures", "--resamples", "20"],
    );
    const names = [...rendered.files.keys()];
    assert.equal(names.at(-1), "added_table.csv");
    const rows = csvParse(rendered.files.get("added_table.csv")!);
    assert.equal(rows.length, 12);
    assert.deepEqual(rows.columns, ["model", "concept", "frac"]);
    assert.ok(rows.every((r) => Number(r.frac) > 0 && Number(r.frac) < 1));
  }));

Deno.test("the shallow/deep cut changed in its cell reaches the table, the reports and the figure", () =>
  inTemp(async (root) => {
    const notebook = await editedNotebook(
      join(root, "copy", "logit_diff_sweep.ipynb"),
      (nb) =>
        replaceInCell(
          nb,
          "modelGroups(MODELS, LAYER_COUNTS)",
          "modelGroups(MODELS, LAYER_COUNTS, { shallowMaxLayers: 36 })",
        ),
    );
    const rendered = await renderInProcess(
      ["--notebook", notebook, "--data", DEFAULT_DATA, "--resamples", "20"],
    );
    // With the cut at 36 layers, 14B (40 layers) is deep: every output agrees.
    const shallowVsDeep = csvParse(rendered.files.get("shallow_vs_deep.csv")!);
    for (const row of shallowVsDeep) {
      assert.match(row.deep_models, /14B.*32B/, row.concept);
      assert.doesNotMatch(row.shallow_models, /14B/, row.concept);
    }
    const depth = csvParse(rendered.files.get("group_effects.csv")!)
      .filter((r) => r.attribute === "depth");
    assert.deepEqual(depth.map((r) => [r.group, r.n_pairs]), [["deep", "6"], ["shallow", "6"]]);
    assert.match(rendered.printed, /14B: 40 layers \(DEEP\)/);
    const figure = rendered.files.get("layer_curves_depth_comparison.svg")!;
    assert.match(figure, /Dashed = Deep \(14B: 40L, 32B: 64L\)/);
    assert.doesNotMatch(figure, /at most 40 layers/, "the figure's title states the cut used");
  }));

/** Appends a changed copy of the rows of prompts 0-3 to a per-sample file (repeated keys). */
async function duplicateRows(file: string): Promise<number> {
  const lines = (await Deno.readTextFile(file)).trimEnd().split("\n");
  const header = lines[0].split(",");
  const prompt = header.indexOf("prompt_idx"), value = header.indexOf("logit_diff_matching");
  const copies = lines.slice(1).map((line) => line.split(","))
    .filter((cells) => Number(cells[prompt]) < 4)
    .map((cells) => cells.map((c, i) => i === value ? String(Number(c) * 1.5 + 0.25) : c));
  await Deno.writeTextFile(file, [...lines, ...copies.map((c) => c.join(","))].join("\n") + "\n");
  return copies.length;
}

Deno.test("allowDuplicates set in the load cell: every row counts alike in every output", async () => {
  const data = await tempSweep();
  try {
    const file = join(data, "alpha", "Qwen_Qwen3_4B", "per_sample_all_layers.csv");
    assert.ok(await duplicateRows(file) > 0);
    // As the notebook is, repeated keys stop the render at the file's lines (a data error).
    const refused = await renderProcess([
      "--data",
      data,
      "--out",
      join(data, "out"),
      "--no-figures",
    ]);
    assert.equal(refused.code, 1, refused.err);
    assert.match(refused.err, /^error: .*per_sample_all_layers\.csv:\d+: .* again on line \d+/);
    await inTemp(async (root) => {
      const notebook = await editedNotebook(
        join(root, "copy", "logit_diff_sweep.ipynb"),
        (nb) =>
          replaceInCell(
            nb,
            "  layerCounts: LAYER_COUNT_OVERRIDES,\n",
            "  layerCounts: LAYER_COUNT_OVERRIDES,\n  allowDuplicates: true,\n",
          ),
      );
      const rendered = await renderInProcess(
        ["--notebook", notebook, "--data", data, "--no-figures", "--resamples", "50"],
      );
      assert.match(rendered.warnings, /rows repeat a/);
      const summary = JSON.parse(rendered.files.get("analysis_summary.json")!);
      const records = JSON.parse(rendered.files.get("robustness.json")!);
      assert.equal(records.length, summary.effect_sizes.length);
      for (const effect of summary.effect_sizes) {
        const record = records.find((r: { model: string; concept: string }) =>
          pairOf(r) === pairOf(effect)
        );
        assert.equal(record.cohens_d, effect.cohens_d, pairOf(effect));
      }
    });
  } finally {
    await Deno.remove(data, { recursive: true });
  }
});
