/**
 * The headless runner (scripts/execute_notebook.py via cli/notebook.ts) against the Deno
 * kernel's late outputs: a notebook of 30 one-line cells whose outputs the kernel may publish
 * after `idle` keeps every output, run after run, and the kernelspec lives in a temporary folder.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { executeNotebook, hasPythonModules, kernelSpec, privateJupyter } from "../cli/notebook.ts";
import { type Cell, codeCells, text } from "./helpers/notebook_json.ts";

const hasNbclient = await hasPythonModules(["nbclient", "nbformat"]);
const CELLS = 30;

/** Bare expressions, console.log and display: each must give exactly its one output. */
function lateOutputNotebook(): object {
  const sources = Array.from(
    { length: CELLS },
    (_, i) =>
      [
        `({ cell: ${i} })`,
        `console.log("cell ${i}")`,
        `await Deno.jupyter.display({ "text/plain": "cell ${i}" }, { raw: true })`,
      ][i % 3],
  );
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    cells: [
      // The old runner's bug: an outputs key on a markdown cell (invalid nbformat); cleaned up.
      { cell_type: "markdown", id: "intro", metadata: {}, source: "# Late outputs", outputs: [] },
      ...sources.map((source, i) => ({
        cell_type: "code",
        id: `c${i}`,
        metadata: {},
        source,
        outputs: [],
        execution_count: null,
      })),
    ],
  };
}

Deno.test("privateJupyter writes a kernelspec for this Deno in the given folder only", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sweep-jupyter-test-" });
  try {
    const env = await privateJupyter(dir);
    const spec = JSON.parse(
      await Deno.readTextFile(join(env.JUPYTER_DATA_DIR, "kernels/deno/kernel.json")),
    );
    assert.deepEqual(spec, kernelSpec(Deno.execPath()));
    assert.equal(spec.argv[0], Deno.execPath());
    for (const value of Object.values(env).filter((v) => v.startsWith("/"))) {
      assert.ok(value.startsWith(dir), `${value} is inside ${dir}`);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test({
  name: "no late output is lost: 30 cells, 3 runs, every output each time; markdown stays bare",
  ignore: !hasNbclient,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "sweep-notebook-test-" });
    try {
      const path = join(dir, "late.ipynb");
      await Deno.writeTextFile(path, JSON.stringify(lateOutputNotebook()));
      for (let run = 1; run <= 3; run++) {
        assert.equal(await executeNotebook(path, { quiet: true }), 0);
        const nb: { cells: Cell[] } = JSON.parse(await Deno.readTextFile(path));
        assert.ok(!("outputs" in nb.cells[0]), "the markdown cell lost its invalid outputs key");
        const shown = codeCells(nb).map((c, i) => {
          const outputs = c.outputs ?? [];
          const body = outputs.map((o) => text(o.text ?? o.data?.["text/plain"] ?? ""));
          return outputs.length === 1 && body[0].includes(String(i)) ? 1 : 0;
        });
        assert.equal(
          shown.reduce((a: number, b) => a + b, 0),
          CELLS,
          `run ${run}: ${shown.join("")}`,
        );
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
