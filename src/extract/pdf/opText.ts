// Positioned text runs from a pdf.js operator list.
//
// pdf.js can give text two ways: `getTextContent` (a second parse of the page's content stream, ~60% of
// pdf.js time on our documents) or the operator list we already need for the table rules, whose showText
// ops carry the decoded glyphs (unicode + width). This walks the operator list keeping the text state the
// way pdf.js's canvas renderer does (canvas.js: CTM, text matrix, line position, font size, spacing,
// horizontal scale, rise; all saved/restored with q/Q) and groups glyphs into runs the way pdf.js's
// text-content builder does (evaluator.js getTextContent): a run continues while the next glyph starts
// near where the last one ended, a gap of 0.1–0.6 em inside a run is a space, a larger gap, a step back
// or a baseline shift starts a new run, and so do a change of font, a form XObject and a marked-content
// boundary (tagged PDFs from office suites mark each table cell, so cells never run together).
import type { TextRun } from './types.js';
import { multiply, type Matrix } from './geometry.js';

/** The font facts pdf.js exports for a loaded font (page.commonObjs), as far as runs need them. */
export interface FontInfo {
  fontMatrix?: ArrayLike<number> | null;
  vertical?: boolean;
  isType3Font?: boolean;
  bbox?: ArrayLike<number> | null;
  name?: string;
  fallbackName?: string;
  bold?: boolean;
  black?: boolean;
  italic?: boolean;
}

/** The pdf.js operator codes this module needs (pdfjs `OPS`), passed in so the walker stays pure. */
export interface TextOpCodes {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  beginAnnotation: number;
  endAnnotation: number;
  beginMarkedContent: number;
  beginMarkedContentProps: number;
  endMarkedContent: number;
  beginText: number;
  setTextMatrix: number;
  moveText: number;
  setLeadingMoveText: number;
  nextLine: number;
  setLeading: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setTextRise: number;
  setFont: number;
  setGState: number;
  showText: number;
}

/** The page: pdf.js `viewport.transform` (user space → top-down page space) and the page size. */
export interface PageFrame {
  transform: readonly number[];
  width: number;
  height: number;
}

/** Glyph-space to text-space scale most fonts use (pdf.js FONT_IDENTITY_MATRIX). */
const FONT_IDENTITY: readonly number[] = [0.001, 0, 0, 0.001, 0, 0];
// pdf.js getTextContent thresholds, in units of the font size.
const SPACE_MIN = 0.102;
const SPACE_MAX = 0.6;
const STEP_BACK_MAX = -0.2;
const BASELINE_SHIFT = 0.25;

const BOLD_FONT = /bold|black|heavy|semibold|demi|[-,]bd\b|extrabold/i;
const ITALIC_FONT = /italic|oblique|[-,]it\b/i;
// pdf.js glyph categories (getCharUnicodeCategory): whitespace, zero-width diacritic, invisible format mark.
const WHITESPACE = /^\s/u;
const DIACRITIC = /^\p{Mn}$/u;
const FORMAT_MARK = /^\p{Cf}$/u;

interface Glyph {
  unicode: string;
  width: number;
  isSpace?: boolean;
}

interface TextState {
  ctm: Matrix;
  textMatrix: ArrayLike<number>;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  leading: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  rise: number;
  fontId: string | null;
  fontSize: number;
  fontDirection: number;
}

