/**
 * Hostile report on issue 9, defect 6: a heatmap's size follows the layers present, never the
 * largest layer number (layer 35 renumbered 99999 made a 1.8-million-pixel-tall figure and an
 * out-of-memory kill). Contiguous layers keep the original layout. Checked on the heatmaps the
 * notebook draws (`heatmap_single_example`, `heatmap_grid`), as SVG only: a stretched figure's
 * PNG is what ran out of memory.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { csvFormat, csvParse } from "d3-dsv";
import { svgSize } from "../lib/export/svg.ts";
import { writeSynthSweep } from "../lib/synth/sweep.ts";
import { type NotebookOutputs, notebookOutputs } from "./helpers/figure_svgs.ts";
import { chartShapes, svgTexts } from "./helpers/svg_geometry.ts";

const HEATMAPS = ["heatmap_single_example", "heatmap_grid"];

/**
 * Known regressions of the notebook's heatmap cells, reported to its owner; the test fails when
 * one of them is fixed (then remove it from here, and the guarantee holds for that figure):
 * - `size`: cell 18 sizes each model's row by its layer count (`90 + 4 * LAYER_COUNTS[model]`
 *   px), so the far layer (which needs a layer count of 100,000) makes it 400,198 px tall;
 * - `ticks`: cells 17 and 18 put layer ticks at `d3.ticks(0, layer count)`, none of which is a
 *   layer present: the layer axis has no label at all.
 */
const KNOWN: Record<string, readonly ("size" | "ticks")[]> = {
  heatmap_single_example: ["ticks"],
  heatmap_grid: ["size", "ticks"],
};

/** The notebook's heatmaps of a one-pair sweep (4B corrigible, layers 11 to 35), its layer 35
 * renumbered `last` (with a layer count to match). */
async function heatmaps(last: number): Promise<NotebookOutputs> {
  const dir = await Deno.makeTempDir({ prefix: "far-layer-sweep-" });
  try {
    await writeSynthSweep(dir, {
      models: [{ label: "4B", layers: 36 }],
      concepts: ["corrigible"],
      prompts: 4,
      seed: 2,
    });
    for (const file of ["per_sample_all_layers.csv", "layer_summary.csv"]) {
      const path = join(dir, "corrigible", "Qwen_Qwen3_4B", file);
      const rows = csvParse(await Deno.readTextFile(path));
      for (const row of rows) if (row.layer === "35") row.layer = String(last);
      await Deno.writeTextFile(path, csvFormat(rows, rows.columns) + "\n");
    }
    return await notebookOutputs(dir, { layerCounts: { "4B": Math.max(36, last + 1) } });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** The heights of a figure's charts (Plot SVGs), and the figure's own. */
function heights(svg: string): number[] {
  const charts = Array.from(svg.matchAll(/<svg [^>]*class="plot-[0-9a-f]+"[^>]*>/g), (m) => {
    return Number(/ height="([\d.]+)"/.exec(m[0])![1]);
  });
  return [svgSize(svg).height, ...charts];
}

Deno.test("defect 6: a far layer number does not stretch the heatmaps", async () => {
  const contiguous = await heatmaps(35), far = await heatmaps(99999);
  for (const name of HEATMAPS) {
    const [normal, sparse] = [contiguous.figure(name), far.figure(name)];
    assert.equal(chartShapes(sparse).filter((s) => s.mark === "cell").length, 25 * 3, name);
    const same = heights(sparse).every((h, i) => h === heights(normal)[i]);
    if (KNOWN[name]?.includes("size")) {
      assert.ok(!same, `${name}: defect 6 no longer shows: remove "size" from KNOWN`);
      assert.ok(svgSize(sparse).height > 100_000, name);
    } else {
      assert.deepEqual(heights(sparse), heights(normal), name);
      assert.ok(svgSize(sparse).height < 1000, name);
    }
  }
});

Deno.test("defect 6: the layer axis labels the layers present, the far one included", async () => {
  const contiguous = await heatmaps(35), far = await heatmaps(99999);
  const ticks = (svg: string) =>
    svgTexts(svg).filter((t) => t.mark === "y-axis tick label").map((t) => t.text);
  for (const name of HEATMAPS) {
    assert.deepEqual(ticks(contiguous.figure(name)), ["15", "20", "25", "30", "35"], name);
    const labels = ticks(far.figure(name));
    if (KNOWN[name]?.includes("ticks")) {
      assert.deepEqual(labels, [], `${name}: now labelled: remove "ticks" from KNOWN`);
    } else {
      assert.ok(labels.length >= 3, `${name}: ${labels}`);
      assert.equal(labels.at(-1), "99999", `${name}: ${labels}`);
    }
  }
});
