/**
 * Test helper: the geometry of an exported (standalone) figure SVG, without a browser. Every
 * rect, circle, line and path of a Plot chart gets its bounding box in the SVG's own coordinates
 * (nested `<svg x y>` and `translate(...)` transforms applied), tagged with its mark's aria-label;
 * every text its position and content; and each chart's panels: its frames, or, for a chart
 * drawn without a frame (a heatmap), the area its cells cover in each facet.
 */
import { DOMParser } from "linkedom";
import { textWidth } from "../../lib/figures/theme.ts";

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
  /** Its stroke, fill and stroke-dasharray (its own or inherited from its groups; "" if none). */
  stroke: string;
  fill: string;
  dash: string;
  /** Its `<title>` text, "" when it has none. */
  title: string;
  /** Index of the chart (Plot SVG) it is in, in document order. */
  chart: number;
  /** The translation applied to it, as "x,y": shapes of one facet of a mark share it. */
  origin: string;
  /** Its chart's box (the Plot SVG's x, y, width and height). */
  viewport: Box;
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

/** Paint attributes, inherited from the groups around a shape. */
interface Stroke {
  stroke: string;
  width: number;
  cap: string;
  fill: string;
  dash: string;
}

function strokeOf(el: Element, parent: Stroke): Stroke {
  return {
    stroke: el.getAttribute("stroke") ?? parent.stroke,
    width: Number(el.getAttribute("stroke-width") ?? parent.width),
    cap: el.getAttribute("stroke-linecap") ?? parent.cap,
    fill: el.getAttribute("fill") ?? parent.fill,
    dash: el.getAttribute("stroke-dasharray") ?? parent.dash,
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
  let viewport: Box = { x1: 0, y1: 0, x2: 0, y2: 0 };
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
      if (chart >= 0) {
        viewport = { x1: dx, y1: dy, x2: dx + num(el, "width"), y2: dy + num(el, "height") };
      }
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
      const title = titleOf(el), origin = `${dx},${dy}`;
      const { fill, dash } = stroke;
      shapes.push({
        mark,
        tag,
        box,
        ink,
        strokeWidth,
        stroke: stroke.stroke,
        fill,
        dash,
        title,
        chart,
        origin,
        viewport,
      });
    }
    for (const child of Array.from(el.children)) walk(child, dx, dy, chart, mark, odd, stroke);
  };
  const root = doc.documentElement as unknown as Element;
  walk(root, 0, 0, -1, "", "", { stroke: "", width: 1, cap: "", fill: "", dash: "" });
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

/** The smallest box holding some boxes. */
function union(boxes: readonly Box[]): Box {
  return {
    x1: Math.min(...boxes.map((b) => b.x1)),
    y1: Math.min(...boxes.map((b) => b.y1)),
    x2: Math.max(...boxes.map((b) => b.x2)),
    y2: Math.max(...boxes.map((b) => b.y2)),
  };
}

/**
 * A panel of a chart: a frame (Plot.frame, one per facet), or, in a chart drawn without a frame
 * (a heatmap), the area its cells cover in a facet: there the cells are the panel.
 */
export interface Panel {
  chart: number;
  kind: "frame" | "cells";
  box: Box;
  /** The frame's stroke width (0 for cells). */
  strokeWidth: number;
}

/**
 * The panels of every chart: its frames; a chart with no frame has a panel per facet of its
 * `cell` mark (the box its cells span); a chart with neither has none.
 */
export function panels(shapes: readonly Shape[]): Panel[] {
  const out: Panel[] = [];
  for (const chart of new Set(shapes.map((s) => s.chart))) {
    const own = shapes.filter((s) => s.chart === chart);
    const frames = own.filter((s) => s.mark === "frame");
    if (frames.length > 0) {
      for (const f of frames) {
        out.push({ chart, kind: "frame", box: f.box, strokeWidth: f.strokeWidth });
      }
      continue;
    }
    const cells = own.filter((s) => s.mark === "cell");
    for (const origin of new Set(cells.map((c) => c.origin))) {
      const box = union(cells.filter((c) => c.origin === origin).map((c) => c.box));
      out.push({ chart, kind: "cells", box, strokeWidth: 0 });
    }
  }
  return out;
}

