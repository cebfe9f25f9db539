import assert from "node:assert/strict";
import { join } from "node:path";
import { executeNotebook, NOTEBOOK } from "../cli/notebook.ts";

const ROOT = new URL("..", import.meta.url).pathname;

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
  text?: string | string[];
}
interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}

const text = (source: string | string[]) => Array.isArray(source) ? source.join("") : source;
const codeCells = (nb: { cells: Cell[] }) => nb.cells.filter((c) => c.cell_type === "code");

async function render(out: string) {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "cli/render.ts"), "--no-figures", "--out", out],
    cwd: ROOT,
    stderr: "piped",
    stdout: "null",
  }).output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
}

Deno.test("the notebook runs top to bottom on the Deno kernel with every output", async () => {
  const dir = await Deno.makeTempDir({ prefix: "notebook-test-" });
  const executed = join(dir, "executed.ipynb");
  const code = await executeNotebook(join(ROOT, NOTEBOOK), {
    output: executed,
    env: { SWEEP_NOTEBOOK_OUT: dir },
  });
  assert.equal(code, 0, "a cell failed (see the output above)");
  const nb = JSON.parse(await Deno.readTextFile(executed));
  for (const [i, cell] of codeCells(nb).entries()) {
    const source = text(cell.source), outputs = cell.outputs ?? [];
    const where = `code cell ${i + 1}: ${source.split("\n")[0]}`;
    assert.ok(!outputs.some((o) => o.output_type === "error"), `${where}: error`);
    const has = (mime: string) => outputs.some((o) => o.data && mime in o.data);
    if (source.includes("figureBundle(")) assert.ok(has("image/svg+xml"), `${where}: figure`);
    if (source.includes("tableBundle(")) assert.ok(has("text/html"), `${where}: table`);
    if (source.includes("console.log(")) {
      assert.ok(outputs.some((o) => o.output_type === "stream"), `${where}: printed text`);
    }
  }
  const figures = codeCells(nb).flatMap((c) => c.outputs ?? [])
    .filter((o) => o.data && "image/svg+xml" in o.data);
  assert.equal(figures.length, 10, "the 9 figures of the original and the robustness figure");

  // The summary the notebook saves equals the render task's, byte for byte.
  const rendered = join(dir, "render");
  await render(rendered);
  assert.equal(
    await Deno.readTextFile(join(dir, "analysis_summary.json")),
    await Deno.readTextFile(join(rendered, "analysis_summary.json")),
  );

  // The committed notebook carries the outputs of a clean run.
  const committed = JSON.parse(await Deno.readTextFile(join(ROOT, NOTEBOOK)));
  const outputsOf = (n: { cells: Cell[] }) => codeCells(n).map((c) => c.outputs);
  assert.deepEqual(
    outputsOf(committed),
    outputsOf(nb),
    "the committed notebook's outputs are stale: run `deno task notebook` and commit it",
  );
});
