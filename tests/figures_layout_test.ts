import assert from "node:assert/strict";
import {
  CONCEPT_PANELS,
  conceptFacet,
  conceptLayout,
  modelFacet,
  modelPanel,
  panelChart,
} from "../lib/figures/layout.ts";
import { PANEL_WIDTH } from "../lib/figures/theme.ts";

Deno.test("conceptLayout keeps up to three concepts in a row and wraps past that", () => {
  const one = conceptLayout(["a", "b", "c"]);
  assert.deepEqual([one.rows, one.columns, one.titles], [1, 3, null]);
  const wrapped = conceptLayout(["a", "b", "c", "d"]);
  assert.deepEqual([wrapped.rows, wrapped.columns], [2, 3]);
  const fx = wrapped.facet.fx as (d: { concept: string }) => number;
  const fy = wrapped.facet.fy as (d: { concept: string }) => number;
  assert.deepEqual([fx({ concept: "d" }), fy({ concept: "d" })], [0, 1]);
  assert.notEqual(wrapped.titles, null);
  assert.deepEqual(conceptLayout(["a", "b", "c", "d"], { columns: 2 }).rows, 2);
  assert.deepEqual(conceptLayout([]).columns, 1);
});

Deno.test("panelChart sizes the grid of concept panels and carries the facet scales", () => {
  const wrapped = conceptLayout(["a", "b", "c", "d"]);
  const options = panelChart(wrapped, { width: 300, height: 285 });
  assert.equal(options.width, 3 * 300 + CONCEPT_PANELS.around.width);
  assert.equal(options.height, 2 * 285 + CONCEPT_PANELS.around.height);
  assert.equal(options.marginLeft, CONCEPT_PANELS.margin.left);
  assert.deepEqual(options.fy, wrapped.scales.fy);
});

Deno.test("modelPanel grows with the models beyond the standard panel width", () => {
  const size = { panelHeight: 285, widthPerModel: 90 };
  assert.deepEqual(modelPanel(2, size), { width: PANEL_WIDTH, height: 285 });
  assert.deepEqual(modelPanel(6, size), { width: 6 * 90, height: 285 });
});

Deno.test("the facets: concept titles on top, model names on the right", () => {
  const fx = conceptFacet(["self_awareness"]);
  assert.equal(fx.axis, "top");
  assert.equal((fx.tickFormat as (c: string) => string)("self_awareness"), "Self Awareness");
  assert.deepEqual(modelFacet(["4B", "8B"]), { domain: ["4B", "8B"], label: null, axis: "right" });
});
