/**
 * The notebook executed headless on the Deno kernel, several times in a row (3 here, 20 with
 * `deno task notebook:repeat`): every output present, identical run after run and equal to the
 * committed notebook's.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { executeNotebook, hasPythonModules, NOTEBOOK } from "../cli/notebook.ts";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { stepNamed } from "../lib/pipeline/steps.ts";
import { figureSteps } from "../lib/pipeline/files.ts";
import { type Cell, codeCells, text } from "./helpers/notebook_json.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const RUNS = Number(Deno.env.get("SWEEP_NOTEBOOK_RUNS") ?? 3);
const hasNbclient = await hasPythonModules(["nbclient", "nbformat"]);
if (!hasNbclient) {
  console.log("skipped: executing the notebook (install Debian's python3-nbclient)");
}

async function render(out: string) {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "cli/render.ts"), "--no-figures", "--out", out],
    cwd: ROOT,
    stderr: "piped",
    stdout: "null",
  }).output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
}

/** Executes the notebook into `dir` and returns it parsed. */
async function execute(dir: string): Promise<{ cells: Cell[] }> {
  const executed = join(dir, "executed.ipynb");
  const code = await executeNotebook(join(ROOT, NOTEBOOK), {
    output: executed,
    env: { SWEEP_NOTEBOOK_OUT: dir },
    quiet: true,
  });
  assert.equal(code, 0, "a cell failed (see the output above)");
  return JSON.parse(await Deno.readTextFile(executed));
}

/** Every code cell has the outputs of the step it shows; every figure as PNG. */
function assertComplete(nb: { cells: Cell[] }): void {
  for (const [i, cell] of codeCells(nb).entries()) {
    const source = text(cell.source), outputs = cell.outputs ?? [];
    const where = `code cell ${i + 1}: ${source.split("\n")[0]}`;
    assert.ok(!outputs.some((o) => o.output_type === "error"), `${where}: error`);
    const has = (mime: string) => outputs.filter((o) => o.data && mime in o.data).length;
    const printed = outputs.some((o) => o.output_type === "stream");
    if (source.includes("console.log(")) assert.ok(printed, `${where}: printed text`);
    const name = /await show\(results, "([^"]+)"/.exec(source)?.[1];
    if (name === undefined) continue;
    const step = stepNamed(PIPELINE, name);
    if (step.kind === "figure") assert.equal(has("image/png"), 1, `${where}: figure`);
    if (step.kind === "table") assert.equal(has("text/html"), 1, `${where}: table`);
    if (step.kind === "report") assert.ok(printed, `${where}: report`);
    if (step.kind === "json") {
      assert.ok(printed, `${where}: "Saved ..."`);
      if (step.name === "robustness") assert.equal(has("text/html"), 4, `${where}: tables`);
    }
  }
  const figures = codeCells(nb).flatMap((c) => c.outputs ?? [])
    .filter((o) => o.data && "image/png" in o.data);
  assert.equal(figures.length, figureSteps(PIPELINE).length, "every figure of the pipeline");
  assert.ok(!JSON.stringify(nb).includes("image/svg+xml"), "no SVG output (untrusted: not shown)");
}

const outputsOf = (nb: { cells: Cell[] }) => codeCells(nb).map((c) => c.outputs);

Deno.test({
  name: `the notebook runs ${RUNS} times in a row with every output, identical each time`,
  ignore: !hasNbclient,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "sweep-notebook-test-" });
    try {
      const first = await execute(dir);
      assertComplete(first);
      for (let run = 2; run <= RUNS; run++) {
        const again = await execute(dir);
        assert.deepEqual(outputsOf(again), outputsOf(first), `run ${run} differs from run 1`);
      }

      // The summary the notebook saves equals the render task's, byte for byte.
      const rendered = join(dir, "render");
      await render(rendered);
      assert.equal(
        await Deno.readTextFile(join(dir, "analysis_summary.json")),
        await Deno.readTextFile(join(rendered, "analysis_summary.json")),
      );

      // The committed notebook carries the outputs of a clean run.
      const committed = JSON.parse(await Deno.readTextFile(join(ROOT, NOTEBOOK)));
      assert.deepEqual(
        outputsOf(committed),
        outputsOf(first),
        "the committed notebook's outputs are stale: run `deno task notebook` and commit it",
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
