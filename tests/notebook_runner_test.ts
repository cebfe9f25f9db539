/**
 * The headless runner (scripts/execute_notebook.py) against the Deno kernel's late outputs: the
 * stress notebook (printed lines then a table broadcast as display_data, bare expressions), run
 * while two busy processes load the CPU, keeps every cell's outputs in order, run after run, with
 * execution counts 1..N; and the kernelspec lives in a temporary folder.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  executeNotebook,
  hasPythonModules,
  kernelSpec,
  privateJupyter,
  PYTHON,
} from "../cli/notebook.ts";
import { inTemp } from "./helpers/temp_dir.ts";
import { lateOutputs, runOnce, withStressRun } from "./helpers/late_output_bench.ts";
import { type Cell, codeCells } from "./helpers/notebook_json.ts";
import { incompleteCells, stressNotebook } from "./helpers/stress_notebook.ts";

const hasNbclient = await hasPythonModules(["nbclient", "nbformat"]);
const CELLS = 30, RUNS = 3;
const SHAPE = { lines: 20, rows: 400 };
const RUNNER = new URL("../scripts/execute_notebook.py", import.meta.url).pathname;

Deno.test("privateJupyter writes a kernelspec for this Deno in the given folder only", async () => {
  await inTemp(async (dir) => {
    const env = await privateJupyter(dir);
    const spec = JSON.parse(
      await Deno.readTextFile(join(env.JUPYTER_DATA_DIR, "kernels/deno/kernel.json")),
    );
    assert.deepEqual(spec, kernelSpec(Deno.execPath()));
    assert.equal(spec.argv[0], Deno.execPath());
    for (const value of Object.values(env).filter((v) => v.startsWith("/"))) {
      assert.ok(value.startsWith(dir), `${value} is inside ${dir}`);
    }
  });
});

Deno.test({
  name: `under CPU load no output is lost: ${CELLS} cells, ${RUNS} runs, all in order, counts 1..N`,
  ignore: !hasNbclient,
  async fn() {
    const late = { afterIdle: 0, stampedWithProbe: 0 };
    await withStressRun(CELLS, SHAPE, 2, async (dir, env) => {
      for (let run = 1; run <= RUNS; run++) {
        const { lost, log } = await runOnce(dir, env, RUNNER, SHAPE);
        assert.deepEqual(lost, [], `run ${run}: cells with missing or reordered outputs`);
        const nb: { cells: Cell[] } = JSON.parse(
          await Deno.readTextFile(join(dir, "executed.ipynb")),
        );
        const counts = codeCells(nb).map((c) =>
          (c as { execution_count?: number }).execution_count
        );
        assert.deepEqual(counts, Array.from({ length: CELLS }, (_, i) => i + 1), `run ${run}`);
        assert.ok(!("outputs" in nb.cells[0]), "the markdown cell lost its invalid outputs key");
        assert.ok(!JSON.stringify(nb).includes("execute-notebook-probe"), "no probe marker kept");
        assert.equal(log.match(/^cell +\d+: +\d+\.\d{3} s /gm)?.length, CELLS, "a line per cell");
        const kept = lateOutputs(log);
        late.afterIdle += kept.afterIdle;
        late.stampedWithProbe += kept.stampedWithProbe;
      }
    });
    // The load really sprang the trap: outputs arrived after their cell's idle.
    assert.ok(late.afterIdle > 0, "no late output happened: the test did not exercise the trap");
    console.log(
      `late outputs kept: ${late.afterIdle} after idle, ` +
        `${late.stampedWithProbe} stamped with the probe`,
    );
  },
});

Deno.test({
  name: "executeNotebook runs a notebook in place through a temporary kernelspec",
  ignore: !hasNbclient,
  async fn() {
    await inTemp(async (dir) => {
      const path = join(dir, "small.ipynb");
      await Deno.writeTextFile(path, JSON.stringify(stressNotebook(3)));
      assert.equal(await executeNotebook(path, { quiet: true }), 0);
      assert.deepEqual(incompleteCells(JSON.parse(await Deno.readTextFile(path))), []);
    });
  },
});

Deno.test({
  name: "a failing cell: exit 1, one line naming the notebook, the cell and the error; no output",
  ignore: !hasNbclient,
  async fn() {
    await inTemp(async (dir) => {
      const nb = stressNotebook(2);
      nb.cells.push({
        cell_type: "code",
        id: "boom",
        metadata: {},
        source: 'throw new Error("boom")',
        outputs: [],
        execution_count: null,
      });
      const path = join(dir, "failing.ipynb"), output = join(dir, "out.ipynb");
      await Deno.writeTextFile(path, JSON.stringify(nb));
      const { code, stderr } = await new Deno.Command(PYTHON, {
        args: [RUNNER, path, "--output", output],
        env: await privateJupyter(join(dir, "jupyter")),
        stdout: "null",
        stderr: "piped",
      }).output();
      assert.equal(code, 1);
      const lines = new TextDecoder().decode(stderr).split("\n")
        .filter((line) => line && !line.includes('"deno jupyter" is unstable'));
      assert.deepEqual(lines, [`error: ${path}: cell 4 failed: Error: boom`]);
      await assert.rejects(Deno.stat(output), Deno.errors.NotFound, "no output written");
    });
  },
});
