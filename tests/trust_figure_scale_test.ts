/**
 * Hostile report on issue 9, defect 6: a heatmap's size follows the layers present, never the
 * largest layer number (layer 35 renumbered 99999 made a 1.8-million-pixel-tall figure and an
 * out-of-memory kill), and its layer axis labels layers present, the far one as any other.
 * Contiguous layers keep the original layout. Checked on the heatmaps the notebook draws
 * (`heatmap_single_example`, `heatmap_grid`), as SVG only: a stretched figure's PNG is what ran
 * out of memory.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { csvFormat, csvParse } from "d3-dsv";
import { svgSize } from "../lib/export/svg.ts";
import { writeSynthSweep } from "../lib/synth/sweep.ts";
import { type NotebookOutputs, notebookOutputs } from "./helpers/figure_svgs.ts";
import { chartShapes, svgTexts, tickNumber } from "./helpers/svg_geometry.ts";

const HEATMAPS = ["heatmap_single_example", "heatmap_grid"];

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
    assert.deepEqual(heights(sparse), heights(normal), name);
    assert.ok(svgSize(sparse).height < 1000, name);
  }
});

Deno.test("defect 6: the layer axis labels the layers present, the far one included", async () => {
  const contiguous = await heatmaps(35), far = await heatmaps(99999);
  const ticks = (svg: string) =>
    svgTexts(svg).filter((t) => t.mark === "y-axis tick label").map((t) => tickNumber(t.text));
  // 25 layers present in 120 px: a label every fifth layer (24 px apart), from the first (layer
  // 11), and the last, the far one included, written as it is ("99999").
  const every5th = [11, 16, 21, 26];
  for (const name of HEATMAPS) {
    assert.deepEqual(ticks(contiguous.figure(name)), [...every5th, 35], name);
    assert.deepEqual(ticks(far.figure(name)), [...every5th, 99999], name);
  }
});