interface FontUse {
  font: FontInfo | null;
  matrix: readonly number[];
  bold: boolean;
  italic: boolean;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

type GlyphCategory = 0 | 1 | 2 | 3; // visible, whitespace, zero-width diacritic, invisible format mark
// Each glyph's category, worked out once per character: a page has thousands of glyphs from a few dozen characters.
const categories = new Map<string, GlyphCategory>();

function categoryOf(u: string): GlyphCategory {
  if (u.length === 1) {
    const code = u.charCodeAt(0);
    if (code > 32 && code < 127) return 0;
    if (code === 32) return 1;
  }
  let c = categories.get(u);
  if (c === undefined) {
    c = WHITESPACE.test(u) ? 1 : DIACRITIC.test(u) ? 2 : FORMAT_MARK.test(u) ? 3 : 0;
    if (categories.size > 50_000) categories.clear();
    categories.set(u, c);
  }
  return c;
}

function copyState(s: TextState): TextState {
  return {
    ctm: s.ctm,
    textMatrix: s.textMatrix,
    x: s.x,
    y: s.y,
    lineX: s.lineX,
    lineY: s.lineY,
    leading: s.leading,
    charSpacing: s.charSpacing,
    wordSpacing: s.wordSpacing,
    hScale: s.hScale,
    rise: s.rise,
    fontId: s.fontId,
    fontSize: s.fontSize,
    fontDirection: s.fontDirection,
  };
}

/** Bold and italic from the font's name (usually "Arial,Bold", "Calibri-Bold") or its flags (ForceBold). */
export function fontStyle(font: FontInfo | null): { bold: boolean; italic: boolean } {
  const name = String(font?.name ?? '');
  const family = String(font?.fallbackName ?? '');
  return {
    bold: BOLD_FONT.test(name) || BOLD_FONT.test(family) || font?.bold === true || font?.black === true,
    italic: ITALIC_FONT.test(name) || font?.italic === true,
  };
}

/**
 * The horizontal, upright text runs of one page, in content order. `fontOf` returns the loaded font for a
 * setFont name (null if pdf.js could not load it); `normalize` is applied to each run's text (pdf.js
 * `normalizeUnicode`, which unfolds ligatures as getTextContent does).
 */
export function textRuns(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: TextOpCodes,
  page: PageFrame,
  fontOf: (id: string) => FontInfo | null,
  normalize: (text: string) => string = (t) => t,
): TextRun[] {
  const runs: TextRun[] = [];
  const fonts = new Map<string, FontUse>();
  const fontUse = (id: string): FontUse => {
    let use = fonts.get(id);
    if (!use) {
      const font = fontOf(id);
      const m = font?.fontMatrix;
      use = { font, matrix: m && m.length >= 4 ? Array.from(m) : FONT_IDENTITY, ...fontStyle(font) };
      fonts.set(id, use);
    }
    return use;
  };
  let st: TextState = {
    ctm: IDENTITY,
    textMatrix: IDENTITY,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
    leading: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    rise: 0,
    fontId: null,
    fontSize: 0,
    fontDirection: 1,
  };
  const stack: TextState[] = [];
  let annotationDepth = 0;

  // The run being built, in page space.
  let text = '';
  // Whether `text` ends with a space, kept as a flag: endsWith on the growing (cons) string flattens it each time.
  let endsWithSpace = false;
  let x0 = 0;
  let x1 = 0;
  let base = 0;
  let size = 0;
  let upright = false;
  let runFont: FontUse | null = null;
  let lastX = 0; // where the last visible glyph ended
  let lastY = 0;
  let spaceSeen = false;

  const flush = () => {
    if (text && runFont && upright) {
      // Text placed outside the visible page (clipped-off leftovers) is not part of the document.
      if (!(base < 0 || base - size > page.height || x0 > page.width || x1 < 0)) {
        runs.push({ text: normalize(text), x0, x1, base, size, bold: runFont.bold, italic: runFont.italic });
      }
    }
    text = '';
    runFont = null;
    spaceSeen = false;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.showText) {
      if (annotationDepth > 0 || !st.fontId || !args) continue;
      showText(args[0] as ArrayLike<Glyph | number>);
    } else if (fn === ops.save) {
      stack.push(copyState(st));
    } else if (fn === ops.restore) {
      const outer = stack.pop() ?? st;
      // getTextContent ends a run when Q brings back a different font (office suites wrap each cell's text
      // in q … Q with its own Tf, so neighbouring cells never run together).
      if (outer.fontId !== st.fontId || outer.fontSize !== st.fontSize) flush();
      st = outer;
    } else if (fn === ops.transform) {
      st.ctm = multiply(st.ctm, args as number[]);
    } else if (fn === ops.beginMarkedContent || fn === ops.beginMarkedContentProps || fn === ops.endMarkedContent) {
      flush();
    } else if (fn === ops.paintFormXObjectBegin) {
      flush();
      stack.push(copyState(st));
      const matrix = args?.[0] as ArrayLike<number> | null | undefined;
      if (matrix && matrix.length === 6) st.ctm = multiply(st.ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) {
      flush();
      st = stack.pop() ?? st;
    } else if (fn === ops.beginAnnotation) {
      // Annotation appearances (form fields, stamps) are not page text: getTextContent leaves them out too.
      annotationDepth++;
    } else if (fn === ops.endAnnotation) {
      annotationDepth = Math.max(0, annotationDepth - 1);
    } else if (fn === ops.beginText) {
      st.textMatrix = IDENTITY;
      st.x = st.lineX = st.y = st.lineY = 0;
    } else if (fn === ops.setTextMatrix) {
      const m = args?.[0] as ArrayLike<number> | undefined;
      // Kept as given (often a Float32Array): copying it was the most expensive line of this walk.
      if (m && m.length === 6) st.textMatrix = m;
      else if (args && args.length === 6) st.textMatrix = args as number[];
      st.x = st.lineX = st.y = st.lineY = 0;
    } else if (fn === ops.moveText) {
      moveText(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
    } else if (fn === ops.setLeadingMoveText) {
      st.leading = Number(args?.[1]) || 0;
      moveText(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
    } else if (fn === ops.nextLine) {
      moveText(0, st.leading);
    } else if (fn === ops.setLeading) {
      st.leading = -(Number(args?.[0]) || 0);
    } else if (fn === ops.setCharSpacing) {
      st.charSpacing = Number(args?.[0]) || 0;
    } else if (fn === ops.setWordSpacing) {
      st.wordSpacing = Number(args?.[0]) || 0;
    } else if (fn === ops.setHScale) {
      st.hScale = (Number(args?.[0]) || 0) / 100;
    } else if (fn === ops.setTextRise) {
      st.rise = Number(args?.[0]) || 0;
    } else if (fn === ops.setFont) {
      setFont(args?.[0], args?.[1]);
    } else if (fn === ops.setGState) {
      for (const entry of (args?.[0] as unknown[] | undefined) ?? []) {
        const [key, value] = entry as [string, unknown[]];
        if (key === 'Font' && Array.isArray(value)) setFont(value[0], value[1]);
      }
    }
  }
  flush();
  return runs;

  function moveText(dx: number, dy: number) {
    st.x = st.lineX += dx;
    st.y = st.lineY += dy;
  }

  function setFont(id: unknown, sizeArg: unknown) {
    let fontSize = Number(sizeArg) || 0;
    st.fontDirection = fontSize < 0 ? -1 : 1;
    if (fontSize < 0) fontSize = -fontSize;
    st.fontId = typeof id === 'string' ? id : null;
    st.fontSize = fontSize;
  }

  function showText(glyphs: ArrayLike<Glyph | number>) {
    if (!glyphs || st.fontSize === 0) return;
    const use = fontUse(st.fontId!);
    const fontSize = st.fontSize;
    const hScale = st.hScale * st.fontDirection;
    const advanceScale = fontSize * use.matrix[0];
    // Text space -> page space for this string.
    const m = multiply(multiply(page.transform, st.ctm), st.textMatrix);
    let glyphSize = fontSize * Math.hypot(m[2], m[3]);
    const font = use.font;
    if (font?.isType3Font && font.bbox && fontSize <= 1 && use.matrix !== FONT_IDENTITY) {
      // pdf.js sizes tiny Type3 text by the glyph box (getCurrentTextTransform).
      const glyphHeight = font.bbox[3] - font.bbox[1];
      if (glyphHeight > 0) glyphSize *= glyphHeight * use.matrix[3];
    }
    const isUpright = glyphSize > 0 && Math.abs(m[1] * fontSize * hScale) <= 0.05 * glyphSize && m[0] * hScale > 0;
    if (font?.vertical) {
      // Vertical writing takes no part in the layout; just move on as the renderer does.
      let advance = 0;
      for (let k = 0; k < glyphs.length; k++) {
        const g = glyphs[k];
        advance += typeof g === 'number' ? (g * fontSize) / 1000 : g.width * advanceScale;
      }
      st.y -= advance;
      return;
    }
    if (runFont !== use) flush();
    const ty = st.y + st.rise;
    let x = 0; // advance within this string, in unscaled text space
    for (let k = 0; k < glyphs.length; k++) {
      const g = glyphs[k];
      if (typeof g === 'number') {
        x -= (g * fontSize) / 1000;
        continue;
      }
      const unicode = g.unicode ?? '';
      const cat = unicode ? categoryOf(unicode) : 3;
      const width = cat === 2 ? 0 : g.width * advanceScale;
      const spacing = (g.isSpace ? st.wordSpacing : 0) + st.charSpacing;
      // Invisible format marks (soft hyphen, zero-width space) neither show nor move, as in getTextContent.
      if (cat === 3) continue;
      if (cat === 1) {
        spaceSeen = true;
        x += width + spacing * st.fontDirection;
        continue;
      }
      const tx = st.x + x * hScale;
      const px = m[0] * tx + m[2] * ty + m[4];
      const py = m[1] * tx + m[3] * ty + m[5];
      const endX = px + width * hScale * m[0];
      x += width + spacing * st.fontDirection;
      // A glyph outside the page is skipped without breaking the run, as getTextContent does.
      if (endX < 0 || px > page.width || py < 0 || py > page.height) continue;
      if (text) {
        const advance = px - lastX;
        const shift = Math.abs(py - lastY);
        const em = size;
        if (shift > BASELINE_SHIFT * em || advance < STEP_BACK_MAX * em || advance > SPACE_MAX * em || glyphSize !== size) {
          flush();
        } else if (cat !== 2 && (advance >= SPACE_MIN * em || spaceSeen) && !endsWithSpace) {
          text += ' ';
        }
      }
      if (!text) {
        runFont = use;
        x0 = px;
        x1 = endX;
        base = py;
        size = glyphSize;
        upright = isUpright;
      }
      text += unicode;
      endsWithSpace = unicode.charCodeAt(unicode.length - 1) === 32;
      spaceSeen = false;
      x1 = Math.max(x1, endX);
      if (cat !== 2) {
        lastX = endX;
        lastY = py;
      }
    }
    st.x += x * hScale;
  }
}
