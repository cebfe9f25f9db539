/**
 * The project notebook used as a person uses it (issue 18): a copy served by Jupyter Notebook 6,
 * opened in headless Chromium, Kernel > Restart & Run All `SWEEP_INTERACTIVE_RUNS` times (at
 * least 8) while four busy processes load the CPU. After each run every code cell shows the
 * kinds of output the committed notebook has for it, in order (stream / display_data with its
 * MIME types / execute_result / error): nothing filed under another cell, no error.
 *
 * The copy lives in a temporary folder beside a `deno.json` that maps the project's imports to
 * absolute paths; it reads results/logit_diff_sweep and writes into another temporary folder
 * (`SWEEP_NOTEBOOK_OUT`), so nothing is written into the repository. `SWEEP_INTERACTIVE_REFERENCE`
 * may name another executed copy of the notebook to compare with (default: the committed one).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { hasPythonModules, NOTEBOOK } from "../cli/notebook.ts";
import { CHROMIUM, runs, withPage } from "./helpers/chromium.ts";
import { withCpuLoad } from "./helpers/cpu_load.ts";
import { withJupyterHome, withNotebookServer } from "./helpers/jupyter.ts";
import { waitFor } from "./helpers/page_checks.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const REFERENCE = Deno.env.get("SWEEP_INTERACTIVE_REFERENCE") ?? join(ROOT, NOTEBOOK);
const DATA_DIR = join(ROOT, "results/logit_diff_sweep");
const RUNS = Math.max(8, Number(Deno.env.get("SWEEP_INTERACTIVE_RUNS") ?? 8) || 8);
const BUSY = 4;

const hasChromium = await runs(CHROMIUM);
const hasNotebook = await hasPythonModules(["notebook"]);

type Output = Record<string, unknown>;
type Cell = { cell_type: string; source: string | string[]; outputs?: Output[] };

/**
 * An output's kind: `stream`, `execute_result`, `error`, or `display_data` with its MIME types;
 * consecutive streams count as one (Notebook 6 joins them).
 */
function kinds(outputs: Output[]): string[] {
  const list = outputs.map((o) =>
    o.output_type === "display_data"
      ? `display_data[${Object.keys(o.data as object).sort().join(", ")}]`
      : String(o.output_type)
  );
  return list.filter((kind, i) => !(kind === "stream" && list[i - 1] === "stream"));
}

/** Page script: true once every code cell has run and the kernel is idle. */
const DONE = `(() => {
  const nb = Jupyter.notebook;
  return !nb.kernel_busy && nb.get_cells().every((c) =>
    c.cell_type !== "code" || typeof c.input_prompt_number === "number");
})()`;

/** Writes the notebook's copy (outputs cleared, DATA_DIR absolute) and its deno.json. */
async function writeCopy(dir: string, notebook: { cells: Cell[] }): Promise<void> {
  const line = `let DATA_DIR = "../results/logit_diff_sweep";`;
  const cells = notebook.cells.map((cell) => {
    if (cell.cell_type !== "code") return cell;
    const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    return {
      ...cell,
      source: source.replace(line, `let DATA_DIR = ${JSON.stringify(DATA_DIR)};`),
      outputs: [],
      execution_count: null,
    };
  });
  assert.ok(
    cells.some((c) => String(c.source).includes(JSON.stringify(DATA_DIR))),
    `the parameters cell no longer has ${line}`,
  );
  await Deno.writeTextFile(join(dir, "sweep.ipynb"), JSON.stringify({ ...notebook, cells }));
  const config = JSON.parse(await Deno.readTextFile(join(ROOT, "deno.json")));
  const imports = { ...config.imports, "@lib/": new URL("lib/", `file://${ROOT}`).href };
  await Deno.writeTextFile(
    join(dir, "deno.json"),
    JSON.stringify({ compilerOptions: config.compilerOptions, imports }),
  );
}

Deno.test({
  name: `Restart & Run All in Jupyter Notebook 6 under load: every output under its own cell`,
  ignore: !(hasNotebook && hasChromium) &&
    (console.log(
      "skipped: Jupyter Notebook in Chromium (install Debian's jupyter-notebook and chromium)",
    ),
      true),
  async fn() {
    const reference = JSON.parse(await Deno.readTextFile(REFERENCE)) as { cells: Cell[] };
    const code = reference.cells.filter((c) => c.cell_type === "code");
    const expected = code.map((c) => kinds(c.outputs ?? []));
    assert.ok(
      expected.some((k) => k.length > 0),
      `${REFERENCE} has no outputs: run \`deno task notebook\` first`,
    );
    await withJupyterHome(async (jupyterEnv, dir) => {
      const root = join(dir, "notebook"), out = join(dir, "out");
      await Deno.mkdir(root);
      await Deno.mkdir(out);
      await writeCopy(root, reference);
      const env = { ...jupyterEnv, SWEEP_NOTEBOOK_OUT: out };
      await withCpuLoad(
        BUSY,
        () =>
          withNotebookServer(root, env, (url) =>
            withPage(async (page) => {
              await page.goto(`${url}notebooks/sweep.ipynb`);
              await waitFor(page, "window.Jupyter?.notebook?._fully_loaded", 60);
              await waitFor(page, "Jupyter.notebook.kernel?.is_connected()", 60);
              for (let run = 1; run <= RUNS; run++) {
                const started = performance.now();
                await page.evaluate(`Jupyter.notebook.restart_run_all({ confirm: false })
                .then(() => new Promise((r) => setTimeout(r, 500)))`);
                await waitFor(page, DONE, 900);
                await new Promise((resolve) => setTimeout(resolve, 1000)); // a late output's chance
                const shown = await page.evaluate<Output[][]>(
                  `Jupyter.notebook.get_cells().filter((c) => c.cell_type === "code")
                  .map((c) => c.output_area.toJSON())`,
                );
                const seconds = ((performance.now() - started) / 1000).toFixed(1);
                console.log(`run ${run} of ${RUNS}: ${seconds} s`);
                assert.equal(shown.length, code.length, "code cells");
                shown.forEach((outputs, i) => {
                  const where = `run ${run}, code cell ${i + 1}`;
                  const errors = outputs.filter((o) => o.output_type === "error");
                  assert.deepEqual(
                    errors.map((e) => `${e.ename}: ${e.evalue}`),
                    [],
                    `${where}: an error`,
                  );
                  assert.deepEqual(kinds(outputs), expected[i], `${where}: output kinds`);
                });
              }
            })),
      );
    });
  },
});
