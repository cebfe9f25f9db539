/** One rule for non-finite numbers in every output: NaN and ±Infinity are a missing value. */
import assert from "node:assert/strict";
import { csvParse } from "d3-dsv";
import { formatCell } from "../lib/util/csv.ts";
import { outputFolder, setOutputSet } from "../lib/display/outputs.ts";
import { renderInProcess } from "./helpers/render_run.ts";
import { inTempDir, tempSweep } from "./helpers/temp_sweep.ts";

Deno.test("formatCell writes every non-finite number as an empty cell", () => {
  for (const x of [NaN, Infinity, -Infinity]) assert.equal(formatCell(x), "");
  assert.equal(formatCell(1e308), "1e+308");
});

const POISONED = [
  { model: "4B", cohens_d: Infinity, ratio: NaN },
  { model: "8B", cohens_d: -Infinity, ratio: 1.5 },
];

Deno.test("a cell's tables and JSON: CSV an empty cell, JSON null, saved or rendered alike", async () => {
  const expectedCsv = "model,cohens_d,ratio\n4B,,\n8B,,1.5\n";
  const check = (csv: string, json: string) => {
    assert.equal(csv, expectedCsv);
    assert.doesNotMatch(json, /Infinity|NaN/);
    assert.deepEqual(JSON.parse(json), {
      effect_sizes: [{ model: "4B", cohens_d: null, ratio: null }, {
        model: "8B",
        cohens_d: null,
        ratio: 1.5,
      }],
      model_avg_effect: { "4B": null },
    });
  };
  const value = { effect_sizes: POISONED, model_avg_effect: { "4B": -Infinity } };
  // Run interactively: written into the folder at once.
  await inTempDir(async (dir) => {
    const out = outputFolder(dir);
    await out.table("t", POISONED, { show: false });
    await out.json("s", value);
    check(await Deno.readTextFile(`${dir}/t.csv`), await Deno.readTextFile(`${dir}/s.json`));
  });
  // Run by the render task: into its output set.
  const saved = new Map<string, string>();
  setOutputSet({
    figures: false,
    figure: () => {},
    add: (name, content) => void saved.set(name, content as string),
  });
  try {
    const out = outputFolder("/nonexistent");
    await out.table("t", POISONED, { show: false });
    await out.json("s", value);
  } finally {
    setOutputSet(undefined);
  }
  check(saved.get("t.csv")!, saved.get("s.json")!);
});

Deno.test("no rendered output writes Infinity or NaN where a statistic has no value", () =>
  inTempDir(async (dir) => {
    // One shallow model: no deep model to compare with, one model to correlate over.
    const { files } = await renderInProcess(["--data", dir, "--no-figures", "--resamples", "20"]);
    for (const [name, text] of files) {
      assert.doesNotMatch(text, /Infinity|NaN|\binf\b/i, name);
    }
    for (const row of csvParse(files.get("shallow_vs_deep.csv")!)) {
      assert.equal(row.deep_avg, "", row.concept);
      assert.equal(row.ratio, "", row.concept);
    }
    const [frac] = csvParse(files.get("layer_frac_vs_d.csv")!);
    assert.equal(frac.r_models, ""); // one model: no correlation over models
  }, () =>
    tempSweep({
      models: [{ label: "4B", layers: 36 }],
      concepts: ["alpha", "beta"],
      prompts: 10,
      seed: 5,
    })));
