/**
 * `deno task notebook` executes the notebook as it is and writes back only its outputs and
 * execution counts: a researcher's added cell, comment, cell ids, cell and notebook metadata
 * stay byte for byte (checked against the whole expected text); a failing cell, or a notebook
 * saved meanwhile, leaves the file as it was. Needs Debian's python3-nbclient.
 */
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { executeNotebook, hasPythonModules, PYTHON } from "../cli/notebook.ts";
import { withJupyterHome } from "./helpers/jupyter.ts";

const hasNbclient = await hasPythonModules(["nbclient", "nbformat"]);
if (!hasNbclient) {
  console.log("skipped: executing notebooks in place (install Debian's python3-nbclient)");
}
const RUNNER = new URL("../scripts/execute_notebook.py", import.meta.url).pathname;

/** The notebook's metadata as a person's Jupyter left it (a float written 1.0, an escape). */
const METADATA = ` "metadata": {
  "kernelspec": {
   "display_name": "Deno",
   "language": "typescript",
   "name": "deno"
  },
  "language_info": {
   "name": "typescript"
  },
  "x-reviewer": {
   "note": "caf\\u00e9",
   "weight": 1.0
  }
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
`;

/** A markdown cell and a code cell, never run. */
const BEFORE = `{
 "cells": [
  {
   "cell_type": "markdown",
   "id": "intro",
   "metadata": {
    "tags": ["keep-me"]
   },
   "source": [
    "# Title"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "id": "first",
   "metadata": {
    "scrolled": 1.0
   },
   "outputs": [],
   "source": [
    "console.log(\\"a\\");"
   ]
  }
 ],
${METADATA}`;

/** The stream output of `console.log(text)`, as nbformat writes it in a cell. */
const printed = (text: string) =>
  `[
    {
     "name": "stdout",
     "output_type": "stream",
     "text": [
      "${text}\\n"
     ]
    }
   ]`;

/** BEFORE after a run: only the code cell's outputs and execution count changed. */
const RUN = BEFORE.replace('"execution_count": null', '"execution_count": 1')
  .replace('"outputs": []', `"outputs": ${printed("a")}`);

/** RUN as a researcher edits it: a comment in the code cell, and a cell of their own. */
const EDITED = RUN.replace(
  '    "console.log(\\"a\\");"\n   ]\n  }\n',
  `    "// a researcher's note\\n",
    "console.log(\\"a\\");"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 7,
   "id": "added-by-hand",
   "metadata": {"tags": ["mine"], "collapsed": true},
   "outputs": [{"output_type": "stream", "name": "stdout", "text": "stale\\n"}],
   "source": "console.log(\\"mine\\");"
  }
`,
);

/** EDITED after a run: the new cell's outputs and count in the file's style; all else kept. */
const RERUN = EDITED.replace('"execution_count": 7', '"execution_count": 2')
  .replace(
    '"outputs": [{"output_type": "stream", "name": "stdout", "text": "stale\\n"}]',
    `"outputs": ${printed("mine")}`,
  );

Deno.test({
  name: "outputs only: sources, an added cell, a comment, ids and metadata stay byte for byte",
  ignore: !hasNbclient,
  async fn() {
    await withJupyterHome(async (_env, dir) => {
      const path = join(dir, "nb.ipynb");
      await Deno.writeTextFile(path, BEFORE);
      assert.equal(await executeNotebook(path, { quiet: true }), 0);
      assert.equal(await Deno.readTextFile(path), RUN);
      assert.equal(EDITED.includes("a researcher's note"), true, "the edit applies");
      await Deno.writeTextFile(path, EDITED);
      assert.equal(await executeNotebook(path, { quiet: true }), 0);
      assert.equal(await Deno.readTextFile(path), RERUN);
      assert.equal(await executeNotebook(path, { quiet: true }), 0);
      assert.equal(await Deno.readTextFile(path), RERUN, "a second run changes nothing");
    });
  },
});

Deno.test({
  name: "--output: the notebook untouched; missing keys added in order, invalid ones dropped",
  ignore: !hasNbclient,
  async fn() {
    await withJupyterHome(async (_env, dir) => {
      const path = join(dir, "nb.ipynb"), output = join(dir, "out", "run.ipynb");
      await Deno.mkdir(join(dir, "out"));
      const source = `{
 "cells": [
  {
   "cell_type": "markdown",
   "execution_count": null,
   "id": "md",
   "metadata": {},
   "outputs": [],
   "source": "# Markdown with keys nbformat forbids"
  },
  {
   "cell_type": "code",
   "id": "bare",
   "metadata": {},
   "source": "console.log(\\"x\\");"
  }
 ],
${METADATA}`;
      await Deno.writeTextFile(path, source);
      assert.equal(await executeNotebook(path, { output, quiet: true }), 0);
      assert.equal(await Deno.readTextFile(path), source, "the notebook itself is untouched");
      const expected = source
        .replace(
          '   "cell_type": "markdown",\n   "execution_count": null,\n',
          '   "cell_type": "markdown",\n',
        )
        .replace(
          '   "metadata": {},\n   "outputs": [],\n   "source": "# Markdown',
          '   "metadata": {},\n   "source": "# Markdown',
        )
        .replace('   "id": "bare",', '   "execution_count": 1,\n   "id": "bare",')
        .replace(
          '   "metadata": {},\n   "source": "console.log',
          `   "metadata": {},\n   "outputs": ${printed("x")},\n   "source": "console.log`,
        );
      assert.equal(await Deno.readTextFile(output), expected);
    });
  },
});

