/**
 * Model colours are keyed by model name: `deno task render --models 8B,32B` draws 8B in the
 * orange (#ff7f0e) and 32B in the red (#d62728) they have with every model loaded, in every
 * figure coloured by model, its legend included. Checked on the SVGs the render task writes.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { modelColorOf } from "../lib/figures/theme.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Runs `deno task render` on the default data into a temporary folder; returns its SVGs. */
async function render(...flags: string[]): Promise<Map<string, string>> {
  const out = await Deno.makeTempDir({ prefix: "model-colors-" });
  try {
    const { code, stderr } = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-read",
        "--allow-write",
        "--allow-env",
        "--allow-ffi",
        "--allow-sys",
        "cli/render.ts",
        "--out",
        out,
        "--resamples",
        "50",
        ...flags,
      ],
      cwd: ROOT,
      stdout: "null",
      stderr: "piped",
    }).output();
    assert.equal(code, 0, new TextDecoder().decode(stderr));
    const svgs = new Map<string, string>();
    for await (const entry of Deno.readDir(out)) {
      if (entry.name.endsWith(".svg")) {
        svgs.set(entry.name.slice(0, -4), await Deno.readTextFile(join(out, entry.name)));
      }
    }
    return svgs;
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

/** The colour of each model's points in a curve figure, from their hover text. */
function pointColors(svg: string): Map<string, Set<string>> {
  const colors = new Map<string, Set<string>>();
  for (const m of svg.matchAll(/<circle [^>]*fill="([^"]+)"[^>]*><title>([^,<]+),/g)) {
    colors.set(m[2], (colors.get(m[2]) ?? new Set()).add(m[1]));
  }
  return colors;
}

/** The legend's swatches of a figure: label to colour. */
function legend(svg: string): Map<string, string> {
  const swatch =
    /<svg x="[\d.]+" y="[\d.]+" fill="([^"]+)"[^>]*><rect [^>]*\/?>(?:<\/rect>)?<\/svg><text [^>]*>([^<]+)<\/text>/g;
  return new Map(Array.from(svg.matchAll(swatch), (m) => [m[2].split(" ")[0], m[1]]));
}

/** The figures whose legend names the models (as "8B" or "8B (...)"). */
const MODEL_LEGENDS = [
  "layer_delta_curves",
  "layer_delta_curves_normalized",
  "layer_curves_depth_comparison",
  "layer_curves_by_training",
];

Deno.test("--models 8B,32B: 8B and 32B keep the colours they have with every model", async () => {
  const all = await render(), two = await render("--models", "8B,32B");
  assert.equal(modelColorOf("8B"), "#ff7f0e");
  assert.equal(modelColorOf("32B"), "#d62728");
  for (const name of MODEL_LEGENDS) {
    for (
      const [svgs, models] of [[all, ["4B", "8B", "14B", "32B"]], [two, ["8B", "32B"]]] as const
    ) {
      const swatches = legend(svgs.get(name)!);
      assert.deepEqual([...swatches.keys()], models, name);
      for (const model of models) assert.equal(swatches.get(model), modelColorOf(model), name);
    }
  }
  for (const name of ["layer_delta_curves", "layer_delta_curves_normalized"]) {
    const [colorsAll, colorsTwo] = [pointColors(all.get(name)!), pointColors(two.get(name)!)];
    assert.deepEqual([...colorsTwo.keys()].sort(), ["32B", "8B"], name);
    for (const model of ["8B", "32B"]) {
      assert.deepEqual([...colorsTwo.get(model)!], [modelColorOf(model)], `${name}: ${model}`);
      assert.deepEqual(colorsTwo.get(model), colorsAll.get(model), `${name}: ${model}`);
    }
  }
  const lines = (svg: string) =>
    new Set(Array.from(svg.matchAll(/<path [^>]*stroke="(#[0-9a-f]{6})"/g), (m) => m[1]));
  assert.deepEqual([...lines(two.get("layer_delta_curves")!)].sort(), ["#d62728", "#ff7f0e"]);
});
