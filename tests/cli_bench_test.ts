import assert from "node:assert/strict";
import { join } from "node:path";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { figureSteps } from "../lib/pipeline/files.ts";

Deno.test("bench measures loading, statistics and every figure with rows/s and peak memory", async () => {
  const root = new URL("..", import.meta.url).pathname;
  const { code, stdout } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(root, "cli/bench.ts"), "--skip-large"],
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
});
