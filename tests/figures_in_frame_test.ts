/**
 * No data mark outside its panel, in every figure the notebook saves: each exported SVG is parsed
 * (nested SVGs and translations applied, stroke widths and marker radii counted) and each mark
 * checked against its panel, on the default data, the six-model sweep and a synthetic six-model
 * x six-concept sweep.
 *
 * A panel is a facet's Plot.frame. The heatmaps draw no frame: there the cells are the panel (the
 * box they span in each facet), and the check is that no axis tick reaches into it and that no
 * cell leaves its chart (onto the chart above or below it in a stacked figure). Reference lines
 * (`aria-description="zero line"`) may span their panel up to the frame's line; "no data" notes
 * and other text are not marks.
 */
import assert from "node:assert/strict";
import {
  DEFAULT_DATA,
  FIGURE_NAMES,
  type NotebookOutputs,
  notebookOutputs,
  sixModelSweep,
  synthSixBySix,
  tempSweepOutputs,
} from "./helpers/figure_svgs.ts";
import { chartShapes, isDataMark, outsideFrames, panels, pathBox } from "./helpers/svg_geometry.ts";

/** Every mark outside its panel, per figure, as "figure: mark tag box". */
function marksOutside(outputs: NotebookOutputs): string[] {
  assert.deepEqual(outputs.figures.map((f) => f.name), [...FIGURE_NAMES]);
  return outputs.figures.flatMap(({ name, svg }) => {
    const shapes = chartShapes(svg);
    assert.ok(shapes.filter(isDataMark).length > 0, `${name}: no data marks found`);
    return outsideFrames(shapes).map((s) => `${name}: ${s.mark} ${s.tag} ${JSON.stringify(s.ink)}`);
  });
}

const chart = (marks: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg"><svg class="plot-abc123" x="10" y="5" width="200" ` +
  `height="100">${marks}</svg></svg>`;

Deno.test("the geometry check sees a dot that sticks out of its frame", () => {
  const framed = (cx: number) =>
    chart(
      `<g aria-label="frame"><rect x="0" y="0" width="100" height="50" stroke="#ccc"/></g>` +
        `<g aria-label="dot" transform="translate(2,0)"><circle cx="${cx}" cy="20" r="3"/></g>`,
    );
  assert.equal(outsideFrames(chartShapes(framed(50))).length, 0);
  const [outside] = outsideFrames(chartShapes(framed(97)));
  assert.deepEqual(outside.box, { x1: 106, y1: 22, x2: 112, y2: 28 }); // 10 + 2 + 97 ± 3
  assert.deepEqual(pathBox("M0,0L10,5h5v-10Z"), { x1: 0, y1: -5, x2: 15, y2: 5 });
});

Deno.test("without a frame the cells are the panel: an axis tick in it or a cell off the chart fails", () => {
  const heatmap = (tickX: number, cellY: number) =>
    chart(
      `<g aria-label="y-axis tick" stroke="currentColor"><path d="M0,0L-6,0" transform="translate(${tickX},20)"/></g>` +
        `<g aria-label="cell"><g transform="translate(1,0)">` +
        `<rect x="40" y="10" width="20" height="10"/><rect x="60" y="${cellY}" width="20" ` +
        `height="10"/></g><g transform="translate(100,0)"><rect x="40" y="10" width="20" ` +
        `height="10"/></g></g>` +
        `<g aria-label="rule"><line x1="45" x2="75" y1="15" y2="15" stroke="black"/></g>`,
    );
  const ok = chartShapes(heatmap(40, 20));
  assert.deepEqual(panels(ok).map((p) => [p.kind, p.box]), [
    ["cells", { x1: 51, y1: 15, x2: 91, y2: 35 }],
    ["cells", { x1: 150, y1: 15, x2: 170, y2: 25 }],
  ]);
  assert.deepEqual(outsideFrames(ok), []);
  assert.deepEqual(outsideFrames(chartShapes(heatmap(60, 20))).map((s) => s.mark), [
    "y-axis tick",
  ]);
  assert.deepEqual(outsideFrames(chartShapes(heatmap(40, 96))).map((s) => s.mark), ["cell"]);
});

Deno.test("no figure draws outside its panels, on the default data", async () => {
  assert.deepEqual(marksOutside(await notebookOutputs(DEFAULT_DATA)), []);
});

Deno.test("no figure draws outside its panels, on the six-model sweep", async () => {
  assert.deepEqual(marksOutside(await tempSweepOutputs(sixModelSweep)), []);
});

Deno.test("no figure draws outside its panels, on a synthetic six-by-six sweep", async () => {
  assert.deepEqual(marksOutside(await tempSweepOutputs(synthSixBySix)), []);
});
