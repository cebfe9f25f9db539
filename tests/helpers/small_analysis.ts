/** Test helper: the analysis of a small synthetic sweep, and a DOM to draw it in. */
import { analyse, type Analysis } from "../../lib/stats/analysis.ts";
import type { SynthSpec } from "../../lib/synth/sweep.ts";
import type { Sweep } from "../../lib/sweep/types.ts";
import { loadTempSweep, SMALL_SPEC } from "./temp_sweep.ts";

/** A synthetic sweep, loaded; `drop` removes model/concept folders first (missing pairs). */
function smallSweep(spec: SynthSpec, drop: Array<[string, string]>): Promise<Sweep> {
  return loadTempSweep(spec, async (dir) => {
    for (const [concept, folder] of drop) {
      await Deno.remove(`${dir}/${concept}/${folder}`, { recursive: true });
    }
  });
}

/** Analyses a synthetic sweep (see {@link smallSweep} for `drop`). */
export async function smallAnalysis(
  spec: SynthSpec = SMALL_SPEC,
  drop: Array<[string, string]> = [],
): Promise<Analysis> {
  return analyse(await smallSweep(spec, drop));
}

/** Elements of a Plot mark, by its aria-label, in a rendered figure (facet groups unwrapped). */
export function markElements(figure: Element, label: string): Element[] {
  return Array.from(figure.querySelectorAll(`g[aria-label="${label}"]`)).flatMap((mark) =>
    Array.from(mark.children).flatMap((child) =>
      child.tagName.toLowerCase() === "g" && !child.getAttribute("aria-label")
        ? Array.from(child.children)
        : [child]
    )
  );
}

/** Number of facet panels of a chart: the frames drawn. */
export function panelCount(figure: Element): number {
  return markElements(figure, "frame").length;
}