/** Whether a shape is a rule across its whole panel (a ruleY without x1, x2: a group's mean). */
function spansPanel(shape: Shape, panel: Panel): boolean {
  if (!shape.mark.startsWith("rule") || shape.tag !== "line") return false;
  const near = (a: number, b: number) => Math.abs(a - b) < 0.01;
  const { box } = shape, p = panel.box;
  return (box.y1 === box.y2 && near(box.x1, p.x1) && near(box.x2, p.x2)) ||
    (box.x1 === box.x2 && near(box.y1, p.y1) && near(box.y2, p.y2));
}

/**
 * Where a shape may paint in a panel: a data mark's ink inside the frame's line, so that its ends
 * show (bars and cells may sit on the line, as a histogram's bars start at the axis); a
 * reference line (rule at 0), or a data rule across the whole panel (a group's mean), may span
 * the panel up to the line's centre.
 */
function allowed(shape: Shape, panel: Panel): { box: Box; area: Box } {
  if (!isDataMark(shape) || spansPanel(shape, panel)) return { box: shape.box, area: panel.box };
  if (shape.tag === "rect") return { box: shape.ink, area: panel.box };
  return { box: shape.ink, area: shrink(panel.box, panel.strokeWidth / 2) };
}

/** Whether two boxes share more than `tolerance` pixels of area in both directions. */
function overlaps(a: Box, b: Box, tolerance = 0.01): boolean {
  return Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > tolerance &&
    Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > tolerance;
}

/**
 * The shapes of charts that lie in no panel of their chart (charts with shapes and no panel
 * count as outside too). In a chart without frames the cells are the panel: there the check is
 * that no axis tick reaches into it and that it lies within its chart's box (not over the chart
 * above or below in a stacked figure).
 *
 * @example
 * ```ts
 * assert.deepEqual(outsideFrames(chartShapes(svg)), []);
 * ```
 */
export function outsideFrames(shapes: readonly Shape[]): Shape[] {
  const all = panels(shapes);
  const outside = shapes.filter((s) =>
    s.mark !== "frame" && !/axis|grid/.test(s.mark) &&
    !all.some((p) => {
      if (p.chart !== s.chart) return false;
      const { box, area } = allowed(s, p);
      return within(box, area);
    })
  );
  const cellPanels = all.filter((p) => p.kind === "cells");
  const intruding = shapes.filter((s) =>
    /axis tick$/.test(s.mark) &&
    cellPanels.some((p) => p.chart === s.chart && overlaps(s.ink, p.box))
  );
  const overflowing = shapes.filter((s) => s.mark === "cell" && !within(s.box, s.viewport));
  return [...outside, ...intruding, ...overflowing];
}

/** A text of a chart (or of the figure around the charts: chart -1). */
export interface TextItem {
  /** The aria-label of its mark ("y-axis tick label", "text", ...), "" outside a mark. */
  mark: string;
  text: string;
  /** Where it is anchored: its translations and x, y attributes in pixels (em offsets left out). */
  x: number;
  y: number;
  chart: number;
  /** Its font size: its own or its nearest ancestor's font-size (a CSS one in a `style`
   * attribute first), NaN when none says. */
  fontSize: number;
  /** Its text-anchor, or its nearest ancestor's ("start" when none says). */
  anchor: string;
  /** Its fill, or its nearest ancestor's ("" when none says). */
  fill: string;
  /** Whether it is rotated (an axis label drawn upwards, a tick label drawn aslant). */
  rotated: boolean;
  /** Its rotation in degrees (`rotate(-30)`: -30, counter-clockwise on screen), 0 when none. */
  angle: number;
  /** How far its baseline lies below its anchor, along its own vertical: its em offsets (`y`,
   * `dy` in em) in pixels ("0.32em" at 12 px: 3.84). */
  shift: number;
}

