/**
 * The printed reports of the depth analysis: architectures, shallow vs deep, best-layer
 * position. Every statement is computed from the data, so it stays true on another sweep.
 * @module
 */
import type { Analysis } from "../stats/analysis.ts";
import { depthOf } from "../models/groups.ts";
import { median } from "../stats/describe.ts";
import { tableText } from "../util/table_text.ts";
import { numberRange, pyFixed } from "../util/format.ts";
import { percent, percentRange, rule } from "./format.ts";

function groupLabel(models: readonly string[]): string {
  return models.length === 1 ? `${models[0]} only` : models.join(", ");
}

/** "36 layers", or "layers unknown" for a model without a layer count. */
function layersOf(layerCounts: Readonly<Record<string, number>>, model: string): string {
  const n = Object.hasOwn(layerCounts, model) ? layerCounts[model] : NaN;
  return Number.isFinite(n) ? `${n} layers` : "layers unknown";
}

/**
 * Each model's layer count and depth class, then the shallow vs deep average best delta per
 * concept, as the original prints them (with the group labels computed, not typed in).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analyse } from "../stats/analysis.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const lines = architectureReport(analyse(await loadSweep("results/logit_diff_sweep"))).split("\n");
 * assert.deepEqual(lines.slice(2, 6), [
 *   "  4B: 36 layers (shallow)",
 *   "  8B: 36 layers (shallow)",
 *   "  14B: 40 layers (shallow)",
 *   "  32B: 64 layers (DEEP)",
 * ]);
 * assert.ok(lines.includes("Average Best Delta: Shallow (36-40L) vs Deep (64L)"));
 * assert.ok(lines.includes("  Ratio:                 2.4x")); // corrigible: 10.68 / 4.48
 * ```
 */
export function architectureReport(
  analysis: Pick<Analysis, "sweep" | "groups" | "shallowVsDeep">,
): string {
  const { models, layerCounts } = analysis.sweep;
  const { deep, shallow } = analysis.groups;
  const lines = ["Model Architectures (layers from each summary.json):", rule(50)];
  for (const m of models) {
    const depth = depthOf(analysis.groups, m);
    const group = depth === "deep" ? "DEEP" : depth ?? "depth unknown";
    lines.push(`  ${m}: ${layersOf(layerCounts, m)} (${group})`);
  }
  const range = (group: readonly string[]) =>
    group.length ? `${numberRange(group.map((m) => layerCounts[m]))}L` : "none";
  lines.push(
    "",
    rule(50),
    `Average Best Delta: Shallow (${range(shallow)}) vs Deep (${range(deep)})`,
    rule(50),
  );
  const labels = [`Shallow (${groupLabel(shallow)}):`, `Deep (${groupLabel(deep)}):`, "Ratio:"];
  const width = Math.max(...labels.map((l) => l.length)) + 1;
  const value = (x: number, suffix = "") =>
    Number.isNaN(x) ? "n/a" : `${pyFixed(x, suffix ? 1 : 2)}${suffix}`;
  for (const row of analysis.shallowVsDeep) {
    lines.push(
      "",
      `${row.concept}:`,
      `  ${labels[0].padEnd(width)}${value(row.shallow_avg)}`,
      `  ${labels[1].padEnd(width)}${value(row.deep_avg)}`,
      `  ${labels[2].padEnd(width)}${value(row.ratio, "x")}`,
    );
  }
  return lines.join("\n");
}

/**
 * Which model is hardest to steer, by average best delta and by average Cohen's d.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analyse } from "../stats/analysis.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * assert.equal(
 *   hardestToSteer(analyse(await loadSweep("results/logit_diff_sweep"))),
 *   "Lowest average best delta across concepts: 32B (2.96; 64 layers, deep)\n" +
 *     "Lowest average Cohen's d across concepts:  32B (0.92; 64 layers, deep)",
 * );
 * ```
 */
