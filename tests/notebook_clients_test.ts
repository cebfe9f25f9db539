/**
 * The committed notebook in the clients people use, unexecuted and untrusted: the nbformat
 * schema, Debian's nbconvert HTML in headless Chromium, and Jupyter Notebook 6 in headless
 * Chromium. Each check skips, saying why, where its tool is missing.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { hasPythonModules, NOTEBOOK, PYTHON } from "../cli/notebook.ts";
import { CHROMIUM, type Page, runs, withPage } from "./helpers/chromium.ts";
import { withJupyterHome, withNotebookServer } from "./helpers/jupyter.ts";
import { inspectOutputs, type PageOutputs, waitFor } from "./helpers/page_checks.ts";
import { codeCells, text } from "./helpers/notebook_json.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const COMMITTED = join(ROOT, NOTEBOOK);
/** Every figure the notebook's cells save: the original's 9, the robustness figure, the comparisons'. */
const FIGURES = codeCells(JSON.parse(await Deno.readTextFile(COMMITTED)))
  .flatMap((c) => [...text(c.source).matchAll(/\bout\.figure\(/g)]).length;
/** Jupyter Notebook's output area, in CSS pixels. */
const OUTPUT_AREA = 980;

const hasNbformat = await hasPythonModules(["nbformat"]);
const hasNbconvert = await hasPythonModules(["nbconvert"]);
const hasChromium = await runs(CHROMIUM);
const hasNotebook = await hasPythonModules(["notebook"]);
const skip = (what: string, pkg: string) =>
  console.log(`skipped: ${what} (install Debian's ${pkg}; .ci/run does)`);

/** With SWEEP_SCREENSHOT=/tmp/shot, saves the page as /tmp/shot-NAME.png to look at. */
async function screenshot(page: Page, name: string): Promise<void> {
  const prefix = Deno.env.get("SWEEP_SCREENSHOT");
  if (prefix) await page.screenshot(`${prefix}-${name}.png`);
}

/**
 * Every figure decoded, none broken, none wider than its output area; no table wider than
 * Notebook's output area, no cell wrapped.
 */
function assertReadable(outputs: PageOutputs, where: string): void {
  const broken = outputs.images.filter((i) => i.naturalWidth === 0);
  assert.equal(broken.length, 0, `${where}: broken images ${JSON.stringify(broken)}`);
  assert.equal(outputs.images.length, FIGURES, `${where}: figures shown`);
  for (const table of outputs.tables) {
    assert.ok(table.width <= OUTPUT_AREA, `${where}: a table is ${table.width} px wide`);
    assert.deepEqual(table.wrapped, [], `${where}: cells wrap`);
  }
  for (const { shownWidth, areaWidth } of outputs.images) {
    assert.ok(
      shownWidth <= areaWidth + 0.5,
      `${where}: a ${shownWidth} px figure in ${areaWidth} px`,
    );
  }
}

Deno.test({
  name: "the committed notebook is valid nbformat 4 (nbformat.validate)",
  ignore: !hasNbformat && (skip("nbformat.validate", "python3-nbformat"), true),
  async fn() {
    const script = "import sys, nbformat\nnbformat.validate(nbformat.read(sys.argv[1], 4))";
    const { code, stderr } = await new Deno.Command(PYTHON, {
      args: ["-c", script, COMMITTED],
      stderr: "piped",
    }).output();
    assert.equal(code, 0, new TextDecoder().decode(stderr));
  },
});

Deno.test({
  name: "nbconvert's HTML of the committed notebook shows every figure in Chromium",
  ignore: !(hasNbconvert && hasChromium) &&
    (skip("nbconvert HTML in Chromium", "python3-nbconvert and chromium"), true),
  async fn() {
    await withJupyterHome(async (env, dir) => {
      const { code, stderr } = await new Deno.Command(PYTHON, {
        args: ["-m", "nbconvert", "--to", "html", "--output-dir", dir, COMMITTED],
        env,
        stdout: "null",
        stderr: "piped",
      }).output();
      const log = new TextDecoder().decode(stderr);
      assert.equal(code, 0, log);
      assert.doesNotMatch(log, /invalid|validation/i, "nbconvert reports an invalid notebook");
      const html = join(dir, "logit_diff_sweep.html");
      const outputs = await withPage(async (page) => {
        await page.goto(`file://${html}`);
        await screenshot(page, "nbconvert");
        return await inspectOutputs(page, ".jp-OutputArea-output, .output_area");
      });
      assertReadable(outputs, "nbconvert HTML");
    });
  },
});

Deno.test({
  name: "Jupyter Notebook 6 opens the committed notebook untrusted: no dialog, every figure",
  ignore: !(hasNotebook && hasChromium) &&
    (skip("Jupyter Notebook in Chromium", "jupyter-notebook and chromium"), true),
  async fn() {
    await withJupyterHome(async (env, dir) => {
      const root = join(dir, "notebooks");
      await Deno.mkdir(root);
      await Deno.copyFile(COMMITTED, join(root, "logit_diff_sweep.ipynb"));
      await withNotebookServer(root, env, async (url) => {
        const outputs = await withPage(async (page) => {
          await page.goto(`${url}notebooks/logit_diff_sweep.ipynb`);
          await waitFor(page, "window.Jupyter?.notebook?._fully_loaded", 60);
          assert.equal(await page.evaluate<boolean>("Jupyter.notebook.trusted"), false);
          await page.evaluate("document.querySelectorAll('.output_png img')[2]?.scrollIntoView()");
          await screenshot(page, "notebook6");
          return await inspectOutputs(page, ".output_area");
        });
        assert.deepEqual(
          outputs.dialogs.filter((d) => /validation|failed|error/i.test(d)),
          [],
          "an error dialog",
        );
        assertReadable(outputs, "Jupyter Notebook 6");
      });
    });
  },
});
