/**
 * The notebook's cells are formatted as the rest of the code (`deno fmt`, line width 100).
 * Deno 2.9.6's `deno fmt --check` reports every .ipynb as unformatted (even one it has just
 * formatted, whose bytes do not change), so deno.json leaves notebooks/ out of `deno fmt`, and
 * this test formats a copy and compares: `deno task fmt:notebook` formats the notebook.
 */
import assert from "node:assert/strict";
import { join } from "node:path";

const NOTEBOOK = new URL("../notebooks/logit_diff_sweep.ipynb", import.meta.url).pathname;

Deno.test("the notebook is formatted: deno fmt (line width 100) leaves a copy unchanged", async () => {
  const dir = await Deno.makeTempDir({ prefix: "notebook-fmt-" });
  try {
    const copy = join(dir, "notebook.ipynb");
    await Deno.copyFile(NOTEBOOK, copy);
    const { code, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["fmt", "--no-config", "--line-width=100", copy],
      stdout: "null",
      stderr: "piped",
    }).output();
    assert.equal(code, 0, new TextDecoder().decode(stderr));
    assert.ok(
      (await Deno.readTextFile(copy)) === (await Deno.readTextFile(NOTEBOOK)),
      "notebooks/logit_diff_sweep.ipynb is not formatted: run `deno task fmt:notebook`",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
