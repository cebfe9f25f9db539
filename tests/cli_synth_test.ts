import assert from "node:assert/strict";
import { join } from "node:path";
import { parseSynthArgs, parseSynthModels } from "../cli/synth.ts";
import { UsageError } from "../cli/args.ts";
import { assertJsonClose } from "./helpers/golden.ts";
import { slowSummary } from "./helpers/slow_summary.ts";

const ROOT = new URL("..", import.meta.url).pathname;

async function task(script: string, ...args: string[]) {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, script), ...args],
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
}

Deno.test("synth flags: known models take their depth, others LABEL=LAYERS", () => {
  assert.deepEqual(parseSynthModels("30B-A3B,mine=20"), [
    { label: "30B-A3B", layers: 48 },
    { label: "mine", layers: 20 },
  ]);
  assert.throws(() => parseSynthModels("unknown"), UsageError);
  const parsed = parseSynthArgs(["--out", "d", "--prompts", "7", "--strengths=-2,0,2"])!;
  assert.equal(parsed.out, "d");
  assert.equal(parsed.spec.prompts, 7);
  assert.deepEqual(parsed.spec.strengths, [-2, 0, 2]);
  assert.equal(parsed.spec.precision, "full"); // values as pandas writes float64, by default
  assert.equal(parseSynthArgs(["--out", "d", "--round"])!.spec.precision, "rounded");
  assert.throws(() => parseSynthArgs(["--prompts", "3"]), /--out DIR is required/);
  assert.equal(parseSynthArgs(["--help"]), undefined);
});

Deno.test("the streaming columnar path gives the summary of the slow, obvious computation", async () => {
  const data = await Deno.makeTempDir({ prefix: "synth-" });
  const models = ["0.6B", "4B", "30B-A3B", "32B"], concepts = ["alpha", "beta", "gamma"];
  await task(
    "cli/synth.ts",
    `--out=${data}`,
    "--prompts=60",
    `--models=${models.join(",")}`,
    `--concepts=${concepts.join(",")}`,
    "--strengths=-2,-1,0,1,2",
    "--effect=3",
  );
  await Deno.remove(join(data, "gamma", "Qwen_Qwen3_30B_A3B"), { recursive: true });
  const out = await Deno.makeTempDir();
  await task("cli/render.ts", `--data=${data}`, `--out=${out}`, "--no-figures", "--resamples=50");
  const { missing_pairs, ...summary } = JSON.parse(
    await Deno.readTextFile(join(out, "analysis_summary.json")),
  );
  assert.deepEqual(missing_pairs, [{ model: "30B-A3B", concept: "gamma" }]);
  assertJsonClose(summary, await slowSummary(data, models, concepts));
  const files = [];
  for await (const e of Deno.readDir(out)) files.push(e.name);
  assert.ok(!files.some((f) => f.endsWith(".png")), "--no-figures writes no figures");
});
