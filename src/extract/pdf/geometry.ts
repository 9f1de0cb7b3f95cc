// Ruling lines from a pdf.js operator list. Tables drawn by office suites are stroked lines or thin filled
// rectangles; we keep only axis-aligned pieces, in top-down page coordinates.
import type { HSeg, VSeg } from './types.js';

export type Matrix = [number, number, number, number, number, number];

export function multiply(m1: ArrayLike<number>, m2: ArrayLike<number>): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

function apply(m: readonly number[], x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The pdf.js operator codes this module needs (pdfjs `OPS`), passed in so the walker stays pure. */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

// pdf.js path buffer codes (DrawOPS).
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const CLOSE = 3;

/** A line thinner than this (points) drawn as a filled rectangle counts as a ruling line. */
const THIN = 2.5;
/** A segment is horizontal/vertical when it deviates less than this. */
const AXIS_TOLERANCE = 0.8;
/** Give up on pages drawn with very many paths (charts, maps): tables there would be guesswork. */
export const MAX_SEGMENTS = 4000;

/**
 * Walk an operator list and collect axis-aligned ruling lines. `pageTransform` maps PDF user space to
 * top-down page space (pdf.js `viewport.transform` at scale 1).
 */
export function rulingLines(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: OpCodes,
  pageTransform: readonly number[],
): { hsegs: HSeg[]; vsegs: VSeg[]; truncated: boolean } {
  const hsegs: HSeg[] = [];
  const vsegs: VSeg[] = [];
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fillOps = new Set([ops.fill, ops.eoFill]);
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];

  const addSegment = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) < AXIS_TOLERANCE && Math.abs(ax - bx) > 1) {
      hsegs.push({ y: (ay + by) / 2, x0: Math.min(ax, bx), x1: Math.max(ax, bx) });
    } else if (Math.abs(ax - bx) < AXIS_TOLERANCE && Math.abs(ay - by) > 1) {
      vsegs.push({ x: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
    }
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === ops.save) {
      stack.push(ctm);
    } else if (fn === ops.restore) {
      ctm = stack.pop() ?? ctm;
    } else if (fn === ops.transform) {
      ctm = multiply(ctm, argsArray[i] as number[]);
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = (argsArray[i] as unknown[] | null)?.[0] as number[] | null | undefined;
      if (Array.isArray(matrix) || ArrayBuffer.isView(matrix)) ctm = multiply(ctm, Array.from(matrix as ArrayLike<number>));
    } else if (fn === ops.paintFormXObjectEnd) {
      ctm = stack.pop() ?? ctm;
    } else if (fn === ops.constructPath) {
      const args = argsArray[i] as [number, [ArrayLike<number> | null | undefined], unknown];
      const paintOp = args?.[0];
      const isStroke = strokeOps.has(paintOp);
      const isFill = fillOps.has(paintOp);
      if (!isStroke && !isFill) continue;
      const path = args[1]?.[0];
      if (!path || typeof (path as ArrayLike<number>).length !== 'number') continue;
      const m = multiply(pageTransform, ctm);
      // Decode the path into subpaths of device-space points.
      const subpaths: number[][] = [];
      let cur: number[] = [];
      for (let k = 0; k < path.length; ) {
        const code = path[k++];
        if (code === MOVE) {
          if (cur.length > 2) subpaths.push(cur);
          const [x, y] = apply(m, path[k++], path[k++]);
          cur = [x, y];
        } else if (code === LINE) {
          const [x, y] = apply(m, path[k++], path[k++]);
          cur.push(x, y);
        } else if (code === CURVE) {
          // Curves are never ruling lines: end the subpath at the curve's end point.
          if (cur.length > 2) subpaths.push(cur);
          k += 4;
          const [x, y] = apply(m, path[k++], path[k++]);
          cur = [x, y];
        } else if (code === CLOSE) {
          if (cur.length > 2) {
            cur.push(cur[0], cur[1]);
            subpaths.push(cur);
            cur = [cur[0], cur[1]];
          }
        } else {
          break; // unknown code: stop rather than misread the buffer
        }
      }
      if (cur.length > 2) subpaths.push(cur);
      for (const pts of subpaths) {
        if (isStroke) {
          for (let k = 0; k + 3 < pts.length; k += 2) addSegment(pts[k], pts[k + 1], pts[k + 2], pts[k + 3]);
        }
        if (isFill && !isStroke) {
          // A thin filled rectangle is a ruling line; larger fills (cell shading, backgrounds) are not.
          let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
          for (let k = 0; k < pts.length; k += 2) {
            minX = Math.min(minX, pts[k]);
            maxX = Math.max(maxX, pts[k]);
            minY = Math.min(minY, pts[k + 1]);
            maxY = Math.max(maxY, pts[k + 1]);
          }
          const w = maxX - minX;
          const h = maxY - minY;
          if (h < THIN && w > 2) hsegs.push({ y: (minY + maxY) / 2, x0: minX, x1: maxX });
          else if (w < THIN && h > 2) vsegs.push({ x: (minX + maxX) / 2, y0: minY, y1: maxY });
        }
      }
      if (hsegs.length + vsegs.length > MAX_SEGMENTS) return { hsegs: [], vsegs: [], truncated: true };
    }
  }
  return { hsegs, vsegs, truncated: false };
}
