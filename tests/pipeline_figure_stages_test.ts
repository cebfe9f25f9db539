import assert from "node:assert/strict";
import { pngPool } from "../lib/export/png_pool.ts";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { figureFiles, figureSteps } from "../lib/pipeline/files.ts";
import { figureStages, NotYetComputed, partialResults } from "../lib/pipeline/figure_stages.ts";
import type { FigureStep } from "../lib/pipeline/steps.ts";
import { smallResults } from "./helpers/small_analysis.ts";

const results = await smallResults();
const { robustness: _, contrasts: __, ...statistics } = results;

Deno.test("partial results give what they hold and throw NotYetComputed for the rest", () => {
  const partial = partialResults(statistics);
  assert.equal(partial.analysis, results.analysis);
  assert.equal("robustness" in partial, false);
  assert.throws(
    () => partial.robustness,
    (e) => e instanceof NotYetComputed && e.key === "robustness",
  );
});

Deno.test("two stages give the files of one, byte for byte, in the description's order", async () => {
  using pool = pngPool();
  const stages = figureStages(figureSteps(PIPELINE), pool);
  assert.deepEqual(await stages.start(statistics), ["effect_size_intervals"]); // the robustness figure
  const staged = await stages.finish(results);
  assert.deepEqual(staged, await figureFiles(PIPELINE, results, { pool }));
  assert.deepEqual(
    staged.map((f) => f.name),
    figureSteps(PIPELINE).flatMap((s) => [`${s.name}.svg`, `${s.name}.png`]),
  );
});

Deno.test("a figure that fails for another reason fails the first stage", async () => {
  using pool = pngPool(1);
  const broken: FigureStep = {
    kind: "figure",
    name: "broken",
    build: () => {
      throw new Error("no such mark");
    },
  };
  await assert.rejects(figureStages([broken], pool).start(statistics), /no such mark/);
});
