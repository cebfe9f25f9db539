/**
 * Hostile report on issue 9, defect 6: a heatmap's size follows the layers present, never the
 * largest layer number (layer 35 renumbered 99999 made a 1.8-million-pixel-tall figure and an
 * out-of-memory kill). Contiguous layers keep the original layout.
 */
import assert from "node:assert/strict";
import { createDocument } from "../lib/figures/dom.ts";
import { heatmapGrid, layerRows, strengthHeatmap } from "../lib/figures/heatmaps.ts";
import type { HeatmapCell } from "../lib/stats/heatmap.ts";

const cells = (layers: number[], model = "4B"): HeatmapCell[] =>
  layers.flatMap((layer) =>
    [-1, 0, 1].map((strength) => ({
      model,
      concept: "corrigible",
      layer,
      strength,
      mean_logit_diff: strength * Math.sin(layer),
    }))
  );
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const heights = (fig: Element) =>
  Array.from(fig.querySelectorAll("svg"), (svg) => Number(svg.getAttribute("height")));
const options = { models: ["4B"], concepts: ["corrigible"] };

Deno.test("defect 6: a far layer number does not stretch the heatmaps", () => {
  const document = createDocument();
  const contiguous = range(11, 35), far = [...range(11, 34), 99999];
  for (const draw of [strengthHeatmap, heatmapGrid]) {
    const normal = draw(cells(contiguous), { document, ...options });
    const sparse = draw(cells(far), { document, ...options });
    assert.deepEqual(heights(sparse), heights(normal), draw.name);
    assert.ok(Math.max(...heights(sparse)) < 1000, draw.name);
    const ticks = Array.from(sparse.querySelectorAll("g[aria-label='y-axis tick label'] text"))
      .map((t) => t.textContent);
    assert.equal(ticks.at(-1), "99999", `${draw.name}: ${ticks}`);
    assert.equal(sparse.querySelectorAll('g[aria-label="bar"] rect').length, far.length * 3);
  }
});

Deno.test("defect 6: layerRows counts the layers present; contiguous layers keep their numbers", () => {
  const sparse = layerRows([11, 12, 99999, 12]);
  assert.equal(sparse.rows, 3);
  assert.deepEqual([11, 12, 99999].map(sparse.position), [0, 1, 2]);
  const fmt = sparse.axis.tickFormat as (i: number) => string;
  assert.deepEqual((sparse.axis.ticks as number[]).map(fmt), ["11", "12", "99999"]);
  const dense = layerRows(range(13, 39));
  assert.deepEqual([dense.rows, dense.position(20), dense.axis], [27, 20, {}]);
  assert.equal(layerRows([]).rows, 10);
});
