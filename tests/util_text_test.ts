import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { escapeXml } from "../lib/util/text.ts";

Deno.test("escapeXml escapes the three characters that end text content", () => {
  assert.equal(escapeXml("Δ < 0 & d > 1"), "Δ &lt; 0 &amp; d &gt; 1");
  assert.equal(escapeXml("plain"), "plain");
});

Deno.test("escaped text is read back as the same text by an HTML parser", () => {
  for (const text of ["a<b>c</b>", "&amp;", "<script>x</script>", "\"quoted\" & 'single'"]) {
    const { document } = parseHTML(`<p>${escapeXml(text)}</p>`);
    assert.equal(document.querySelector("p")!.textContent, text);
  }
});
