import assert from "node:assert/strict";
import {
  analyseFolder,
  DEFAULT_DATA,
  figureSvgs,
  sixModelSweep,
  synthSixBySix,
  withTempSweep,
} from "./helpers/figure_svgs.ts";
import { chartShapes, isDataMark, outsideFrames, pathBox } from "./helpers/svg_geometry.ts";
import type { Results } from "../lib/pipeline/results.ts";

/** Every mark outside its panel, per figure, as "figure: mark tag box". */
function marksOutside(analysis: Results): string[] {
  return figureSvgs(analysis).flatMap(({ name, svg }) => {
    const shapes = chartShapes(svg);
    const data = shapes.filter(isDataMark);
    assert.ok(data.length > 0, `${name}: no data marks found`);
    return outsideFrames(shapes).map((s) => `${name}: ${s.mark} ${s.tag} ${JSON.stringify(s.ink)}`);
  });
}

Deno.test("the geometry check sees a dot that sticks out of its frame", () => {
  const chart = (cx: number) =>
    `<svg xmlns="http://www.w3.org/2000/svg"><svg class="plot-abc123" x="10" y="5">` +
    `<g aria-label="frame"><rect x="0" y="0" width="100" height="50" stroke="#ccc"/></g>` +
    `<g aria-label="dot" transform="translate(2,0)"><circle cx="${cx}" cy="20" r="3"/></g>` +
    `</svg></svg>`;
  assert.equal(outsideFrames(chartShapes(chart(50))).length, 0);
  const [outside] = outsideFrames(chartShapes(chart(97)));
  assert.deepEqual(outside.box, { x1: 106, y1: 22, x2: 112, y2: 28 }); // 10 + 2 + 97 ± 3
  assert.deepEqual(pathBox("M0,0L10,5h5v-10Z"), { x1: 0, y1: -5, x2: 15, y2: 5 });
});

Deno.test("no figure draws outside its panels, on the default data", async () => {
  assert.deepEqual(marksOutside(await analyseFolder(DEFAULT_DATA)), []);
});

Deno.test("no figure draws outside its panels, on the six-model sweep", async () => {
  assert.deepEqual(await withTempSweep(sixModelSweep, marksOutside), []);
});

Deno.test("no figure draws outside its panels, on a synthetic six-by-six sweep", async () => {
  assert.deepEqual(await withTempSweep(synthSixBySix, marksOutside), []);
});
