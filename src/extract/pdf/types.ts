// Geometry the PDF layout code works on. All coordinates are PDF points in page space with the origin at
// the top-left of the (rotated) page, y growing downwards, so "smaller y" always means "higher on the page".

/** One positioned piece of text as pdf.js reports it (a showText run), horizontal only. */
export interface TextRun {
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  base: number;
  /** Font size in points (from the text matrix). */
  size: number;
  bold: boolean;
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
