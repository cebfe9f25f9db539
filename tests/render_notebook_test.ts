/**
 * `deno task render` runs the notebook itself: its flags reach the notebook as data (a `--data`
 * folder named with quotes, backticks and `${...}` is read as named, never run as code), and the
 * render and the notebook's own headless execution (`deno task notebook`) of the same data write
 * the same tables and JSON files (and figures), byte for byte; and the render's figures are the
 * notebook's cells' own (the single heatmap example: 14B corrigible, else the sweep's first pair).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { hasPythonModules } from "../cli/notebook.ts";
import {
  copyTree,
  dataFiles,
  DEFAULT_DATA,
  MOE_FIXTURE,
  renderInProcess,
  renderProcess,
  ROOT,
} from "./helpers/render_run.ts";
import { inTemp } from "./helpers/temp_dir.ts";

/**
 * A folder name a shell, a template literal or JSON would each take apart: quotes, backticks,
 * `${...}` (that would end the run with exit 3 if it ever ran as code), a backslash, non-ASCII.
 */
const NASTY = `it's "quoted" \`tick\` \${x} \${Deno.exit(3)} back\\slash é`;

Deno.test("--data named with quotes, backticks and ${x} renders as any folder does", () =>
  inTemp(async (root) => {
    const nasty = join(root, NASTY), plain = join(root, "plain");
    await copyTree(MOE_FIXTURE, nasty);
    await copyTree(MOE_FIXTURE, plain);
    const common = ["--resamples", "20", "--no-figures"];
    const run = await renderProcess(["--data", nasty, "--out", join(root, "out"), ...common]);
    assert.equal(run.code, 0, run.err);
    const reference = await renderProcess(["--data", plain, "--out", join(root, "ref"), ...common]);
    assert.equal(reference.code, 0, reference.err);

    // The task names the folder as given; so do the load's warnings, and nothing else changes.
    assert.ok(run.out.includes(` on ${nasty} in `), run.out);
    const warnings = run.err.trim().split("\n");
    assert.ok(warnings.length >= 2, run.err); // 235B-A22B/sycophancy missing; a data-quality note
    for (const line of warnings) assert.ok(line.includes(`${nasty}/`), line);
    assert.equal(run.err.replaceAll(nasty, plain), reference.err);

    // Every table and JSON file: written, and the same bytes as from a plain folder name (where a
    // file names the data folder, it names it in full, as given).
    const written = await dataFiles(join(root, "out")),
      plainFiles = await dataFiles(join(root, "ref"));
    assert.deepEqual([...written.keys()], [...plainFiles.keys()]);
    assert.ok(written.has("analysis_summary.json") && written.has("robustness.json"));
    const decoder = new TextDecoder();
    for (const [name, bytes] of written) {
      const text = decoder.decode(bytes);
      assert.equal(text.replaceAll(nasty, plain), decoder.decode(plainFiles.get(name)!), name);
      if (text.includes("Deno.exit")) assert.ok(text.includes(nasty), name);
    }
  }));

const hasNbclient = await hasPythonModules(["nbclient", "nbformat"]);
if (!hasNbclient) {
  console.log(
    "skipped: render against the notebook's execution (install Debian's python3-nbclient)",
  );
}

Deno.test({
  name: "render and `deno task notebook` on the same data write the same files, byte for byte",
  ignore: !hasNbclient,
  fn: () =>
    inTemp(async (root) => {
      // The notebook's defaults: the committed sweep, 2000 resamples, seed 1; its interactive
      // run saves into SWEEP_NOTEBOOK_OUT, its executed copy goes to --output (the committed
      // notebook is left as it is).
      const saved = join(root, "notebook"), executed = join(root, "executed.ipynb");
      const before = await Deno.readTextFile(join(ROOT, "notebooks/logit_diff_sweep.ipynb"));
      const { code, stderr } = await new Deno.Command(Deno.execPath(), {
        args: ["task", "-q", "notebook", "--output", executed],
        cwd: ROOT,
        env: { SWEEP_NOTEBOOK_OUT: saved },
        stdout: "null",
        stderr: "piped",
      }).output();
      assert.equal(code, 0, new TextDecoder().decode(stderr));
      assert.ok((await Deno.stat(executed)).isFile);
      assert.equal(
        await Deno.readTextFile(join(ROOT, "notebooks/logit_diff_sweep.ipynb")),
        before,
        "--output leaves the committed notebook as it was",
      );

      const rendered = join(root, "render");
      const run = await renderProcess(["--data", DEFAULT_DATA, "--out", rendered]);
      assert.equal(run.code, 0, run.err);

      // Tables and JSON files: the same names, the same bytes.
      const fromNotebook = await dataFiles(saved), fromRender = await dataFiles(rendered);
      assert.ok(fromRender.size >= 25, `${fromRender.size} files`);
      assert.deepEqual([...fromNotebook.keys()], [...fromRender.keys()]);
      for (const [name, bytes] of fromRender) {
        assert.deepEqual(fromNotebook.get(name), bytes, `${name} differs`);
      }
      // Figures too: the render's PNGs are drawn on workers, the notebook's in the kernel.
      const figures = async (dir: string) =>
        (await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name)
          .filter((n) => /\.(svg|png)$/.test(n)).sort();
      const drawn = await figures(rendered);
      assert.equal(drawn.length, 26, `${drawn}`);
      assert.deepEqual(await figures(saved), drawn);
      for (const name of drawn) {
        const [a, b] = [
          await Deno.readFile(join(saved, name)),
          await Deno.readFile(join(rendered, name)),
        ];
        assert.ok(a.length === b.length && a.every((x, i) => x === b[i]), `${name} differs`);
      }
    }),
});

/** The title of a rendered figure's SVG (its first text line). */
function titleOf(svg: string): string {
  const h2 = /<h2[^>]*>([^<]*)<\/h2>/.exec(svg)?.[1];
  return h2 ?? /<text[^>]*>([^<]*)<\/text>/.exec(svg)?.[1] ?? "";
}

Deno.test("the single heatmap example is 14B corrigible where the sweep has it, else its first pair", async () => {
  const full = await renderInProcess(["--data", DEFAULT_DATA, "--resamples", "10"]);
  const moe = await renderInProcess(["--data", MOE_FIXTURE, "--resamples", "10"]);
  const svg = (r: typeof full) => r.files.get("heatmap_single_example.svg") ?? "";
  assert.match(svg(full), /14B - Corrigible/, titleOf(svg(full)));
  assert.doesNotMatch(svg(moe), /14B/);
  assert.match(svg(moe), /30B-A3B - Corrigible/, titleOf(svg(moe)));
});
