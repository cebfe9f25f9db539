/** The kit's violins: seaborn's violins (Scott's KDE, cut=0, inner="quartile") for Plot. */
import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { quantile } from "d3-array";
import { rasterize } from "../lib/export/png.ts";
import { standaloneSvg, svgSize } from "../lib/export/svg.ts";
import {
  conceptFacet,
  dodge,
  slotTicks,
  strengthColor,
  theme,
  violinQuartiles,
  violinShapes,
} from "../lib/figures/kit.ts";
import { gaussianKde, scottBandwidth } from "../lib/stats/kde.ts";
import { seededRandom } from "../lib/util/random.ts";
import { decodePng } from "./helpers/png.ts";

interface Sample {
  model: string;
  concept: string;
  strength: number;
  value: number;
}

const MODELS = ["4B", "32B"], CONCEPTS = ["corrigible", "sycophancy"], STRENGTHS = [-1, 0, 1];

/** 40 samples per model, concept and strength, spread by a seeded generator. */
function samples(): Sample[] {
  const random = seededRandom(7);
  return MODELS.flatMap((model, m) =>
    CONCEPTS.flatMap((concept) =>
      STRENGTHS.flatMap((strength) =>
        Array.from({ length: 40 }, () => ({
          model,
          concept,
          strength,
          value: 4 * strength + (m + 1) * (random() + random() + random() - 1.5),
        }))
      )
    )
  );
}

const { offset, step } = dodge(STRENGTHS);
const OPTIONS = {
  group: (d: Sample) => ({ model: d.model, concept: d.concept, strength: d.strength }),
  value: (d: Sample) => d.value,
  position: (d: Sample) => MODELS.indexOf(d.model) + offset(d.strength),
  halfWidth: step * 0.48,
};

Deno.test("each violin is its group's Gaussian KDE (Scott's bandwidth) over its data range", () => {
  const rows = samples();
  const shapes = violinShapes(rows, OPTIONS);
  assert.equal(shapes.length, 12 * 100);
  const values = rows.filter((d) =>
    d.model === "32B" && d.concept === "sycophancy" && d.strength === 1
  )
    .map((d) => d.value);
  const own = shapes.filter((p) =>
    p.model === "32B" && p.concept === "sycophancy" && p.strength === 1
  );
  assert.equal(own.length, 100);
  assert.deepEqual([own[0].value, own[99].value], [Math.min(...values), Math.max(...values)]);
  const kde = gaussianKde(values, scottBandwidth(values));
  for (const p of own) assert.ok(Math.abs(p.density - kde(p.value)) < 1e-12);
  assert.ok(own.every((p) => p.n === 40 && p.median === quantile(values, 0.5)));
  assert.ok(own.every((p) => Math.abs(p.left + p.right - 2 * (1 + offset(1))) < 1e-12));
  assert.equal(new Set(shapes.map((p) => p.key)).size, 12);
});

Deno.test("one scale for every violin: the widest has the half-width, widths follow density", () => {
  const shapes = violinShapes(samples(), OPTIONS);
  const halfWidth = (p: { left: number; right: number }) => (p.right - p.left) / 2;
  const widest = Math.max(...shapes.map(halfWidth));
  assert.ok(Math.abs(widest - OPTIONS.halfWidth) < 1e-12);
  const peak = Math.max(...shapes.map((p) => p.density));
  for (const p of shapes) {
    assert.ok(Math.abs(halfWidth(p) - p.density / peak * OPTIONS.halfWidth) < 1e-12);
  }
  // two violins side by side never overlap
  assert.ok(2 * OPTIONS.halfWidth < step);
});

