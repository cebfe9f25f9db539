import assert from "node:assert/strict";
import { codeCells, text } from "./helpers/notebook_json.ts";
import { NOTEBOOK, ROOT } from "./helpers/render_run.ts";

const notebook = JSON.parse(await Deno.readTextFile(NOTEBOOK));

/** The numbers of the notebook's code cells, counted from 1 with every cell. */
const CELLS = (notebook.cells as { cell_type: string }[])
  .flatMap((cell, i) => cell.cell_type === "code" ? [i + 1] : []);

/** The figures the notebook's cells save, by name. */
const FIGURES = codeCells(notebook)
  .flatMap((c) => [...text(c.source).matchAll(/\bout\.figure\(\s*"([^"]+)"/g)].map((m) => m[1]));

// Every unit the bench prints: a time is `85 ms` or `1.32 s` (a loaded machine turns one into the
// other), memory `994 MB` or `1.27 GB`, a ratio `6.8x` or `1.05x`.
const TIME = String.raw`(?:\d+ ms|\d+\.\d\d s)`;
const MEMORY = String.raw`(?:\d+ MB|\d+\.\d\d GB)`;
const RATIO = String.raw`\d+\.\d{1,2}x (?:faster|slower)`;
const line = (pattern: string) => new RegExp(`^${pattern}$`, "m");

Deno.test("bench times the notebook's cells, then deno task render beside a baseline", async () => {
  const { code, stdout } = await new Deno.Command(Deno.execPath(), {
    args: [
      "task", // as the README runs it: the task's permissions let it read its children's CPU time
      "bench",
      "--runs",
      "1",
      "--skip-large",
      "--skip-original",
      "--baseline", // this checkout serves as its own baseline (any checkout of the project does)
      ROOT,
    ],
    cwd: ROOT,
    stderr: "inherit",
  }).output();
  const out = new TextDecoder().decode(stdout);
  assert.equal(code, 0);

  // the notebook's cells one by one, in one process
  assert.match(
    out,
    line(String.raw` {2}module: compile it, load its imports +${TIME} {3}peak RSS ${MEMORY}`),
  );
  assert.ok(CELLS.length > 30);
  for (const cell of CELLS) {
    assert.match(out, line(String.raw` {2}cell +${cell}  .+ +${TIME} {3}peak RSS ${MEMORY}`));
  }
  assert.match(
    out,
    line(String.raw` {2}PNG workers, after the last cell +${TIME} {3}peak RSS ${MEMORY}`),
  );
  assert.match(out, /^ {2}86,400 rows loaded in cell \d+: [\d,]+ rows\/s$/m);
  assert.match(out, /^ {2}slowest cells \(5 of \d+, \d+% of the run\):$/m);
  assert.equal(FIGURES.length, 13);
  for (const figure of FIGURES) {
    assert.match(out, line(String.raw` {4}figure ${figure}: png +${TIME} {3}peak RSS ${MEMORY}`));
  }
  assert.match(out, line(String.raw` {4}all 13 PNGs, one after another +${TIME}`));

  // whole processes: this render and the baseline's, interleaved
  const cpu = Deno.build.os === "linux" ? String.raw` {3}CPU ${TIME}` : ""; // from /proc
  const summary = (label: string) =>
    line(String.raw` {2}${label} +${TIME} {3}\(\d+\.\d\d-\d+\.\d\d s\)${cpu} {3}peak ${MEMORY}`);
  assert.match(out, summary("deno task render"));
  assert.match(
    out,
    line(String.raw` {4}steps \(medians, as printed by render\): notebook ${TIME}, write ${TIME}`),
  );
  assert.match(out, summary("baseline [0-9a-f]{7}"));
  assert.match(
    out,
    line(String.raw` {2}deno task render is ${RATIO} than the baseline [0-9a-f]{7} \(.+\)`),
  );
  assert.match(out, /original: skipped \(--skip-original\)/);

  // the report table
  const seconds = String.raw`\d+\.\d\d s \(\d+\.\d\d-\d+\.\d\d\)${
    cpu ? `, CPU ${TIME}` : ""
  }, peak ${MEMORY}`;
  assert.match(
    out,
    line(
      String.raw`\| \`deno task render\`, default data \(86,400 rows\) +\| ${seconds} +\| ` +
        String.raw`baseline [0-9a-f]{7}, same task: ${seconds} +\| ${RATIO} +\|`,
    ),
  );
});
