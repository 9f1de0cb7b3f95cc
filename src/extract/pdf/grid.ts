// Ruled tables: connected groups of horizontal and vertical ruling lines become a grid of cells.
// Cells are found per row band (the space between two horizontal rules), from the vertical rules that
// cross that band, so a table whose rows have different column widths (one table drawn as several
// sections) still reads row by row as drawn. A cell with no rule above it continues the cell above
// (a vertical merge): its text goes to the top cell and the lower rows get an empty cell.
import type { HSeg, TextRun, VSeg } from './types.js';

export interface GridCell {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** The cell whose text this area belongs to (itself, or the cell above for a vertical merge). */
  owner: GridCell;
  runs: TextRun[];
}

export interface GridBand {
  y0: number;
  y1: number;
  cells: GridCell[];
}

export interface RuledTable {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  bands: GridBand[];
}

const JOIN = 2.5; // how far apart two rules may be and still meet
const SAME = 1.5; // two coordinates within this are the same rule position

function clusterValues(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  let last = -Infinity;
  for (const v of sorted) {
    if (n > 0 && v - last > SAME) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n++;
    last = v;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

/**
 * Merge collinear pieces (office suites draw one rule per cell edge). Rules are first grouped by their
 * position (within 1pt), then joined along their length where they touch.
 */
export function mergeHorizontal(segs: HSeg[]): HSeg[] {
  return mergeCollinear(
    segs.map((s) => ({ at: s.y, from: s.x0, to: s.x1 })),
  ).map((m) => ({ y: m.at, x0: m.from, x1: m.to }));
}

export function mergeVertical(segs: VSeg[]): VSeg[] {
  return mergeCollinear(
    segs.map((s) => ({ at: s.x, from: s.y0, to: s.y1 })),
  ).map((m) => ({ x: m.at, y0: m.from, y1: m.to }));
}

interface Rule {
  at: number;
  from: number;
  to: number;
}

function mergeCollinear(rules: Rule[]): Rule[] {
  const byPosition = [...rules].sort((a, b) => a.at - b.at);
  const out: Rule[] = [];
  let i = 0;
  while (i < byPosition.length) {
    let j = i + 1;
    while (j < byPosition.length && byPosition[j].at - byPosition[j - 1].at <= 1) j++;
    const line = byPosition.slice(i, j).sort((a, b) => a.from - b.from);
    let cur: Rule | null = null;
    for (const r of line) {
      if (cur && r.from <= cur.to + JOIN) {
        cur.to = Math.max(cur.to, r.to);
      } else {
        if (cur) out.push(cur);
        cur = { ...r };
      }
    }
    if (cur) out.push(cur);
    i = j;
  }
  return out;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

/** Find ruled tables on a page. A single framed box (one cell) is not a table: it is a text frame. */
export function findRuledTables(hsegsIn: HSeg[], vsegsIn: VSeg[]): RuledTable[] {
  const hsegs = mergeHorizontal(hsegsIn);
  const vsegs = mergeVertical(vsegsIn);
  if (hsegs.length < 2 || vsegs.length < 2) return [];
  // Connected components of rules that touch (H indices first, then V).
  const nh = hsegs.length;
  const parent = Array.from({ length: nh + vsegs.length }, (_, i) => i);
  for (let i = 0; i < nh; i++) {
    const h = hsegs[i];
    for (let j = 0; j < vsegs.length; j++) {
      const v = vsegs[j];
      if (v.x >= h.x0 - JOIN && v.x <= h.x1 + JOIN && h.y >= v.y0 - JOIN && h.y <= v.y1 + JOIN) {
        const a = find(parent, i);
        const b = find(parent, nh + j);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const groups = new Map<number, { h: HSeg[]; v: VSeg[] }>();
  for (let i = 0; i < parent.length; i++) {
    const root = find(parent, i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    if (i < nh) g.h.push(hsegs[i]);
    else g.v.push(vsegs[i - nh]);
  }
  const tables: RuledTable[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 1 || g.v.length < 2) continue;
    closeOpenEnds(g);
    if (g.h.length < 2) continue;
    const table = buildGrid(g.h, g.v);
    if (!table) continue;
    const cellCount = table.bands.reduce((n, b) => n + b.cells.length, 0);
    if (cellCount < 2) continue;
    tables.push(table);
  }
  return tables.sort((a, b) => a.y0 - b.y0);
}

/**
 * A row cut by a page break may be drawn without its rule at the cut (browsers and some PDF writers leave the
 * border of a split cell open): its column rules run on past the table's top or bottom rule. Where two or more
 * of them end together there, that is the row's edge.
 */
function closeOpenEnds(g: { h: HSeg[]; v: VSeg[] }): void {
  const top = Math.min(...g.h.map((s) => s.y));
  const bottom = Math.max(...g.h.map((s) => s.y));
  const edge = (ends: number[], xs: number[]) => {
    const at = clusterValues(ends).find((y) => ends.filter((e) => Math.abs(e - y) <= SAME).length >= 2);
    if (at === undefined) return;
    const near = xs.filter((_, k) => Math.abs(ends[k] - at) <= SAME);
    g.h.push({ y: at, x0: Math.min(...near), x1: Math.max(...near) });
  };
  const above = g.v.filter((s) => s.y0 < top - 2 * JOIN);
  edge(above.map((s) => s.y0), above.map((s) => s.x));
  const below = g.v.filter((s) => s.y1 > bottom + 2 * JOIN);
  edge(below.map((s) => s.y1), below.map((s) => s.x));
}

function buildGrid(h: HSeg[], v: VSeg[]): RuledTable | null {
  const ys = clusterValues(h.map((s) => s.y));
  const bands: GridBand[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const y0 = ys[i];
    const y1 = ys[i + 1];
    if (y1 - y0 < 2) continue;
    const mid = (y0 + y1) / 2;
    const xs = clusterValues(v.filter((s) => s.y0 - JOIN <= mid && s.y1 + JOIN >= mid).map((s) => s.x));
    const cells: GridCell[] = [];
    for (let k = 0; k + 1 < xs.length; k++) {
      if (xs[k + 1] - xs[k] < 2) continue;
      const cell = { x0: xs[k], x1: xs[k + 1], y0, y1, runs: [] } as unknown as GridCell;
      cell.owner = cell;
      cells.push(cell);
    }
    if (cells.length === 0) continue;
    // Vertical merge: no rule across the top of this cell means it continues the cell above.
    const above = bands.length > 0 && Math.abs(bands[bands.length - 1].y1 - y0) < SAME ? bands[bands.length - 1] : null;
    if (above) {
      for (const cell of cells) {
        const cx = (cell.x0 + cell.x1) / 2;
        const ruled = h.some((s) => Math.abs(s.y - y0) <= SAME && s.x0 - JOIN <= cx && s.x1 + JOIN >= cx);
        if (ruled) continue;
        const up = above.cells.find((c) => Math.abs(c.x0 - cell.x0) < JOIN && Math.abs(c.x1 - cell.x1) < JOIN);
        if (up) cell.owner = up.owner;
      }
    }
    bands.push({ y0, y1, cells });
  }
  if (bands.length === 0) return null;
  const x0 = Math.min(...bands.flatMap((b) => b.cells.map((c) => c.x0)));
  const x1 = Math.max(...bands.flatMap((b) => b.cells.map((c) => c.x1)));
  if (x1 - x0 < 20) return null;
  return { x0, x1, y0: bands[0].y0, y1: bands[bands.length - 1].y1, bands };
}

/**
 * Put each run into the table cell that holds it; return the runs outside every table. A run is placed by
 * its first character and the middle of its x-height, so a run that overflows its cell stays in it.
 */
export function assignRunsToCells(tables: RuledTable[], runs: TextRun[]): TextRun[] {
  if (tables.length === 0) return runs;
  const outside: TextRun[] = [];
  for (const run of runs) {
    const x = Math.min(run.x0 + Math.max(run.size * 0.3, 1), (run.x0 + run.x1) / 2);
    const y = run.base - run.size * 0.3;
    let placed = false;
    for (const t of tables) {
      if (x < t.x0 || x > t.x1 || y < t.y0 || y > t.y1) continue;
      const band = bandAt(t.bands, y);
      const cell = band?.cells.find((c) => x >= c.x0 && x <= c.x1);
      if (cell) {
        cell.owner.runs.push(run);
        placed = true;
      }
      break;
    }
    if (!placed) outside.push(run);
  }
  return outside;
}

function bandAt(bands: GridBand[], y: number): GridBand | undefined {
  let lo = 0;
  let hi = bands.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = bands[mid];
    if (y < b.y0) hi = mid - 1;
    else if (y > b.y1) lo = mid + 1;
    else return b;
  }
  return undefined;
}
