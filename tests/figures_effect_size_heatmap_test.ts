import assert from "node:assert/strict";
import { createDocument } from "../lib/figures/dom.ts";
import { COHENS_D, effectColor, effectSizeHeatmap } from "../lib/figures/effect_size_heatmap.ts";
import { analyse } from "../lib/stats/analysis.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { DEFAULT_DATA } from "./helpers/figure_svgs.ts";
import { markElements, smallAnalysis } from "./helpers/small_analysis.ts";

Deno.test("effectColor is RdYlGn centred at 0, symmetric", () => {
  const color = effectColor([
    { model: "m", concept: "c", mean_positive: 0, mean_negative: 0, delta: 0, cohens_d: -0.5 },
    { model: "m", concept: "d", mean_positive: 0, mean_negative: 0, delta: 0, cohens_d: 1.5 },
  ], COHENS_D);
  assert.deepEqual([color.scheme, color.pivot, color.domain], ["RdYlGn", 0, [-1.5, 1.5]]);
});

/** The text of a mark element, without its hover `<title>`. */
function ownText(el: Element): string {
  return Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent)
    .join("");
}

/**
 * The original notebook's Cohen's d on the default data (tests/fixtures/reference/
 * cohens_d_pivot.csv, written by pandas), rounded to two decimals by hand: what its heatmap
 * (seaborn, `fmt=".2f"`) prints in each cell.
 */
const PANDAS_CELLS: Record<string, string> = {
  "4B · Corrigible": "1.48",
  "4B · Self Awareness": "1.57",
  "4B · Sycophancy": "0.66",
  "8B · Corrigible": "1.06",
  "8B · Self Awareness": "1.27",
  "8B · Sycophancy": "0.47",
  "14B · Corrigible": "1.82",
  "14B · Self Awareness": "1.89",
  "14B · Sycophancy": "0.84",
  "32B · Corrigible": "1.29",
  "32B · Self Awareness": "0.76",
  "32B · Sycophancy": "0.72",
};

Deno.test("effectSizeHeatmap prints the original's Cohen's d, 2 decimals, in each cell", async () => {
  const analysis = analyse(await loadSweep(DEFAULT_DATA));
  const { models, concepts } = analysis.sweep;
  const fig = effectSizeHeatmap(analysis.effectSizes, {
    document: createDocument(),
    models,
    concepts,
  });
  const cells = Object.fromEntries(
    markElements(fig, "text").map((t) => [
      t.querySelector("title")?.textContent?.split("\n")[0],
      ownText(t),
    ]),
  );
  assert.deepEqual(cells, PANDAS_CELLS);
});

Deno.test("effectSizeHeatmap says 'no data' in the cell of a missing pair", async () => {
  const analysis = await smallAnalysis(undefined, [["alpha", "Qwen_Qwen3_4B"]]);
  const { models, concepts } = analysis.sweep;
  const fig = effectSizeHeatmap(analysis.effectSizes, {
    document: createDocument(),
    models,
    concepts,
    missing: analysis.missingPairs,
  });
  assert.equal(markElements(fig, "cell").length, 3);
  const texts = markElements(fig, "text").map(ownText);
  assert.equal(texts.length, 4);
  assert.equal(texts[3], "no data");
  assert.ok(texts.slice(0, 3).every((t) => /^-?\d+\.\d\d$/.test(t)), texts.join(", "));
});
