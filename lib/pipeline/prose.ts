/**
 * The notebook's prose: the markdown under the title and the longer section introductions.
 * @module
 */

/** The notebook's title. */
export const TITLE = "Logit Diff Layer Sweep Analysis";

/** Under the title: what the notebook analyses and how. */
export const INTRO =
  'Analyzing steering effects across the models and concepts of a layer sweep (by default 4B, 8B, 14B, 32B for corrigible, self_awareness, and sycophancy).\n\n**Methodology**: For each layer, we compute P("(A" | prompt) vs P("(B" | prompt) at the first generation position,\nmeasuring how steering shifts the model\'s latent disposition toward one answer.\n\n*The TypeScript twin of the original pandas notebook, on the Deno kernel: each cell calls the typed functions of `lib/` (imported through `deno.json`\'s import map), and every number matches pandas to 1e-9.*';

/** The Robustness section: what each robustness statistic answers. */
export const ROBUSTNESS_INTRO =
  "The best layer is the maximum of 25 to 43 noisy deltas, and Cohen's d above treats the +1 and -1 runs as independent groups though they are the same prompts. How much of the findings survives?\n\n- **Bootstrap over prompts** (2,000 resamples, seeded): a 95% interval for the best-layer delta with the best layer chosen again inside each resample, and the share of resamples that pick the same layer (*layer stability*). The interval is descriptive: the maximum of noisy deltas lies above 0 even with no effect.\n- **Held-out interval**: choose the layer on half the prompts, estimate its effect on the other half with a paired t interval. It keeps its 95% coverage although the layer was chosen as a maximum; the report's claims use it. The *split-half delta* averages such held-out deltas over 200 random splits.\n- **Paired statistics**: the per-prompt difference (+1 minus -1), its effect size d_z, a paired t-test with Holm's correction across all pairs, and `p_selection`, which also corrects for the layers searched. Glass's delta (unsteered) divides by the strength-0 spread.\n- **Model contrasts**: every model answers the same prompts, so two models are compared prompt by prompt on the held-out prompts (`model_contrasts.csv`).";

/** The depth section: how models are grouped by depth. */
export const DEPTH_INTRO =
  "Does depth matter? Models with at most 40 layers count as shallow, deeper ones as deep (the layer counts come from each run's `summary.json`). The cells below compare the two groups; every statement they print is computed from the data.\n\nThe model table comes from `lib/models/qwen3.ts` (the Qwen3 configs and technical report), with the layer counts of the sweep; a `models.json` in the data folder adds or overrides entries.";

/** The best-layer-position section. */
export const POSITION_INTRO =
  "Where in the network do the best steering layers sit? The pattern printed below compares the range and median position (as a share of depth) of the shallow and the deep models' best layers, and says whether the two ranges overlap.";

/** The Model Comparisons section: the author's later analyses, and what the data can support. */
export const COMPARISONS_INTRO =
  "The author's later analyses compare models by how they were post-trained (strong-to-weak distillation or the full RL pipeline), by architecture (dense or mixture-of-experts) and by size, with the same definitions as the author's notebook: Glass's delta with the SD at -1, group means over the model/concept pairs with data, Pearson r over per-model means. Groups come from the model table above (`lib/models/qwen3.ts`, overridable by `models.json`).\n\nA sweep holds few models, and the models are the units of these comparisons: beside each of the author's numbers, the cells below print what the data can support (permutation tests over models, the smallest p that many models allow, attributes that split the models the same way).";
