/**
 * The kit in one import (`lib/figures/kit.ts`): what it exports, that it stands without the
 * per-figure builders, and a violin figure cell drawn with it on the default data.
 */
import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { rasterize } from "../lib/export/png.ts";
import { standaloneSvg, svgSize } from "../lib/export/svg.ts";
import * as kit from "../lib/figures/kit.ts";
import { analyse } from "../lib/stats/analysis.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { decodePng } from "./helpers/png.ts";

const {
  conceptFacet,
  conceptTitle,
  dodge,
  slotTicks,
  strengthColor,
  strengthLabel,
  strengthsOf,
  theme,
  violinQuartiles,
  violinShapes,
  zeroLine,
} = kit;

Deno.test("the kit exports the helpers figure cells share", () => {
  assert.deepEqual(Object.keys(kit).sort(), [
    "FIGURE_WIDTH",
    "FONT_FAMILY",
    "FONT_SIZE",
    "conceptFacet",
    "conceptTitle",
    "createDocument",
    "dodge",
    "modelColor",
    "modelColorOf",
    "modelColorsByName",
    "modelFacet",
    "noDataNotes",
    "ramp",
    "slotTicks",
    "stack",
    "strengthColor",
    "strengthLabel",
    "strengthsOf",
    "swatches",
    "theme",
    "violinQuartiles",
    "violinShapes",
    "zeroLine",
  ]);
});

Deno.test("the kit needs none of the per-figure builders (they are to be deleted)", async () => {
  const { stdout, success } = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", "lib/figures/kit.ts"],
    cwd: new URL("..", import.meta.url),
    stdout: "piped",
    stderr: "null",
  }).output();
  assert.ok(success);
  const modules: { specifier: string }[] = JSON.parse(new TextDecoder().decode(stdout)).modules;
  const builders = [
    "layer_delta_curves",
    "best_layer_violins",
    "heatmaps",
    "baseline_distributions",
    "strength_histograms",
    "effect_size_heatmap",
    "depth_comparison",
    "effect_size_intervals",
    "glass_delta_heatmap",
    "training_curves",
    "group_effects",
  ].map((name) => `/lib/figures/${name}.ts`);
  assert.ok(modules.some((m) => m.specifier.endsWith("/lib/figures/violins.ts")));
  const reached = modules.map((m) => m.specifier).filter((s) =>
    builders.some((b) => s.endsWith(b))
  );
  assert.deepEqual(reached, []);
});

Deno.test("a violin figure cell on the default data: fits the column, legend and hover kept", async () => {
  const { bestSamples: samples, sweep } = analyse(await loadSweep("results/logit_diff_sweep"));
  const MODELS = sweep.models, CONCEPTS = sweep.concepts;

  // --- the cell, as a notebook would hold it ---
  const strengths = strengthsOf(samples);
  const { offset, step } = dodge(strengths);
  const violins = {
    group: (d: typeof samples[number]) => ({
      model: d.model,
      concept: d.concept,
      strength: d.strength,
    }),
    value: (d: typeof samples[number]) => d.logit_diff_matching,
    position: (d: typeof samples[number]) => MODELS.indexOf(d.model) + offset(d.strength),
    halfWidth: step * 0.48,
  };
  const figure = Plot.plot({
    ...theme({ height: 360 }),
    title: "Logit Diff Distributions at Best Layers",
    subtitle: "Dashed lines mark the quartiles; violins end at the data range",
    fx: conceptFacet(CONCEPTS),
    x: slotTicks(MODELS),
    y: { label: "Logit Diff (matching direction)", grid: true, nice: true },
    color: strengthColor(strengths),
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.areaX(violinShapes(samples, violins), {
        fx: "concept",
        y: "value",
        x1: "left",
        x2: "right",
        z: "key",
        fill: "strength",
        fillOpacity: 0.75,
        stroke: "#555",
        title: (d) =>
          `${d.model} · ${conceptTitle(d.concept)}\nstrength ${strengthLabel(d.strength)}, ` +
          `${d.n} samples, median ${d.median.toFixed(2)}`,
      }),
      Plot.ruleY(violinQuartiles(samples, violins), {
        fx: "concept",
        y: "value",
        x1: "left",
        x2: "right",
        stroke: "#333",
        strokeDasharray: "3,2",
        strokeWidth: (q) => q.quartile === 0.5 ? 1.4 : 1,
      }),
      zeroLine(),
    ],
  });
  // --- end of the cell ---

  const svg = standaloneSvg(figure as unknown as Element);
  const { width, height } = svgSize(svg);
  assert.ok(width <= 980, `${width} px`);
  const groups = MODELS.length * CONCEPTS.length * strengths.length;
  assert.equal([...svg.matchAll(/<path[^>]*><title>[^<]*median/g)].length, groups);
  for (const text of ["Logit Diff Distributions at Best Layers", "\u22121.0", "0.0", "+1.0"]) {
    assert.ok(svg.includes(`>${text}</text>`), text);
  }
  const png = decodePng(rasterize(svg));
  assert.deepEqual([png.width, png.height], [2 * width, 2 * height]);
});
