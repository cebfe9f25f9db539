/**
 * runNotebook on small notebooks written into temporary folders: parameters injected as data
 * (quotes, backticks and `${...}` arrive as the same string), every error as one NotebookError at
 * its cell and line (a throw, a syntax error, an unhandled rejection, a wrong parameter), the
 * working directory the notebook's folder during the run and restored after, nothing left behind.
 */
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  compileNotebook,
  NotebookError,
  PARAMETERS_KEY,
  readNotebook,
  runNotebook,
} from "../lib/notebook/mod.ts";
import { inTemp } from "./helpers/temp_dir.ts";
import { code, markdown, writeNotebook } from "./helpers/small_notebook.ts";

/** A value a `--data` flag may hold: quotes, backticks, `${...}`, a backslash, a newline. */
const NASTY = '/data/it\'s "quoted" `tick` ${Deno.exit(3)} \\n back\\slash\nnew line é';

const PARAMETERS = code(
  [
    "// Parameters: deno task render sets these",
    'let DATA_DIR = "../results/logit_diff_sweep";',
    "let RESAMPLES = 2000;",
    "let MODELS: string[] | undefined = undefined;",
  ].join("\n"),
  ["parameters"],
);

/** A cell that writes the parameters it sees (and its working directory) to seen.json. */
const RECORD = code(
  "await Deno.writeTextFile(\n" +
    '  "seen.json",\n' +
    "  JSON.stringify({ DATA_DIR, RESAMPLES, MODELS, cwd: Deno.cwd() }),\n" +
    ");",
);

