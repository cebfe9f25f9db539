import assert from "node:assert/strict";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { figureSteps } from "../lib/pipeline/files.ts";

Deno.test("bench times the steps, every figure and deno task render end to end", async () => {
  const root = new URL("..", import.meta.url).pathname;
  const { code, stdout } = await new Deno.Command(Deno.execPath(), {
    args: [
      "task", // as the README runs it: the task's permissions let it read its children's CPU time
      "bench",
      "--runs",
      "1",
      "--skip-large",
      "--skip-original",
    ],
    cwd: root,
    stderr: "inherit",
  }).output();
  const out = new TextDecoder().decode(stdout);
  assert.equal(code, 0);
  assert.match(out, /^ {2}load +\d+ ms {3}peak RSS \d+ MB$/m);
  assert.match(out, /86,400 rows: [\d,]+ rows\/s/);
  assert.match(out, /robustness \(2,000 resamples\)/);
  for (const figure of figureSteps(PIPELINE)) {
    assert.match(out, new RegExp(`figure ${figure.name}: png`));
  }
  const cpu = Deno.build.os === "linux" ? String.raw`CPU \d[\d.]* m?s +` : ""; // from /proc
  assert.match(
    out,
    new RegExp(
      String.raw`^ {2}deno task render +\d[\d.]* m?s +\([\d.]+-[\d.]+ s\) +` + cpu +
        String.raw`peak \d+ MB$`,
      "m",
    ),
  );
  assert.match(out, /steps \(medians, as printed by render\): load \d+ ms, statistics/);
  assert.match(out, /original: skipped \(--skip-original\)/);
});