/** Runs the runner script on `path`; its exit code and its stderr lines (not Deno's warning). */
async function runScript(
  path: string,
  env: Record<string, string>,
): Promise<{ code: number; errors: string[] }> {
  const { code, stderr } = await new Deno.Command(PYTHON, {
    args: [RUNNER, path],
    env,
    stdout: "null",
    stderr: "piped",
  }).output();
  const errors = new TextDecoder().decode(stderr).split("\n")
    .filter((line) => line && !line.includes('"deno jupyter" is unstable'));
  return { code, errors };
}

Deno.test({
  name: "a failing cell: exit 1, one line naming the cell as a person counts it; file untouched",
  ignore: !hasNbclient,
  async fn() {
    await withJupyterHome(async (env, dir) => {
      const path = join(dir, "nb.ipynb");
      const failing = BEFORE.replace(
        '"console.log(\\"a\\");"',
        '"console.log(\\"a\\");\\n",\n    "throw new Error(\\"boom\\");"',
      );
      await Deno.writeTextFile(path, failing);
      const { code, errors } = await runScript(path, env);
      assert.equal(code, 1);
      assert.deepEqual(errors, [`error: ${path}: cell 2 failed: Error: boom`]);
      assert.equal(await Deno.readTextFile(path), failing);
      assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), [
        "jupyter",
        "nb.ipynb",
      ]);
    });
  },
});

Deno.test({
  name: "a notebook saved while it runs is not overwritten (the edit wins, the run fails)",
  ignore: !hasNbclient,
  async fn() {
    await withJupyterHome(async (env, dir) => {
      const path = join(dir, "nb.ipynb");
      // The cell saves an edited notebook, as a person's Jupyter would during the run.
      const saving = BEFORE.replace(
        '"console.log(\\"a\\");"',
        '"const saved = await Deno.readTextFile(\\"nb.ipynb\\");\\n",\n' +
          '    "await Deno.writeTextFile(\\"nb.ipynb\\", saved.replace(\\"# Title\\", \\"# Edited\\"));"',
      );
      await Deno.writeTextFile(path, saving);
      const { code, errors } = await runScript(path, env);
      assert.equal(code, 1);
      assert.deepEqual(errors, [
        `error: ${path} changed while it ran: not overwritten (run it again)`,
      ]);
      assert.equal(await Deno.readTextFile(path), saving.replace("# Title", "# Edited"));
      assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), [
        "jupyter",
        "nb.ipynb",
      ]);
    });
  },
});

Deno.test({
  name: "executeNotebook removes its private Jupyter folder",
  ignore: !hasNbclient,
  async fn() {
    await withJupyterHome(async (_env, dir) => {
      const path = join(dir, "nb.ipynb");
      await Deno.writeTextFile(path, BEFORE);
      const homes = () =>
        [...Deno.readDirSync(tmpdir())].filter((e) => e.name.startsWith("sweep-notebook-jupyter-"))
          .length;
      const before = homes();
      assert.equal(await executeNotebook(path, { quiet: true }), 0);
      assert.equal(homes(), before);
    });
  },
});

Deno.test("cli/notebook.ts no longer generates cells: nothing of lib/pipeline", async () => {
  const source = await Deno.readTextFile(new URL("../cli/notebook.ts", import.meta.url));
  assert.doesNotMatch(source, /lib\/pipeline/);
});

Deno.test("deno task notebook: an unknown option is one line and exit 1", async () => {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL("../cli/notebook.ts", import.meta.url).pathname, "--bogus"],
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.equal(code, 1);
  assert.equal(new TextDecoder().decode(stderr), "error: Unknown option '--bogus'\n");
});

Deno.test({
  name: "scripts/execute_notebook.py: its doctests (the splice of outputs into the text) pass",
  ignore: !hasNbclient,
  async fn() {
    const { code, stdout } = await new Deno.Command(PYTHON, {
      args: ["-B", "-m", "doctest", RUNNER],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(code, 0, new TextDecoder().decode(stdout));
  },
});