/** Runs `path` and returns the NotebookError it rejects with. */
async function failure(path: string, parameters?: Record<string, unknown>): Promise<NotebookError> {
  const error = await runNotebook(path, { parameters }).then(
    () => assert.fail("the notebook ran without an error"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof NotebookError, `a NotebookError: ${error}`);
  assert.doesNotMatch(error.message, /\n\s+at /, "no stack trace in the message");
  return error;
}

Deno.test("parameters arrive as the same values, never as code; defaults stay otherwise", async () => {
  await inTemp(async (dir) => {
    const path = await writeNotebook(join(dir, "nb.ipynb"), [
      markdown("# Sweep"),
      code('import { mean } from "d3-array";\nconsole.log(mean([1, 2]));'),
      PARAMETERS,
      RECORD,
    ]);
    await runNotebook(path, { parameters: { DATA_DIR: NASTY, MODELS: ["4B", "8B"] } });
    const seen = JSON.parse(await Deno.readTextFile(join(dir, "seen.json")));
    assert.deepEqual(seen, {
      DATA_DIR: NASTY,
      RESAMPLES: 2000,
      MODELS: ["4B", "8B"],
      cwd: await Deno.realPath(dir),
    });
    const compiled = compileNotebook(await readNotebook(path), path, { DATA_DIR: NASTY });
    assert.ok(!compiled.source.includes("/data/it's"), "the value is not in the module's text");

    await runNotebook(path); // no parameters: the defaults, and the module runs again
    const defaults = JSON.parse(await Deno.readTextFile(join(dir, "seen.json")));
    assert.equal(defaults.DATA_DIR, "../results/logit_diff_sweep");
    assert.equal(defaults.MODELS, undefined);
    assert.equal(Reflect.get(globalThis, PARAMETERS_KEY), undefined, "the global is removed");
  });
});

Deno.test("a throw in cell 3 line 2: `<path> cell 3, line 2: Error: ...`", async () => {
  await inTemp(async (dir) => {
    const path = await writeNotebook(join(dir, "nb.ipynb"), [
      markdown("# Title"), // cells are counted as a person counts them: markdown included
      code("const a = 1;"),
      code('const b = a + 1;\nthrow new Error(`boom ${b}`);\nconsole.log("not reached");'),
    ]);
    const error = await failure(path);
    assert.equal(error.message, `${path} cell 3, line 2: Error: boom 2`);
    assert.deepEqual([error.path, error.cell, error.line], [path, 3, 2]);
    assert.ok(error.cause instanceof Error && error.cause.message === "boom 2", "the cause");
  });
});

Deno.test("an error inside a called function or imported module: the cell's calling line", async () => {
  await inTemp(async (dir) => {
    await Deno.writeTextFile(
      join(dir, "helper.ts"),
      "export function check(n: number): number {\n  if (n > 1) throw new RangeError(`too big: ${n}`);\n  return n;\n}\n",
    );
    const path = await writeNotebook(join(dir, "nb.ipynb"), [
      code('import { check } from "./helper.ts"; // relative: the notebook\'s folder'),
      code("function twice(n: number) {\n  return check(n * 2);\n}"),
      code("check(1);\nconst n = 2;\n\ntwice(n);"),
    ]);
    const error = await failure(path);
    assert.equal(error.message, `${path} cell 2, line 2: RangeError: too big: 4`);
  });
});

Deno.test("a syntax error: its cell and line, the parser's message, no code frame", async () => {
  await inTemp(async (dir) => {
    const path = await writeNotebook(join(dir, "nb.ipynb"), [
      code('console.log("fine");'),
      markdown("## Next"),
      code("const a = 1;\nconst b = a +;\nconsole.log(b);"),
    ]);
    const error = await failure(path);
    assert.match(
      error.message,
      new RegExp(`^${RegExp.escape(path)} cell 3, line 2: SyntaxError: `),
    );
    assert.equal(error.message.split("\n").length, 1, error.message);
    assert.ok(!error.message.includes("data:"), "the module's URL is not shown");
  });
});

Deno.test("an import that cannot be resolved: the cell and line of the import", async () => {
  await inTemp(async (dir) => {
    const path = await writeNotebook(join(dir, "nb.ipynb"), [
      code("const a = 1;"),
      code('console.log(a);\nimport { nothing } from "./missing.ts";\nconsole.log(nothing);'),
    ]);
    const error = await failure(path);
    assert.match(error.message, new RegExp(`^${RegExp.escape(path)} cell 2, line 2: `));
    assert.match(error.message, /missing\.ts/);
  });
});

Deno.test("an unhandled rejection: the cell and line where the rejected promise was made", async () => {
  await inTemp(async (dir) => {
    const path = await writeNotebook(join(dir, "nb.ipynb"), [
      markdown("# Title"),
      code("const a = 1;"),
      code('console.log(a);\nPromise.reject(new Error("nobody waits"));\nconst b = 2;'),
      code("console.log(b);"),
    ]);
    const error = await failure(path);
    assert.equal(error.message, `${path} cell 3, line 2: Error: nobody waits`);
  });
});

Deno.test("a timer's uncaught throw during the run is the run's error", async () => {
  await inTemp(async (dir) => {
    const path = await writeNotebook(join(dir, "nb.ipynb"), [
      code('setTimeout(() => {\n  throw new TypeError("late");\n}, 0);'),
      code("await new Promise((resolve) => setTimeout(resolve, 20));"),
    ]);
    const error = await failure(path);
    assert.equal(error.message, `${path} cell 1, line 2: TypeError: late`);
  });
});

Deno.test("wrong parameters are errors naming them; values must have their default's type", async () => {
  await inTemp(async (dir) => {
    const path = await writeNotebook(join(dir, "nb.ipynb"), [markdown("# T"), PARAMETERS, RECORD]);
    assert.equal(
      (await failure(path, { OUT_DIR: "/out" })).message,
      `${path} cell 2: parameter OUT_DIR is not declared by the parameters cell ` +
        "(declare it there at the top level: let OUT_DIR = ...;)",
    );
    assert.equal(
      (await failure(path, { RESAMPLES: "500" })).message,
      `${path} cell 2, line 3: TypeError: parameter RESAMPLES is a number in the parameters ` +
        'cell, given a string: "500"',
    );
    assert.equal(
      (await failure(path, { "DATA_DIR; Deno.exit(1)": "x" })).message,
      `${path}: parameter "DATA_DIR; Deno.exit(1)" is not a valid name`,
    );
    const constant = await writeNotebook(join(dir, "const.ipynb"), [
      code('const DATA_DIR = "../results";', ["parameters"]),
    ]);
    assert.equal(
      (await failure(constant, { DATA_DIR: "/d" })).message,
      `${constant} cell 1, line 1: parameter DATA_DIR is declared with const: declare it with ` +
        "let so that it can be set",
    );
    const untagged = await writeNotebook(join(dir, "untagged.ipynb"), [
      code('let DATA_DIR = "../results";'),
    ]);
    assert.equal(
      (await failure(untagged, { DATA_DIR: "/d" })).message,
      `${untagged}: parameters given (DATA_DIR) but no cell is tagged "parameters"`,
    );
    await assert.rejects(Deno.stat(join(dir, "seen.json")), Deno.errors.NotFound, "nothing ran");
  });
});

Deno.test("unreadable or invalid notebooks: one line naming the path", async () => {
  await inTemp(async (dir) => {
    const missing = join(dir, "missing.ipynb");
    assert.match(
      (await failure(missing)).message,
      new RegExp(`^${RegExp.escape(missing)}: cannot read it: `),
    );
    const broken = join(dir, "broken.ipynb");
    await Deno.writeTextFile(broken, '{"cells": [');
    assert.match(
      (await failure(broken)).message,
      new RegExp(`^${RegExp.escape(broken)}: not valid JSON: `),
    );
    const old = join(dir, "old.ipynb");
    await Deno.writeTextFile(old, '{"nbformat": 3, "worksheets": []}');
    assert.equal((await failure(old)).message, `${old}: not an nbformat 4 notebook: nbformat is 3`);
  });
});

Deno.test("the working directory is the notebook's during the run, restored after, even on error", async () => {
  await inTemp(async (dir) => {
    const before = Deno.cwd();
    const folder = join(dir, "notebooks");
    await Deno.mkdir(folder);
    await Deno.writeTextFile(join(dir, "data.txt"), "from the parent folder");
    const path = await writeNotebook(join(folder, "nb.ipynb"), [
      code('const text = await Deno.readTextFile("../data.txt"); // relative to the notebook'),
      code('await Deno.writeTextFile("copy.txt", text);'),
      code('throw new Error("after the copy");'),
    ]);
    await failure(path);
    assert.equal(Deno.cwd(), before, "restored after an error");
    assert.equal(await Deno.readTextFile(join(folder, "copy.txt")), "from the parent folder");
  });
});

Deno.test("runs are one at a time: each sees its own folder as its working directory", async () => {
  await inTemp(async (dir) => {
    const paths = [];
    for (const name of ["a", "b", "c"]) {
      await Deno.mkdir(join(dir, name));
      paths.push(
        await writeNotebook(join(dir, name, "nb.ipynb"), [
          code("const start = Deno.cwd();"),
          code("await new Promise((resolve) => setTimeout(resolve, 10));"),
          code('await Deno.writeTextFile("cwd.txt", `${start} ${Deno.cwd()}`);'),
        ]),
      );
    }
    await Promise.all(paths.map((path) => runNotebook(path)));
    for (const name of ["a", "b", "c"]) {
      const folder = await Deno.realPath(join(dir, name));
      assert.equal(await Deno.readTextFile(join(dir, name, "cwd.txt")), `${folder} ${folder}`);
    }
  });
});

Deno.test("a run leaves no temporary file behind (the module is a data: URL)", async () => {
  await inTemp(async (dir) => {
    const path = await writeNotebook(join(dir, "nb.ipynb"), [code('console.log("hi");')]);
    const listing = async () => {
      const names = new Set<string>();
      for await (const entry of Deno.readDir(tmpdir())) names.add(entry.name);
      return names;
    };
    const before = await listing();
    await runNotebook(path);
    await failure(await writeNotebook(join(dir, "bad.ipynb"), [code("throw 1;")]));
    const left = [...await listing()].filter((name) => !before.has(name));
    assert.deepEqual(left, []);
    assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), [
      "bad.ipynb",
      "nb.ipynb",
    ]);
  });
});

