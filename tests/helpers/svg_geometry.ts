/**
 * Test helper: the geometry of an exported (standalone) figure SVG, without a browser. Every
 * rect, circle, line and path of a Plot chart gets its bounding box in the SVG's own coordinates
 * (nested `<svg x y>` and `translate(...)` transforms applied), tagged with its mark's aria-label.
 */
import { DOMParser } from "linkedom";

/** An axis-aligned box. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One drawn shape of a chart. */
export interface Shape {
  /** The aria-label of the mark it belongs to ("dot", "line", "frame", "y-axis tick", ...), with
   * its aria-description in parentheses ("rule (zero line)"). */
  mark: string;
  tag: string;
  /** Its geometry. */
  box: Box;
  /** What it paints: the geometry grown by half the stroke width (and by caps at line ends). */
  ink: Box;
  /** Its stroke width, 0 when it has no stroke. */
  strokeWidth: number;
  /** Its `<title>` text, "" when it has none. */
  title: string;
  /** Index of the chart (Plot SVG) it is in, in document order. */
  chart: number;
}

const SHAPES = new Set(["rect", "circle", "line", "path"]);

function num(el: Element, name: string): number {
  return Number(el.getAttribute(name) ?? 0);
}

/** The offset a `transform` attribute adds, and what else it does ("" for a pure translation). */
function translation(el: Element): [number, number, string] {
  const transform = el.getAttribute("transform");
  if (!transform) return [0, 0, ""];
  let dx = 0, dy = 0;
  const rest = transform.replace(
    /translate\(\s*([-\d.e]+)(?:[\s,]+([-\d.e]+))?\s*\)/g,
    (_, x, y) => {
      dx += Number(x);
      dy += Number(y ?? 0);
      return "";
    },
  );
  return [dx, dy, rest.trim() ? transform : ""];
}

