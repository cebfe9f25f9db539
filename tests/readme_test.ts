/**
 * The README's claims about the notebook, checked against the notebook: its code samples are
 * the notebook's own lines, and the counts it states are what render writes.
 */
import assert from "node:assert/strict";
import { readNotebook } from "../lib/notebook/ipynb.ts";
import { cellSource } from "../lib/notebook/ipynb.ts";

const README = await Deno.readTextFile(new URL("../README.md", import.meta.url));
const NOTEBOOK = new URL("../notebooks/logit_diff_sweep.ipynb", import.meta.url).pathname;

/** The lines of the README's TypeScript code blocks, trimmed, without elisions. */
function sampleLines(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((b) => b.split("\n")).map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("...") && !l.startsWith(") ..."));
}

Deno.test("every line of the README's code samples is a line of the notebook's code", async () => {
  const notebook = await readNotebook(NOTEBOOK);
  const code = new Set(
    notebook.cells.filter((c) => c.cell_type === "code")
      .flatMap((c) => cellSource(c).split("\n").map((l) => l.trim())),
  );
  const lines = sampleLines(README);
  assert.ok(lines.length >= 10, "the README shows notebook code");
  assert.deepEqual(lines.filter((l) => !code.has(l)), []);
});

Deno.test("the README's counts of figures and files are the notebook's", async () => {
  const notebook = await readNotebook(NOTEBOOK);
  const code = notebook.cells.filter((c) => c.cell_type === "code").map(cellSource).join("\n");
  const count = (re: RegExp) => [...code.matchAll(re)].length;
  const [, figures, tables, json] = /saves (\d+) figures, (\d+) tables and (\d+) JSON files/
    .exec(README.replace(/\s+/g, " "))!;
  assert.equal(count(/out\.figure\("/g), Number(figures));
  assert.equal(count(/out\.table\(\s*"/g), Number(tables));
  assert.equal(count(/out\.json\("/g), Number(json));
});
