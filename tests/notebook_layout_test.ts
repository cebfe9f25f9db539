/**
 * How the committed notebook reads, without executing it: its cells are the ones the pipeline
 * description generates, outputs only on code cells, tables in the model order of the figures,
 * markdown before the output it introduces.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { NOTEBOOK } from "../cli/notebook.ts";
import { notebookCells } from "../lib/pipeline/notebook.ts";
import { type Cell, codeCells, text } from "./helpers/notebook_json.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const nb: { cells: Cell[] } = JSON.parse(await Deno.readTextFile(join(ROOT, NOTEBOOK)));

/** Model size in billions of parameters from a name like "14B" (the figures' order). */
const size = (model: string) => Number.parseFloat(model);

/** The first column of every row of every HTML table whose first header is `model`. */
function modelColumns(cells: Cell[]): string[][] {
  const tables = cells.flatMap((c) => c.outputs ?? [])
    .map((o) => o.data?.["text/html"]).filter((html) => html !== undefined)
    .flatMap((html) => text(html!).split("</table>"));
  return tables.filter((t) => /<thead><tr><th[^>]*>model</.test(t))
    .map((t) => [...t.matchAll(/<tr><td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]));
}

Deno.test("the committed notebook's cells are the pipeline description's", () => {
  const generated = notebookCells();
  assert.deepEqual(
    nb.cells.map((c) => [c.cell_type, text(c.source)]),
    generated.map((c) => [c.cell_type, c.source.join("")]),
    "the notebook is stale: run `deno task notebook` and commit it",
  );
});

Deno.test("only code cells carry outputs or execution counts", () => {
  for (const cell of nb.cells.filter((c) => c.cell_type !== "code")) {
    assert.ok(!("outputs" in cell), `markdown cell "${text(cell.source).slice(0, 40)}"`);
    assert.ok(!("execution_count" in cell));
  }
});

Deno.test("every table lists models in the figures' order (by size), never as strings", () => {
  const columns = modelColumns(codeCells(nb));
  assert.ok(columns.length >= 6, `${columns.length} tables with a model column`);
  for (const models of columns) {
    const sorted = [...models].sort((a, b) => size(a) - size(b));
    assert.deepEqual(models, sorted);
  }
});

Deno.test("each markdown heading comes before the output it introduces", () => {
  const index = (pred: (c: Cell) => boolean) => nb.cells.findIndex(pred);
  const heading = index((c) =>
    c.cell_type === "markdown" && /^## Best Layer Position/.test(text(c.source))
  );
  const cell = index((c) => text(c.source).includes('show(results, "best_layer_position_report"'));
  assert.ok(heading >= 0 && cell >= 0);
  assert.equal(heading + 1, cell, "the heading sits right above the cell it describes");
  assert.equal(
    nb.cells.at(-1)?.cell_type,
    "code",
    "the notebook ends with an output, not a heading",
  );
});

Deno.test("the committed notebook stays under 1.2 MB (the original executed one is 1.5 MB)", async () => {
  const { size } = await Deno.stat(join(ROOT, NOTEBOOK));
  assert.ok(size < 1.2e6, `${(size / 1e6).toFixed(2)} MB`);
});
