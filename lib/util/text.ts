/**
 * Text escaping shared by the SVG export and the HTML tables.
 * @module
 */

/**
 * Escapes `&`, `<` and `>` so a text can be put between tags of an XML or HTML document (not in
 * an attribute: quotes are left as they are).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { escapeXml } from "@lib/util/text.ts";
 *
 * assert.equal(escapeXml("a < b & c > d"), "a &lt; b &amp; c &gt; d");
 * assert.equal(escapeXml("&lt;"), "&amp;lt;"); // an entity is text too
 * ```
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