export function hardestToSteer(
  analysis: Pick<Analysis, "sweep" | "groups" | "bestLayers" | "modelAvgEffect">,
): string {
  const { models, layerCounts } = analysis.sweep;
  const avgDelta = models
    .map((m): [string, number] => {
      const deltas = analysis.bestLayers.filter((r) => r.model === m).map((r) => r.delta);
      return [m, deltas.reduce((a, b) => a + b, 0) / deltas.length];
    })
    .filter(([, d]) => !Number.isNaN(d));
  const lowest = (pairs: [string, number][]) => pairs.reduce((a, b) => (b[1] < a[1] ? b : a));
  const [dModel, dValue] = lowest(avgDelta);
  const [cModel, cValue] = lowest(analysis.modelAvgEffect);
  const depth = (m: string) =>
    `${layersOf(layerCounts, m)}, ${depthOf(analysis.groups, m) ?? "depth unknown"}`;
  return [
    `Lowest average best delta across concepts: ${dModel} (${pyFixed(dValue, 2)}; ${
      depth(dModel)
    })`,
    `Lowest average Cohen's d across concepts:  ${cModel} (${pyFixed(cValue, 2)}; ${
      depth(cModel)
    })`,
  ].join("\n");
}

/**
 * The best-layer position table (percent of depth) and the pattern it shows, computed: the
 * range and median position of shallow and deep models' best layers, and whether they overlap.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analyse } from "../stats/analysis.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const report = bestLayerPositionReport(analyse(await loadSweep("results/logit_diff_sweep")));
 * const lines = report.split("\n");
 * assert.equal(lines[0], "Best Layer Position (% of total layers):");
 * assert.equal(lines[3], "   4B      36         50%             58%         53%");
 * assert.ok(lines.includes("  32B (deep):            best layers at 69-80% of depth (median 77%)"));
 * ```
 */
export function bestLayerPositionReport(
  analysis: Pick<Analysis, "sweep" | "groups" | "bestLayerPosition">,
): string {
  const { concepts } = analysis.sweep;
  const depthOfModel = (model: string) => depthOf(analysis.groups, model);
  const inGroup = (model: string, deep: boolean) =>
    depthOfModel(model) === (deep ? "deep" : "shallow");
  const rows = analysis.bestLayerPosition.map((row) => ({
    model: row.model,
    layers: row.layers,
    ...Object.fromEntries(concepts.map((c) => [c, percent(row.fractions[c])])),
  }));
  const fractions = (deep: boolean) =>
    analysis.bestLayerPosition
      .filter((row) => inGroup(row.model, deep))
      .flatMap((row) => concepts.map((c) => row.fractions[c]).filter((f) => !Number.isNaN(f)));
  const describe = (deep: boolean) => {
    const models = analysis.bestLayerPosition.filter((r) => inGroup(r.model, deep))
      .map((r) => r.model);
    const f = fractions(deep);
    const name = `${models.join(", ")} (${deep ? "deep" : "shallow"}):`;
    return f.length
      ? { name, text: `best layers at ${percentRange(f)} of depth (median ${percent(median(f))})` }
      : undefined;
  };
  const groups = [describe(false), describe(true)].filter((g) => g !== undefined);
  const width = Math.max(...groups.map((g) => g.name.length)) + 1;
  const lines = [
    "Best Layer Position (% of total layers):",
    rule(70),
    tableText(rows, { columns: ["model", "layers", ...concepts] }),
    "",
    rule(70),
    "Pattern:",
    ...groups.map((g) => `  ${g.name.padEnd(width)}${g.text}`),
  ];
  const unknown = analysis.bestLayerPosition.map((r) => r.model)
    .filter((m) => depthOfModel(m) === undefined);
  if (unknown.length) {
    lines.push(`  ${unknown.join(", ")}: depth unknown, left out of the shallow/deep pattern.`);
  }
  const shallow = fractions(false), deep = fractions(true);
  if (shallow.length && deep.length) {
    lines.push(
      Math.min(...deep) > Math.max(...shallow)
        ? "  Every deep best layer sits later than every shallow one: deep models are outliers."
        : `  The ranges overlap: deep best layers sit later on median (${
          percent(median(deep))
        } vs ${percent(median(shallow))}), not beyond every shallow one.`,
    );
  }
  lines.push(rule(70));
  return lines.join("\n");
}
