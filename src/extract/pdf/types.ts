// Geometry the PDF layout code works on. All coordinates are PDF points in page space with the origin at
// the top-left of the (rotated) page, y growing downwards, so "smaller y" always means "higher on the page".

/** Horizontal text at a place on the page: a run, or a line of runs (lines.ts's TextLine). */
export interface PlacedText {
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  base: number;
  /** Font size in points (from the text matrix; of a line, the size most of its characters have). */
  size: number;
  /** Bold (of a line: every non-space character is). */
  bold: boolean;
}

/** One positioned piece of text as pdf.js reports it (a showText run), horizontal only. */
export interface TextRun extends PlacedText {
  italic: boolean;
}

/** Horizontal ruling line (stroked line, or a thin filled rectangle). */
export interface HSeg {
  y: number;
  x0: number;
  x1: number;
}

/** Vertical ruling line. */
export interface VSeg {
  x: number;
  y0: number;
  y1: number;
}

/** What one page gives the layout code. */
export interface PageContent {
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  hsegs: HSeg[];
  vsegs: VSeg[];
}
