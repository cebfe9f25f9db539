/**
 * How the committed notebook reads, without executing it: written by hand (no generator), its
 * parameters cell declares what the render task injects, outputs only on code cells, tables in
 * the model order of the figures, each heading followed by the cells it introduces, and the
 * notebook ends with an output. (Its twinship with the original: notebook_twins_test.ts; that its
 * outputs are a clean run's: notebook_test.ts.)
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { NOTEBOOK } from "../cli/notebook.ts";
import { parseRenderArgs } from "../cli/args.ts";
import { notebookParameters } from "../cli/render.ts";
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

Deno.test("the parameters cell declares, with let, every parameter the render task injects", () => {
  const tagged = nb.cells.filter((c) =>
    c.cell_type === "code" &&
    ((c as { metadata?: { tags?: string[] } }).metadata?.tags ?? []).includes("parameters")
  );
  assert.equal(tagged.length, 1, "one cell tagged parameters");
  const declared = [...text(tagged[0].source).matchAll(/^let ([A-Z_]+)\b/gm)].map((m) => m[1]);
  const injected = Object.keys(notebookParameters(
    parseRenderArgs(["--models", "4B", "--concepts", "a", "--layer-counts", "4B=36"]),
  ));
  for (const name of injected) assert.ok(declared.includes(name), `${name} is not declared`);
  assert.deepEqual(declared.sort(), [...injected].sort());
  // The cell holds the defaults and nothing else: no output is saved or loaded there.
  assert.doesNotMatch(text(tagged[0].source), /\bout\.|loadSweep|await /);
});

Deno.test("only code cells carry outputs or execution counts", () => {
  for (const cell of nb.cells.filter((c) => c.cell_type !== "code")) {
    assert.ok(!("outputs" in cell), `markdown cell "${text(cell.source).slice(0, 40)}"`);
    assert.ok(!("execution_count" in cell));
  }
});

Deno.test("every table lists models in the figures' order (by size), never as strings", () => {
  const columns = modelColumns(codeCells(nb));
  assert.ok(
    columns.length >= 6,
    `${columns.length} tables with a model column: the committed notebook carries no outputs ` +
      "(run `deno task notebook` and commit it)",
  );
  for (const models of columns) {
    const sorted = [...models].sort((a, b) => size(a) - size(b));
    assert.deepEqual(models, sorted);
  }
});

Deno.test("a title first; each heading comes before the cells it introduces; an output last", () => {
  const first = nb.cells[0];
  assert.equal(first.cell_type, "markdown");
  assert.match(text(first.source), /^# Logit Diff Layer Sweep Analysis/);
  const headings = nb.cells.flatMap((c, i) =>
    c.cell_type === "markdown" && /^## /m.test(text(c.source)) ? [i] : []
  );
  assert.ok(headings.length >= 10, `${headings.length} headings`);
  for (const [k, at] of headings.entries()) {
    const end = headings[k + 1] ?? nb.cells.length;
    const section = nb.cells.slice(at + 1, end);
    const title = text(nb.cells[at].source).split("\n")[0];
    assert.ok(section.some((c) => c.cell_type === "code"), `"${title}" introduces no code cell`);
  }
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
