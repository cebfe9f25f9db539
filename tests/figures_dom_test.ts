import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { createDocument } from "../lib/figures/dom.ts";

Deno.test("createDocument lets Plot draw, continuous legends included", () => {
  const document = createDocument();
  const chart = Plot.plot({ document, marks: [Plot.dot([1, 2, 3])] }) as unknown as Element;
  assert.equal(chart.tagName.toLowerCase(), "svg");
  const legend = Plot.legend(
    {
      document,
      color: { type: "diverging", scheme: "BuRd", domain: [-1, 1] },
    } as unknown as Parameters<typeof Plot.legend>[0],
  ) as unknown as Element;
  const image = legend.querySelector("image");
  assert.match(image?.getAttribute("href") ?? "", /^data:image\/png;base64,/);
});
