/**
 * Tables for the notebook: rows of records as an HTML table and as aligned text, the way pandas
 * `display(df.round(3))` shows a data frame.
 * @module
 */
import { escapeXml } from "../util/text.ts";
import {
  columnText,
  tableColumns,
  type TableOptions,
  type TableRow as Row,
  tableText,
} from "../util/table_text.ts";

/** A MIME bundle: what Jupyter shows, by type. */
export type MimeBundle = Record<string, string>;

/**
 * The rows as an HTML table (numbers right-aligned, no cell wrapping inside a number).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const html = tableHtml([{ model: "4B", delta: 14.0114 }]);
 * assert.ok(html.startsWith("<table"));
 * assert.match(html, /<th[^>]*>delta<\/th>/);
 * assert.match(html, /<td[^>]*>14\.011<\/td>/);
 * ```
 */
export function tableHtml(rows: readonly Row[], options: TableOptions = {}): string {
  const columns = tableColumns(rows, options);
  const side = (c: string) => typeof rows[0]?.[c] === "number" ? "right" : "left";
  const head = columns.map((c) => `<th style="text-align: ${side(c)}">${escapeXml(c)}</th>`)
    .join("");
  const texts = columns.map((c) => columnText(rows, c, options));
  const body = rows.map((row, i) =>
    "<tr>" + columns.map((c, j) => {
      const align = typeof row[c] === "number" ? "right; white-space: nowrap" : "left";
      return `<td style="text-align: ${align}">${escapeXml(texts[j][i])}</td>`;
    }).join("") + "</tr>"
  ).join("\n");
  const caption = options.caption ? `<caption>${escapeXml(options.caption)}</caption>` : "";
  return `<table class="dataframe" border="1">${caption}<thead><tr>${head}</tr></thead>` +
    `<tbody>\n${body}\n</tbody></table>`;
}

/**
 * A table as a MIME bundle: HTML for notebooks, aligned text for terminals.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const bundle = tableBundle([{ model: "4B", delta: 14.0114 }]);
 * assert.deepEqual(Object.keys(bundle), ["text/html", "text/plain"]);
 * ```
 */
export function tableBundle(rows: readonly Row[], options: TableOptions = {}): MimeBundle {
  return { "text/html": tableHtml(rows, options), "text/plain": tableText(rows, options) };
}
