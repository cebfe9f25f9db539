/**
 * The notebook executed headless on the Deno kernel, several times in a row (3 here, 20 with
 * `deno task notebook:repeat`): every cell's outputs present (each table a cell shows, each
 * figure it saves shown as a PNG at its own size, each printed report), identical run after run
 * and equal to the committed notebook's. (That its saved files are the render task's, byte for
 * byte: render_notebook_test.ts.)
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { executeNotebook, hasPythonModules, NOTEBOOK } from "../cli/notebook.ts";
import { svgSize } from "../lib/export/svg.ts";
import { SHOWN_DENSITY } from "../lib/display/figure_png.ts";
import { type Cell, codeCells, text } from "./helpers/notebook_json.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const RUNS = Number(Deno.env.get("SWEEP_NOTEBOOK_RUNS") ?? 3);
const hasNbclient = await hasPythonModules(["nbclient", "nbformat"]);
if (!hasNbclient) {
  console.log("skipped: executing the notebook (install Debian's python3-nbclient)");
}

/** Executes the notebook (its files saved into `dir`) and returns it parsed. */
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

/** The text from `open` (an index of `(`) to its matching `)`. */
function callText(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "(") depth++;
    else if (source[i] === ")" && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

/** Tables a cell shows: its `out.table` calls but those with `show: false`, and its `show` calls. */
function shownTables(source: string): number {
  const tables = [...source.matchAll(/\bout\.table\(/g)]
    .filter((m) => !/\bshow: false\b/.test(callText(source, m.index + m[0].length - 1)));
  return tables.length + [...source.matchAll(/(?<![.\w])show\(/g)].length;
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(base64: string): { width: number; height: number } {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  assert.equal(new TextDecoder().decode(bytes.slice(1, 4)), "PNG");
  const view = new DataView(bytes.buffer);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Every code cell has its outputs: no error; printed text where it prints; one HTML table per
 * table it shows (the robustness cell: its four); one PNG per figure it saves, titled with the
 * figure's name and shown at the saved SVG's size (1 pixel per CSS pixel); never an SVG output.
 */
async function assertComplete(nb: { cells: Cell[] }, saved: string): Promise<void> {
  let figures = 0;
  for (const [i, cell] of codeCells(nb).entries()) {
    const source = text(cell.source), outputs = cell.outputs ?? [];
    const where = `code cell ${i + 1}: ${source.split("\n")[0]}`;
    assert.ok(!outputs.some((o) => o.output_type === "error"), `${where}: error`);
    const shown = (mime: string) => outputs.filter((o) => o.data && mime in o.data);
    const printed = outputs.some((o) => o.output_type === "stream");
    if (source.includes("console.log(")) assert.ok(printed, `${where}: printed text`);
    const tables = shownTables(source) + (source.includes("robustnessTables(") ? 4 : 0);
    assert.equal(shown("text/html").length, tables, `${where}: tables`);
    const names = [...source.matchAll(/\bout\.figure\(\s*"([^"]+)"/g)].map((m) => m[1]);
    const images = shown("image/png");
    assert.deepEqual(
      images.map((o) => text(o.data!["text/plain"])),
      names.map((name) => `[figure: ${name}]`),
      `${where}: figures`,
    );
    for (const [k, image] of images.entries()) {
      const css = svgSize(await Deno.readTextFile(join(saved, `${names[k]}.svg`)));
      assert.deepEqual(image.metadata?.["image/png"], css, `${names[k]}: shown at its own size`);
      const px = pngSize(text(image.data!["image/png"]));
      assert.ok(Math.abs(px.width - css.width * SHOWN_DENSITY) <= 1, `${names[k]}: ${px.width} px`);
      assert.ok(Math.abs(px.height - css.height * SHOWN_DENSITY) <= 1, `${names[k]}: ${px.height}`);
    }
    figures += images.length;
  }
  const saves = codeCells(nb).flatMap((c) => [...text(c.source).matchAll(/\bout\.figure\(/g)]);
  assert.equal(figures, saves.length, "every figure the notebook saves is shown");
  assert.equal(figures, 13);
  assert.ok(!JSON.stringify(nb).includes("image/svg+xml"), "no SVG output (untrusted: not shown)");
}

/** The first column of every row of every HTML table whose first header is `model`. */
function modelColumns(nb: { cells: Cell[] }): string[][] {
  const tables = codeCells(nb).flatMap((c) => c.outputs ?? [])
    .map((o) => o.data?.["text/html"]).filter((html) => html !== undefined)
    .flatMap((html) => text(html!).split("</table>"));
  return tables.filter((t) => /<thead><tr><th[^>]*>model</.test(t))
    .map((t) => [...t.matchAll(/<tr><td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]));
}

const outputsOf = (nb: { cells: Cell[] }) => codeCells(nb).map((c) => c.outputs);

Deno.test({
  name: `the notebook runs ${RUNS} times in a row with every output, identical each time`,
  ignore: !hasNbclient,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "sweep-notebook-test-" });
    try {
      const first = await execute(dir);
      await assertComplete(first, dir);
      for (let run = 2; run <= RUNS; run++) {
        const again = await execute(dir);
        assert.deepEqual(outputsOf(again), outputsOf(first), `run ${run} differs from run 1`);
      }

      // Every table shown lists models in the figures' order (by size), never as strings.
      const columns = modelColumns(first);
      assert.ok(columns.length >= 6, `${columns.length} tables with a model column`);
      for (const models of columns) {
        const sorted = [...models].sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b));
        assert.deepEqual(models, sorted, "a table shows its models out of the figures' order");
      }

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