/** Bounding box of a path's `d` (control points and arc circles included: a safe over-estimate). */
export function pathBox(d: string): Box {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? [];
  const xs: number[] = [], ys: number[] = [];
  let i = 0, cmd = "", x = 0, y = 0, sx = 0, sy = 0;
  const next = () => Number(tokens[i++]);
  const add = (px: number, py: number) => (xs.push(px), ys.push(py));
  while (i < tokens.length) {
    if (/[A-Za-z]/.test(tokens[i])) cmd = tokens[i++];
    const rel = cmd === cmd.toLowerCase(), ox = rel ? x : 0, oy = rel ? y : 0;
    const C = cmd.toUpperCase();
    if (C === "Z") {
      [x, y] = [sx, sy];
      continue;
    }
    if (C === "H") x = ox + next();
    else if (C === "V") y = oy + next();
    else if (C === "A") {
      const rx = next(), ry = next();
      i += 3;
      const ex = ox + next(), ey = oy + next(), r = Math.max(rx, ry);
      const mx = (x + ex) / 2, my = (y + ey) / 2;
      add(mx - r, my - r), add(mx + r, my + r);
      [x, y] = [ex, ey];
    } else {
      const pairs = { M: 1, L: 1, T: 1, Q: 2, S: 2, C: 3 }[C] ?? 0;
      if (pairs === 0) throw new Error(`unsupported path command ${cmd} in "${d}"`);
      for (let k = 0; k < pairs; k++) {
        const px = ox + next(), py = oy + next();
        add(px, py);
        if (k === pairs - 1) [x, y] = [px, py];
      }
      if (C === "M") {
        [sx, sy] = [x, y];
        cmd = rel ? "l" : "L";
      }
    }
    add(x, y);
  }
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

function ownBox(el: Element): Box {
  const tag = el.tagName.toLowerCase();
  if (tag === "rect") {
    const x = num(el, "x"), y = num(el, "y");
    return { x1: x, y1: y, x2: x + num(el, "width"), y2: y + num(el, "height") };
  }
  if (tag === "circle") {
    const cx = num(el, "cx"), cy = num(el, "cy"), r = num(el, "r");
    return { x1: cx - r, y1: cy - r, x2: cx + r, y2: cy + r };
  }
  if (tag === "line") {
    const [xa, xb, ya, yb] = ["x1", "x2", "y1", "y2"].map((n) => num(el, n));
    return {
      x1: Math.min(xa, xb),
      y1: Math.min(ya, yb),
      x2: Math.max(xa, xb),
      y2: Math.max(ya, yb),
    };
  }
  return pathBox(el.getAttribute("d") ?? "");
}

/** Stroke attributes, inherited from the groups around a shape. */
interface Stroke {
  stroke: string;
  width: number;
  cap: string;
}

function strokeOf(el: Element, parent: Stroke): Stroke {
  return {
    stroke: el.getAttribute("stroke") ?? parent.stroke,
    width: Number(el.getAttribute("stroke-width") ?? parent.width),
    cap: el.getAttribute("stroke-linecap") ?? parent.cap,
  };
}

/** The painted box of a shape: its geometry grown by half the stroke (butt ends stay put). */
function inkBox(tag: string, box: Box, stroke: Stroke): Box {
  const w = stroke.stroke === "none" || !stroke.stroke ? 0 : stroke.width / 2;
  const butt = tag === "line" && stroke.cap !== "round" && stroke.cap !== "square";
  const gx = butt && box.y1 === box.y2 ? 0 : w, gy = butt && box.x1 === box.x2 ? 0 : w;
  return { x1: box.x1 - gx, y1: box.y1 - gy, x2: box.x2 + gx, y2: box.y2 + gy };
}

function titleOf(el: Element): string {
  const title = Array.from(el.children).find((c) => c.tagName.toLowerCase() === "title");
  return title?.textContent?.trim() ?? "";
}

/** Whether an `<svg>` is a Plot chart (not a legend, not the standalone root). */
function isChart(el: Element): boolean {
  return /^plot-[0-9a-f]+$/.test(el.getAttribute("class") ?? "");
}

/**
 * Every shape of every Plot chart in a standalone figure SVG.
 *
 * @example
 * ```ts
 * chartShapes(standaloneSvg(figure)).filter((s) => s.mark === "dot");
 * ```
 */
export function chartShapes(svg: string): Shape[] {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const shapes: Shape[] = [];
  let charts = -1;
  const walk = (
    el: Element,
    dx: number,
    dy: number,
    chart: number,
    mark: string,
    odd: string,
    parent: Stroke,
  ) => {
    const tag = el.tagName.toLowerCase();
    if (tag === "svg") {
      dx += num(el, "x"), dy += num(el, "y");
      chart = isChart(el) ? ++charts : -1;
    }
    const [tx, ty, other] = translation(el);
    dx += tx, dy += ty, odd ||= other;
    const description = el.getAttribute("aria-description");
    mark = el.getAttribute("aria-label") ?? mark;
    if (description) mark = `${mark} (${description})`;
    const stroke = strokeOf(el, parent);
    if (chart >= 0 && SHAPES.has(tag)) {
      if (odd) throw new Error(`unsupported transform "${odd}" on a ${tag}`);
      const b = ownBox(el);
      const box = { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy };
      const ink = inkBox(tag, box, stroke);
      const strokeWidth = stroke.stroke === "none" || !stroke.stroke ? 0 : stroke.width;
      shapes.push({ mark, tag, box, ink, strokeWidth, title: titleOf(el), chart });
    }
    for (const child of Array.from(el.children)) walk(child, dx, dy, chart, mark, odd, stroke);
  };
  const root = doc.documentElement as unknown as Element;
  walk(root, 0, 0, -1, "", "", { stroke: "", width: 1, cap: "" });
  return shapes;
}

/** Whether box `inner` lies within `outer`, give or take `tolerance` pixels. */
export function within(inner: Box, outer: Box, tolerance = 0.01): boolean {
  return inner.x1 >= outer.x1 - tolerance && inner.x2 <= outer.x2 + tolerance &&
    inner.y1 >= outer.y1 - tolerance && inner.y2 <= outer.y2 + tolerance;
}

/** Marks that are not data: frames, axes, grids, text, reference lines, notes. */
export function isDataMark(shape: Shape): boolean {
  return !/frame|axis|grid|text|zero line|no data/.test(shape.mark);
}

/** A box shrunk by `by` pixels on every side. */
function shrink(box: Box, by: number): Box {
  return { x1: box.x1 + by, y1: box.y1 + by, x2: box.x2 - by, y2: box.y2 - by };
}

/**
 * Where a shape may paint in a frame: a data mark's ink inside the frame's line, so that its ends
 * show (bars and cells may sit on the line, as a histogram's bars start at the axis); a
 * reference line (rule at 0) may span the panel up to the line's centre.
 */
function allowed(shape: Shape, frame: Shape): { box: Box; area: Box } {
  if (!isDataMark(shape)) return { box: shape.box, area: frame.box };
  if (shape.tag === "rect") return { box: shape.ink, area: frame.box };
  return { box: shape.ink, area: shrink(frame.box, frame.strokeWidth / 2) };
}

/**
 * The shapes of charts that lie in no frame (panel) of their chart; charts with shapes and no
 * frame count as outside too.
 *
 * @example
 * ```ts
 * assert.deepEqual(outsideFrames(chartShapes(svg)), []);
 * ```
 */
export function outsideFrames(shapes: readonly Shape[]): Shape[] {
  const frames = shapes.filter((s) => s.mark === "frame");
  return shapes.filter((s) =>
    s.mark !== "frame" && !/axis|grid/.test(s.mark) &&
    !frames.some((f) => {
      if (f.chart !== s.chart) return false;
      const { box, area } = allowed(s, f);
      return within(box, area);
    })
  );
}
