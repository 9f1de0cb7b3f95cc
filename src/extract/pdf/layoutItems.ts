// The layout's intermediate values: a page's elements (lines and tables) and the items they are grouped into
// across pages (paragraph line groups and tables), before they are classified as blocks.
import type { TableRow } from '../../model/document.js';
import type { TextLine } from './lines.js';

export interface LineEl {
  kind: 'line';
  page: number;
  top: number;
  line: TextLine;
  /** Text column edges when the page is set in columns (otherwise the page's text edges apply). */
  column?: { left: number; right: number };
}

export interface TableEl {
  kind: 'table';
  page: number;
  top: number;
  x0: number;
  x1: number;
  rows: TableRow[];
  /** Cell edges of the first and last kept rows, to recognise a continuation on the next page. */
  firstXs: number[];
  lastXs: number[];
  /** Read from the text's gutters, not rules: its edges are where the text ends, which differs from page to page. */
  borderless?: boolean;
}

export type Element = LineEl | TableEl;

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  elements: Element[];
}

export interface LineGroup {
  kind: 'group';
  page: number;
  lines: TextLine[];
  bullet: { rest: string; textX0: number } | null;
}

export interface TableItem {
  kind: 'table';
  el: TableEl;
}

export type Item = LineGroup | TableItem;
