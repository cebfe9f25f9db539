/**
 * --allow-duplicates: a per-sample file with repeated (layer, strength, prompt_idx) rows holding
 * other values. Every row counts in every output alike, so robustness.json and
 * analysis_summary.json give the same Cohen's d.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { tempSweep } from "./helpers/temp_sweep.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** Appends a changed copy of the rows of prompts 0-3 to a per-sample file. */
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

Deno.test("with --allow-duplicates robustness.json and analysis_summary.json agree on d", async () => {
  const data = await tempSweep();
  const out = await Deno.makeTempDir();
  try {
    const file = join(data, "alpha", "Qwen_Qwen3_4B", "per_sample_all_layers.csv");
    assert.ok(await duplicateRows(file) > 0);
    const run = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", join(ROOT, "cli/render.ts"), "--data", data, "--out", out]
        .concat(["--no-figures", "--resamples", "50", "--allow-duplicates"]),
      stderr: "piped",
    }).output();
    assert.equal(run.code, 0, new TextDecoder().decode(run.stderr));
    const summary = JSON.parse(await Deno.readTextFile(join(out, "analysis_summary.json")));
    const records = JSON.parse(await Deno.readTextFile(join(out, "robustness.json")));
    assert.equal(records.length, summary.effect_sizes.length);
    for (const effect of summary.effect_sizes) {
      const record = records.find((r: { model: string; concept: string }) =>
        r.model === effect.model && r.concept === effect.concept
      );
      assert.equal(record.cohens_d, effect.cohens_d, `${effect.model}/${effect.concept}`);
    }
  } finally {
    await Deno.remove(data, { recursive: true });
    await Deno.remove(out, { recursive: true });
  }
});