Deno.test("quartile lines at 25/50/75% by linear interpolation, ending on the outline", () => {
  const rows = samples();
  const quartiles = violinQuartiles(rows, OPTIONS);
  assert.equal(quartiles.length, 12 * 3);
  const shapes = violinShapes(rows, OPTIONS);
  for (const q of quartiles) {
    const values = rows.filter((d) =>
      d.model === q.model && d.concept === q.concept && d.strength === q.strength
    ).map((d) => d.value);
    assert.equal(q.value, quantile(values, q.quartile)); // d3's quantile is numpy's linear one
    const outline = shapes.filter((p) => p.key === q.key);
    const below = outline.findLast((p) => p.value <= q.value)!;
    const above = outline.find((p) => p.value >= q.value)!;
    const lo = Math.min(below.right, above.right), hi = Math.max(below.right, above.right);
    assert.ok(q.right >= lo - 1e-12 && q.right <= hi + 1e-12, "on the outline");
  }
  assert.deepEqual(
    violinQuartiles([{ v: 1 }, { v: 2 }, { v: 3 }, { v: 10 }], {
      group: () => ({ g: "a" }),
      value: (d) => d.v,
      position: () => 0,
      halfWidth: 0.4,
    }).map((q) => q.value),
    [1.75, 2.5, 4.75],
  );
});

Deno.test("missing values are left out; a group of equal values has lines but no outline", () => {
  const rows = [
    { g: "a", v: 1 },
    { g: "a", v: NaN },
    { g: "a", v: 3 },
    { g: "a", v: 2 },
    { g: "b", v: 5 },
    { g: "b", v: 5 },
    { g: "c", v: NaN },
  ];
  const options = {
    group: (d: { g: string }) => ({ g: d.g }),
    value: (d: { v: number }) => d.v,
    position: () => 0,
    halfWidth: 0.4,
  };
  const shapes = violinShapes(rows, options);
  assert.deepEqual([...new Set(shapes.map((p) => p.g))], ["a"]);
  assert.ok(shapes.every((p) => p.n === 3 && Number.isFinite(p.value)));
  const lines = violinQuartiles(rows, options);
  assert.deepEqual(lines.map((q) => q.g), ["a", "a", "a", "b", "b", "b"]); // "c": no data at all
  assert.ok(lines.filter((q) => q.g === "b").every((q) => q.value === 5 && q.right === 0.4));
});

Deno.test("dodge and slotTicks place strengths within a model's slot, named by model", () => {
  assert.deepEqual(dodge(["x"]).offset("x"), 0);
  assert.deepEqual(dodge([1, 2]).step, 0.4);
  const x = slotTicks(MODELS);
  assert.deepEqual([x.domain, x.ticks, x.label], [[-0.5, 1.5], [0, 1], null]);
  assert.equal((x.tickFormat as (i: number) => string)(0), "4B");
});

Deno.test("a violin figure cell: areas per group in concept panels, ticks named, to the PNG", () => {
  const rows = samples();
  const figure = Plot.plot({
    ...theme({ height: 300 }),
    fx: conceptFacet(CONCEPTS),
    x: slotTicks(MODELS),
    y: { label: "Logit Diff", grid: true },
    color: strengthColor(STRENGTHS),
    marks: [
      Plot.areaX(violinShapes(rows, OPTIONS), {
        fx: "concept",
        y: "value",
        x1: "left",
        x2: "right",
        z: "key",
        fill: "strength",
        stroke: "#555",
        title: (d) => `${d.model}, strength ${d.strength}: median ${d.median.toFixed(2)}`,
      }),
      Plot.ruleY(violinQuartiles(rows, OPTIONS), {
        fx: "concept",
        y: "value",
        x1: "left",
        x2: "right",
        strokeDasharray: "3,2",
      }),
    ],
  }) as unknown as Element;
  assert.equal(figure.querySelectorAll('g[aria-label="area"] path').length, 12);
  assert.equal(figure.querySelectorAll('g[aria-label="rule"] line').length, 36);
  const ticks = Array.from(
    figure.querySelectorAll('g[aria-label="x-axis tick label"] text'),
    (t) => t.textContent,
  );
  assert.deepEqual(ticks, [...MODELS, ...MODELS]); // in each concept panel
  const svg = standaloneSvg(figure);
  assert.ok(svgSize(svg).width <= 980);
  assert.equal([...svg.matchAll(/<path[^>]*><title>/g)].length, 12); // hover text kept
  const png = decodePng(rasterize(svg, 1));
  const fills = new Set<string>();
  for (let i = 0; i < png.rgba.length; i += 4) fills.add(png.rgba.slice(i, i + 3).join(","));
  for (const c of ["44,115,176", "140,140,140", "186,48,54"]) assert.ok(fills.has(c), c);
});
