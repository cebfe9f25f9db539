/**
 * Test helper: the original notebook's summary computed the slow, obvious way (whole files parsed
 * with d3-dsv into objects, plain loops), independent of lib/stats, to check the fast path.
 */
import { csvParse } from "d3-dsv";
import { join } from "node:path";

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};

/** The summary of `analysis_summary.json` (without `missing_pairs`) for the given folder. */
export async function slowSummary(dir: string, models: string[], concepts: string[]) {
  const best: Record<string, number | string>[] = [];
  const effects: Record<string, number | string>[] = [];
  const samplesAt = new Map<string, Record<string, string>[]>();
  for (const concept of concepts) {
    for (const model of models) {
      const run = join(dir, concept, `Qwen_Qwen3_${model.replaceAll("-", "_")}`);
      let layers, samples;
      try {
        layers = csvParse(await Deno.readTextFile(join(run, "layer_summary.csv")));
        samples = csvParse(await Deno.readTextFile(join(run, "per_sample_all_layers.csv")));
      } catch {
        continue;
      }
      let top = layers[0];
      for (const row of layers) if (Number(row.delta) > Number(top.delta)) top = row;
      best.push({
        model,
        concept,
        layer: Number(top.layer),
        delta: Number(top.delta),
        baseline_mean: Number(top.baseline_mean),
        positive_mean: Number(top.positive_mean),
        negative_mean: Number(top.negative_mean),
      });
      samplesAt.set(`${model}/${concept}`, samples.filter((s) => s.layer === top.layer));
    }
  }
  best.sort((a, b) =>
    a.concept < b.concept ? -1 : a.concept > b.concept ? 1 : a.model < b.model ? -1 : 1
  );
  for (const model of models) {
    for (const concept of concepts) {
      const rows = samplesAt.get(`${model}/${concept}`);
      if (!rows) continue;
      const at = (s: number) =>
        rows.filter((r) => Number(r.strength) === s).map((r) => Number(r.logit_diff_matching));
      const pos = at(1), neg = at(-1);
      const pooled = Math.sqrt((sd(pos) ** 2 + sd(neg) ** 2) / 2);
      effects.push({
        model,
        concept,
        mean_positive: mean(pos),
        mean_negative: mean(neg),
        delta: mean(pos) - mean(neg),
        cohens_d: pooled > 0 ? (mean(pos) - mean(neg)) / pooled : 0,
      });
    }
  }
  const avg = (key: "model" | "concept", k: string) =>
    mean(effects.filter((e) => e[key] === k).map((e) => e.cohens_d as number));
  const conceptAvg = [...new Set(effects.map((e) => e.concept as string))].sort()
    .map((c) => [c, avg("concept", c)] as const).sort((a, b) => b[1] - a[1]);
  const modelAvg = models.filter((m) => effects.some((e) => e.model === m))
    .map((m) => [m, avg("model", m)] as const);
  return {
    best_layers: best,
    effect_sizes: effects,
    concept_avg_effect: Object.fromEntries(conceptAvg),
    model_avg_effect: Object.fromEntries(modelAvg),
  };
}