Deno.test("after two failed runs, a run that awaits timers and I/O still completes (Deno 2.9)", async () => {
  // Deno 2.9.6 exits with "Top-level await promise never resolved" when a dynamically imported
  // module awaits after two such modules rejected and nothing else keeps the loop busy; the
  // runner holds a timer during each run. A separate process, as `deno task render` is.
  await inTemp(async (dir) => {
    const lib = new URL("../lib/notebook/mod.ts", import.meta.url).href;
    const script = join(dir, "three_runs.ts");
    await Deno.writeTextFile(
      script,
      `import { runNotebook } from ${JSON.stringify(lib)};
const notebook = (source: string) => JSON.stringify({
  nbformat: 4,
  cells: [{ cell_type: "code", metadata: {}, source }],
});
await Deno.writeTextFile("sync.ipynb", notebook('throw new Error("first");\\nawait 0;'));
await Deno.writeTextFile("late.ipynb", notebook('await 0;\\nthrow new Error("second");'));
await Deno.writeTextFile(
  "fine.ipynb",
  notebook('await new Promise((r) => setTimeout(r, 10));\\nawait Deno.readTextFile("sync.ipynb");'),
);
for (const name of ["sync", "late"]) await runNotebook(name + ".ipynb").catch(() => {});
for (let i = 0; i < 3; i++) await runNotebook("fine.ipynb");
console.log("completed");
`,
    );
    const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", script],
      cwd: dir,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    assert.equal(code, 0, decode(stderr));
    assert.equal(decode(stdout), "completed\n");
  });
});
