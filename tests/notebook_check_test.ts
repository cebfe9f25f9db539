/**
 * The committed notebook's code cells type-check and lint as the one module `deno task render`
 * runs (with the project's deno.json: compiler options, import map, lint rules); a problem is
 * reported at its cell and line. And `deno fmt` formats the code cells of a TypeScript notebook.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkNotebook, formatDiagnostic } from "../lib/notebook/mod.ts";
import { inTemp } from "./helpers/temp_dir.ts";
import { code, markdown, notebookText, writeNotebook } from "./helpers/small_notebook.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CONFIG = join(ROOT, "deno.json");
const NOTEBOOK = "notebooks/logit_diff_sweep.ipynb";

Deno.test(`${NOTEBOOK}: its code type-checks and lints as one module`, async () => {
  const diagnostics = await checkNotebook(join(ROOT, NOTEBOOK), { config: CONFIG });
  assert.deepEqual(
    diagnostics.map((d) => formatDiagnostic(d, NOTEBOOK)),
    [],
    diagnostics.map((d) => d.text).join("\n\n"),
  );
});

Deno.test("type and lint errors are reported at their cell and line", async () => {
  await inTemp(async (dir) => {
    const path = await writeNotebook(join(dir, "nb.ipynb"), [
      markdown("# Title"),
      code('let DATA_DIR = "../results"; // never reassigned here: a parameter', ["parameters"]),
      code('import { mean } from "d3-array";\nconst total: number = mean([1, 2]);'),
      markdown("## More"),
      code("console.log(DATA_DIR, total);\nconst unused = 1;"),
    ]);
    const diagnostics = await checkNotebook(path, { config: CONFIG });
    assert.deepEqual(diagnostics.map((d) => formatDiagnostic(d, "nb.ipynb")), [
      "nb.ipynb cell 3, line 2: TS2322: Type 'number | undefined' is not assignable to type " +
      "'number'.",
      "nb.ipynb cell 5, line 2: no-unused-vars: `unused` is never used",
    ]);
    assert.match(diagnostics[0].text, new RegExp(`at ${RegExp.escape(path)} cell 3, line 2`));
    assert.ok(!diagnostics.some((d) => /notebook-check-/.test(d.text)), "no temporary path");
  });
});

Deno.test("the temporary module of a check is removed", async () => {
  await inTemp(async (dir) => {
    const path = await writeNotebook(join(dir, "nb.ipynb"), [code("console.log(1);")]);
    const tmp = Deno.env.get("TMPDIR") ?? "/tmp";
    const checks = () =>
      [...Deno.readDirSync(tmp)].filter((e) => e.name.startsWith("notebook-check-")).length;
    const before = checks();
    assert.deepEqual(await checkNotebook(path, { config: CONFIG }), []);
    assert.equal(checks(), before);
  });
});

Deno.test("deno fmt formats the code cells of a notebook whose language is TypeScript", async () => {
  await inTemp(async (dir) => {
    const path = join(dir, "nb.ipynb");
    await Deno.writeTextFile(
      path,
      notebookText([markdown("# Title"), code("const  x = {a:1}\nconsole.log( x )")]),
    );
    const fmt = (...args: string[]) =>
      new Deno.Command(Deno.execPath(), {
        args: ["fmt", "--config", CONFIG, ...args, path],
        stdout: "null",
        stderr: "null",
      }).output();
    assert.equal((await fmt("--check")).code, 1, "an unformatted code cell fails the check");
    assert.equal((await fmt()).code, 0);
    const cells = JSON.parse(await Deno.readTextFile(path)).cells;
    assert.deepEqual(cells[1].source, ["const x = { a: 1 };\n", "console.log(x);"]);
    assert.equal((await fmt("--check")).code, 0);
  });
});
