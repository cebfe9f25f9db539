/**
 * The top-level variable declarations of a cell's TypeScript, found by a small scanner (strings,
 * template literals, comments and regular expressions skipped; braces, brackets and parentheses
 * counted) instead of a full parser: enough to tell which names a `parameters` cell declares.
 * @module
 */

/** A top-level `let`, `const` or `var` of a cell: its first declared name and its line (from 1). */
export interface Declaration {
  name: string;
  kind: "let" | "const" | "var";
  line: number;
}

const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER = /[A-Za-z0-9_$]/;
/** Words after which a `/` starts a regular expression, not a division. */
const BEFORE_EXPRESSION = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);

/** Scanner state: the text, where it is, its line, and how deep in brackets. */
interface Scan {
  text: string;
  at: number;
  line: number;
  depth: number;
  /** The depths at which each open template `${` was entered, innermost last. */
  templates: number[];
  /** The last significant token: a word, or a punctuation character. */
  previous: string;
}

/** Skips to just after `end` (a quote, or the end of a block comment), counting lines. */
function skipPast(s: Scan, end: string): void {
  while (s.at < s.text.length && !s.text.startsWith(end, s.at)) {
    if (s.text[s.at] === "\n") s.line++;
    s.at += s.text[s.at] === "\\" && end.length === 1 ? 2 : 1;
  }
  s.at += end.length;
}

/** Skips the rest of a template literal's text, up to its end or to an opening `${`. */
function skipTemplate(s: Scan): void {
  while (s.at < s.text.length) {
    const c = s.text[s.at];
    if (c === "\\") s.at += 2;
    else if (c === "`") {
      s.at++;
      return;
    } else if (c === "$" && s.text[s.at + 1] === "{") {
      s.at += 2;
      s.templates.push(s.depth++);
      return;
    } else {
      if (c === "\n") s.line++;
      s.at++;
    }
  }
}

/** Skips a regular expression literal (its character classes may hold a `/`) and its flags. */
function skipRegExp(s: Scan): void {
  let inClass = false;
  for (s.at++; s.at < s.text.length && s.text[s.at] !== "\n"; s.at++) {
    const c = s.text[s.at];
    if (c === "\\") s.at++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) break;
  }
  s.at++;
  while (s.at < s.text.length && IDENTIFIER.test(s.text[s.at])) s.at++;
}

/** Reads an identifier or keyword at the scanner's position. */
function word(s: Scan): string {
  const start = s.at;
  while (s.at < s.text.length && IDENTIFIER.test(s.text[s.at])) s.at++;
  return s.text.slice(start, s.at);
}

/** Skips whitespace and comments, counting lines. */
function skipSpace(s: Scan): void {
  while (s.at < s.text.length) {
    const c = s.text[s.at];
    if (c === "\n") {
      s.line++;
      s.at++;
    } else if (c === " " || c === "\t" || c === "\r") s.at++;
    else if (s.text.startsWith("//", s.at)) {
      const end = s.text.indexOf("\n", s.at);
      s.at = end === -1 ? s.text.length : end;
    } else if (s.text.startsWith("/*", s.at)) {
      s.at += 2;
      skipPast(s, "*/");
    } else return;
  }
}

/**
 * The top-level `let`, `const` and `var` statements of `source`, each with its first declared
 * name (a destructuring declaration gives none) and its line, in order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const source = [
 *   'let DATA_DIR = "../results"; // the sweep',
 *   "const SEED = 1;",
 *   "function f() {",
 *   "  let inner = `${DATA_DIR}/x`;",
 *   "}",
 *   "let MODELS: string[] | undefined = undefined;",
 * ].join("\n");
 * assert.deepEqual(topLevelDeclarations(source), [
 *   { name: "DATA_DIR", kind: "let", line: 1 },
 *   { name: "SEED", kind: "const", line: 2 },
 *   { name: "MODELS", kind: "let", line: 6 },
 * ]);
 * ```
 */
export function topLevelDeclarations(source: string): Declaration[] {
  const s: Scan = { text: source, at: 0, line: 1, depth: 0, templates: [], previous: ";" };
  const found: Declaration[] = [];
  for (skipSpace(s); s.at < s.text.length; skipSpace(s)) {
    const c = s.text[s.at];
    if (IDENTIFIER_START.test(c)) {
      const line = s.line, w = word(s);
      const statementStart = [";", "{", "}", "export", "declare"].includes(s.previous);
      if (s.depth === 0 && statementStart && (w === "let" || w === "const" || w === "var")) {
        skipSpace(s);
        const name = IDENTIFIER_START.test(s.text[s.at] ?? "") ? word(s) : "";
        if (name && name !== "enum") found.push({ name, kind: w, line });
        s.previous = name || w;
        continue;
      }
      s.previous = w;
    } else if (/[0-9]/.test(c)) {
      word(s);
      s.previous = "0";
    } else if (c === '"' || c === "'") {
      s.at++;
      skipPast(s, c);
      s.previous = "0";
    } else if (c === "`") {
      s.at++;
      skipTemplate(s);
      s.previous = "0";
    } else if (c === "/") {
      const division = s.previous === ")" || s.previous === "]" || s.previous === "0" ||
        (IDENTIFIER.test(s.previous[0]) && !BEFORE_EXPRESSION.has(s.previous));
      if (division) s.at++;
      else skipRegExp(s);
      s.previous = division ? "/" : "0";
    } else {
      s.at++;
      if (c === "{" || c === "(" || c === "[") s.depth++;
      if (c === ")" || c === "]") s.depth--;
      if (c === "}") {
        if (s.templates.at(-1) === --s.depth) {
          s.templates.pop();
          skipTemplate(s);
          s.previous = "0";
          continue;
        }
      }
      // A newline ends a statement often enough for this purpose: treat it as ";" below.
      s.previous = c;
    }
    if (s.depth === 0 && s.previous !== ";" && newlineFollows(s)) s.previous = ";";
  }
  return found;
}

/** Whether only spaces or a comment stand between the scanner's position and a newline. */
function newlineFollows(s: Scan): boolean {
  const rest = /^[ \t\r]*(?:\/\/[^\n]*)?\n/.exec(s.text.slice(s.at, s.at + 400));
  return rest !== null;
}