/** Every `<text>` of a standalone figure SVG, with its position in the SVG's coordinates. */
export function svgTexts(svg: string): TextItem[] {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const texts: TextItem[] = [];
  let charts = -1;
  const px = (el: Element, name: string) => {
    const value = el.getAttribute(name) ?? "0";
    return /^-?[\d.]+$/.test(value) ? Number(value) : 0;
  };
  const em = (el: Element, name: string) => {
    const value = /^(-?[\d.]+)em$/.exec(el.getAttribute(name) ?? "");
    return value ? Number(value[1]) : 0;
  };
  const walk = (
    el: Element,
    dx: number,
    dy: number,
    chart: number,
    mark: string,
    size: number,
    anchor: string,
    fill: string,
  ) => {
    const tag = el.tagName.toLowerCase();
    if (tag === "svg") {
      dx += num(el, "x"), dy += num(el, "y");
      chart = isChart(el) ? ++charts : chart;
    }
    fill = el.getAttribute("fill") ?? fill;
    const [tx, ty, other] = translation(el);
    dx += tx, dy += ty;
    mark = el.getAttribute("aria-label") ?? mark;
    const fontSize = el.getAttribute("font-size");
    if (fontSize !== null) size = Number(fontSize);
    // A CSS font-size (Plot's `style` option) overrides the attribute.
    const css = /font-size:\s*([\d.]+)px/.exec(el.getAttribute("style") ?? "");
    if (css) size = Number(css[1]);
    anchor = el.getAttribute("text-anchor") ?? anchor;
    if (tag === "text") {
      const angle = Number(/rotate\(\s*(-?[\d.e]+)/.exec(other)?.[1] ?? 0);
      texts.push({
        mark,
        text: el.textContent ?? "",
        x: dx + px(el, "x"),
        y: dy + px(el, "y"),
        chart,
        fontSize: size,
        anchor,
        fill,
        rotated: /rotate/.test(other),
        angle,
        shift: (em(el, "y") + em(el, "dy")) * size,
      });
      return;
    }
    for (const child of Array.from(el.children)) {
      walk(child, dx, dy, chart, mark, size, anchor, fill);
    }
  };
  walk(doc.documentElement as unknown as Element, 0, 0, -1, "", NaN, "start", "");
  return texts;
}

/** A point of the SVG's plane. */
export type Point = readonly [number, number];

/**
 * Where a text is drawn, estimated as the export does (0.6 em a character, `textWidth`): the
 * four corners of its box, from 0.75 em above its baseline (the height of capitals and digits) to 0.15 em below, turned by its
 * rotation about its anchor (a tick label drawn aslant is an aslant box).
 */
export function textOutline(t: TextItem): Point[] {
  const size = Number.isNaN(t.fontSize) ? 10 : t.fontSize;
  const w = textWidth(t.text, size);
  const x1 = t.anchor === "end" ? -w : t.anchor === "middle" ? -w / 2 : 0;
  const [y1, y2] = [t.shift - 0.75 * size, t.shift + 0.15 * size];
  const a = (t.angle * Math.PI) / 180, cos = Math.cos(a), sin = Math.sin(a);
  return ([[x1, y1], [x1 + w, y1], [x1 + w, y2], [x1, y2]] as const).map(([x, y]): Point => [
    t.x + x * cos - y * sin,
    t.y + x * sin + y * cos,
  ]);
}

/** The bounding box of some points. */
export function pointsBox(points: readonly Point[]): Box {
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

/**
 * Whether two convex outlines (a text's, see {@link textOutline}) overlap by more than
 * `tolerance` pixels: no edge of either separates them (the separating axis theorem).
 */
export function outlinesOverlap(
  a: readonly Point[],
  b: readonly Point[],
  tolerance = 0.5,
): boolean {
  for (const shape of [a, b]) {
    for (let i = 0; i < shape.length; i++) {
      const [p, q] = [shape[i], shape[(i + 1) % shape.length]];
      const axis = [q[1] - p[1], p[0] - q[0]], length = Math.hypot(axis[0], axis[1]);
      if (length === 0) continue;
      const project = (points: readonly Point[]) =>
        points.map(([x, y]) => (x * axis[0] + y * axis[1]) / length);
      const [pa, pb] = [project(a), project(b)];
      const gap = Math.max(Math.min(...pa) - Math.max(...pb), Math.min(...pb) - Math.max(...pa));
      if (gap > -tolerance) return false;
    }
  }
  return true;
}

/** A number as Plot writes it in a tick label ("−5" with a minus sign, "1,000"). */
export function tickNumber(text: string): number {
  return Number(text.replace("\u2212", "-").replaceAll(",", ""));
}

/** A linear position scale of a chart, read from its axis tick labels. */
export interface AxisScale {
  /** Pixel (in the SVG's coordinates) to value. */
  invert(pixel: number): number;
  /** Value to pixel. */
  apply(value: number): number;
}

/**
 * The linear `x` or `y` scale of a chart, fitted to its numeric tick labels (positions in the
 * SVG's coordinates). With facets each row (column) of panels has its own `y` (`x`) axis: give
 * `panel`, and only the ticks beside it count (those within its vertical extent for `y`, its
 * horizontal extent for `x`). Throws when fewer than two numeric ticks are found or they do not
 * lie on one line.
 */
export function axisScale(
  texts: readonly TextItem[],
  chart: number,
  axis: "x" | "y",
  panel?: Box,
): AxisScale {
  const at = (t: TextItem) => axis === "x" ? t.x : t.y;
  const beside = (t: TextItem) =>
    !panel ||
    (axis === "x"
      ? t.x >= panel.x1 - 0.5 && t.x <= panel.x2 + 0.5
      : t.y >= panel.y1 - 0.5 && t.y <= panel.y2 + 0.5);
  const ticks = texts.filter((t) =>
    t.chart === chart && t.mark === `${axis}-axis tick label` &&
    !Number.isNaN(tickNumber(t.text)) && beside(t)
  );
  const byValue = new Map<number, number>();
  for (const t of ticks) {
    if (!byValue.has(tickNumber(t.text))) byValue.set(tickNumber(t.text), at(t));
  }
  const points = [...byValue];
  if (points.length < 2) throw new Error(`chart ${chart}: fewer than two numeric ${axis} ticks`);
  const [[v0, p0], [v1, p1]] = [points[0], points.at(-1)!];
  const slope = (p1 - p0) / (v1 - v0);
  for (const [v, p] of points) {
    if (Math.abs(p0 + (v - v0) * slope - p) > 0.5) {
      throw new Error(`chart ${chart}: the ${axis} ticks are not linear (${v} at ${p})`);
    }
  }
  return {
    invert: (pixel) => v0 + (pixel - p0) / slope,
    apply: (value) => p0 + (value - v0) * slope,
  };
}

/** A panel with the facet titles it sits under: its column's (`fx`) and its row's (`fy`). */
export interface TitledPanel extends Panel {
  /** The nearest `fx` tick label along x ("" without column facets). */
  column: string;
  /** The nearest `fy` tick label along y ("" without row facets). */
  row: string;
}

/**
 * The panels of a figure with their facet titles. A chart without its own facet labels (a row
 * of a stacked heatmap grid shows the concepts only above the first) takes the figure's.
 */
export function titledPanels(svg: string): TitledPanel[] {
  const texts = svgTexts(svg);
  const nearest = (mark: string, chart: number, axis: "x" | "y", at: number) => {
    const own = texts.filter((t) => t.mark === mark && t.chart === chart);
    const pool = own.length > 0 ? own : texts.filter((t) => t.mark === mark);
    let best: TextItem | undefined;
    for (const t of pool) if (!best || Math.abs(t[axis] - at) < Math.abs(best[axis] - at)) best = t;
    return best?.text ?? "";
  };
  return panels(chartShapes(svg)).map((p) => ({
    ...p,
    column: nearest("fx-axis tick label", p.chart, "x", (p.box.x1 + p.box.x2) / 2),
    row: nearest("fy-axis tick label", p.chart, "y", (p.box.y1 + p.box.y2) / 2),
  }));
}

/** The panel of a chart a shape lies in (its box's centre), if any. */
export function panelOf<P extends Panel>(all: readonly P[], shape: Shape): P | undefined {
  const x = (shape.box.x1 + shape.box.x2) / 2, y = (shape.box.y1 + shape.box.y2) / 2;
  return all.find((p) =>
    p.chart === shape.chart && x >= p.box.x1 && x <= p.box.x2 && y >= p.box.y1 && y <= p.box.y2
  );
}
