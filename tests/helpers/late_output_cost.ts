/**
 * What waiting for outputs costs a person: times Kernel > Restart & Run All of the project
 * notebook in Jupyter Notebook 6 (headless Chromium) for this checkout and a baseline checkout
 * (`--baseline DIR`, a copy of the project from before a change), interleaved, `--runs` times
 * each after a warm-up run of each, and prints the medians. The notebook saves its files into a
 * temporary folder (`SWEEP_NOTEBOOK_OUT`), removed afterwards.
 *
 *     deno run -A tests/helpers/late_output_cost.ts --baseline /tmp/base --runs 7
 * @module
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { NOTEBOOK, privateJupyter } from "../../cli/notebook.ts";
import { withPage } from "./chromium.ts";
import { withNotebookServer } from "./jupyter.ts";
import { waitFor } from "./page_checks.ts";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);

/** Page script: true once every code cell has run and the kernel is idle. */
const DONE = `(() => {
  const nb = Jupyter.notebook;
  return !nb.kernel_busy && nb.get_cells().every((c) =>
    c.cell_type !== "code" || typeof c.input_prompt_number === "number");
})()`;

/** The median of some numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b), mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: Deno.args,
    options: { baseline: { type: "string" }, runs: { type: "string", default: "5" } },
  });
  if (!values.baseline) throw new Error("--baseline DIR: a copy of the project to compare with");
  const checkouts = { this: ROOT, baseline: resolve(values.baseline) };
  const home = await Deno.makeTempDir({ prefix: "sweep-late-output-cost-" });
  try {
    const env = { ...await privateJupyter(join(home, "jupyter")), SWEEP_NOTEBOOK_OUT: home };
    // A server per checkout: its root is the checkout, so the notebook's kernel reads its
    // deno.json (import map) and its results.
    const times: Record<string, number[]> = { this: [], baseline: [] };
    const runs = Number(values.runs);
    for (let run = 0; run <= runs; run++) {
      for (const [name, root] of Object.entries(checkouts)) {
        const seconds = await withNotebookServer(root, env, (url) =>
          withPage(async (page) => {
            await page.goto(`${url}notebooks/${NOTEBOOK}`);
            await waitFor(page, "window.Jupyter?.notebook?._fully_loaded", 60);
            await waitFor(page, "Jupyter.notebook.kernel?.is_connected()", 60);
            await page.evaluate("Jupyter.notebook.restart_run_all({ confirm: false })");
            const started = performance.now();
            await waitFor(page, DONE, 600);
            return (performance.now() - started) / 1000;
          }));
        if (run > 0) times[name].push(seconds); // run 0 warms up
        console.log(`${run === 0 ? "warm-up" : `run ${run}`} ${name}: ${seconds.toFixed(2)} s`);
      }
    }
    for (const [name, list] of Object.entries(times)) {
      console.log(
        `${name} (${checkouts[name as keyof typeof checkouts]}): median ` +
          `${median(list).toFixed(2)} s of ${list.length} (${list.map((t) => t.toFixed(2))})`,
      );
    }
  } finally {
    await Deno.remove(home, { recursive: true });
  }
}

if (import.meta.main) await main();
