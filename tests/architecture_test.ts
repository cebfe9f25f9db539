/**
 * The architecture: dependencies flow one way, util -> sweep -> models/synth -> stats -> figures
 * -> export/display -> report -> pipeline, and no module imports itself back through others. Read from the
 * text of every module under lib/; cross-checked against Deno's own module graph.
 */
import assert from "node:assert/strict";
import { relative } from "node:path";
import { fileURLToPath as fromFileUrl } from "node:url";
import {
  importCycles,
  importGraph,
  importSpecifiers,
  layerViolations,
  tsFiles,
} from "./helpers/import_graph.ts";

const ROOT = fromFileUrl(new URL("..", import.meta.url));

/**
 * The layers of lib/, lowest first. A folder imports its own modules and lower layers only; two
 * folders of one rank never import each other.
 * - util: seeded random numbers, CSV writing, text escaping, number formatting; no project import.
 * - sweep: reading and checking a sweep folder.
 * - models (what is known of each model) and synth (synthetic sweeps in the sweep layout, for
 *   tests and benchmarks): both read the sweep layer only. synth uses nothing of the analysis, so
 *   a bug in stats cannot be planted in the test data and hidden in the check alike.
 * - stats: every number of the analysis (may group by model facts, so above models).
 * - figures: Plot figures of the stats.
 * - export (files) and display (Jupyter): two outputs of the same figures and tables.
 * - report: printed text of the analysis.
 * - pipeline: the one description of the analysis (which tables, figures and reports exist),
 *   the run that computes its results, and how the render task and the notebook output them.
 */
export const LAYERS: ReadonlyMap<string, number> = new Map([
  ["lib/util", 0],
  ["lib/sweep", 1],
  ["lib/models", 2],
  ["lib/synth", 2],
  ["lib/stats", 3],
  ["lib/figures", 4],
  ["lib/export", 5],
  ["lib/report", 5],
  ["lib/display", 6],
  ["lib/notebook", 7],
]);

/**
 * Known imports across a layer that are being moved (display is edited elsewhere). Each must
 * still exist, so the list empties as they are fixed; it must never grow.
 */
const PENDING: readonly string[] = [];

const libGraph = async () => importGraph(ROOT, await tsFiles(ROOT, "lib"));

Deno.test("every folder of lib/ has a layer", async () => {
  const folders = new Set(
    (await tsFiles(ROOT, "lib")).map((f) => f.split("/").slice(0, 2).join("/")),
  );
  folders.delete("lib/mod.ts");
  assert.deepEqual([...folders].filter((f) => !LAYERS.has(f)), []);
});

Deno.test("lib/ has no import cycle", async () => {
  assert.deepEqual(importCycles(await libGraph()), []);
});

Deno.test("no module of lib/ imports from its own layer's sibling or a layer above", async () => {
  const violations = layerViolations(await libGraph(), LAYERS).map((v) => `${v.from} -> ${v.to}`);
  assert.deepEqual(violations.filter((v) => !PENDING.includes(v)), []);
  assert.deepEqual(PENDING.filter((p) => !violations.includes(p)), [], "fixed: drop from PENDING");
});

Deno.test("nothing of the analysis imports the synthetic sweeps (only the CLI and tests do)", async () => {
  const users = [...(await libGraph())].filter(([from, targets]) =>
    from !== "lib/mod.ts" && !from.startsWith("lib/synth/") &&
    targets.some((t) => t.startsWith("lib/synth/"))
  );
  assert.deepEqual(users.map(([from]) => from), []);
});

Deno.test("the checks find a planted cycle and a planted upward import", () => {
  const graph = new Map([
    ["lib/util/a.ts", ["lib/stats/b.ts"]],
    ["lib/stats/b.ts", ["lib/stats/c.ts"]],
    ["lib/stats/c.ts", ["lib/stats/b.ts", "lib/util/a.ts"]],
    ["lib/export/d.ts", ["lib/display/e.ts", "lib/nowhere/f.ts"]],
    ["lib/mod.ts", ["lib/report/g.ts"]],
  ]);
  assert.deepEqual(importCycles(graph), [["lib/stats/b.ts", "lib/stats/c.ts", "lib/util/a.ts"]]);
  assert.deepEqual(layerViolations(graph, LAYERS).map((v) => v.why), [
    "lib/util (0) imports lib/stats (3)",
    "lib/export (5) imports lib/display (6)",
    "lib/export (5) imports lib/nowhere/f.ts (no layer)",
  ]);
});

Deno.test("imports are read from code, not from doc examples or comments", () => {
  const source = [
    "/**",
    " * ```ts",
    ' * import { analyse } from "@lib/stats/analysis.ts";',
    " * ```",
    " */",
    'import type { A } from "./a.ts";',
    "import {",
    "  b,",
    "  c,",
    '} from "../b.ts";',
    'export * from "./c.ts";',
    'export { d } from "./d.ts";',
    '// import { e } from "./e.ts";',
    'import "./f.ts";',
    'const g = await import("./g.ts");',
    'import { h } from "d3-array";',
  ].join("\n");
  assert.deepEqual(importSpecifiers(source).sort(), [
    "../b.ts",
    "./a.ts",
    "./c.ts",
    "./d.ts",
    "./f.ts",
    "./g.ts",
    "d3-array",
  ]);
});

Deno.test("the graph read from the text is Deno's own module graph of lib/mod.ts", async () => {
  const { stdout, success } = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", "lib/mod.ts"],
    cwd: ROOT,
    stdout: "piped",
    stderr: "null",
  }).output();
  assert.ok(success);
  const info = JSON.parse(new TextDecoder().decode(stdout));
  const local = (url: string) => relative(ROOT, fromFileUrl(url));
  const theirs = new Map<string, string[]>();
  for (const module of info.modules) {
    if (!module.specifier.startsWith("file:")) continue;
    const deps: { code?: { specifier: string }; type?: { specifier: string } }[] =
      module.dependencies ?? [];
    const targets = deps.flatMap((d) => [d.code?.specifier, d.type?.specifier])
      .filter((s): s is string => s?.startsWith("file:") ?? false).map(local);
    theirs.set(local(module.specifier), [...new Set(targets)].sort());
  }
  const ours = await libGraph();
  assert.ok(theirs.size > 50, `deno info saw ${theirs.size} modules`);
  for (const [file, targets] of theirs) {
    assert.deepEqual([...ours.get(file)!].sort(), targets, file);
  }
});
