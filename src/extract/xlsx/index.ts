// Excel workbooks (.xlsx, .xlsm) into the one document model, shaped like a well-converted DOCX: each visible sheet
// is a heading (its name) followed by its used ranges, each range a table; lone text lines above a range (titles,
// guidance) are paragraphs. Cells show what the sheet displays (number format applied, formulas by their cached
// result); merged ranges become colSpan/rowSpan on the top-left cell, the rest of its top row left out (as in HTML) and
// each row below it holding one empty `mergedInto` cell (as Word's vMerge continuation), so cells line up by column;
// hidden sheets, rows and columns are not read and say so in `doc.messages`. Every row and cell carries its
// reference (`Sheet!B7`); the page is null.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  buildDocument,
  ExtractionError,
  type DocumentModel,
  type Finding,
  type RawBlock,
  type TableCell,
  type TableRow,
} from '../../model/document.js';
import { displayedText } from './display.js';
import { unzipBounded, type UnzippedWorkbook } from './zip.js';

/** Rows with values, per sheet: a plan's sheet has a few hundred; a sheet past this is not read beyond it. */
export const MAX_SHEET_ROWS = 20_000;

const info = (message: string, source?: string): Finding => ({ level: 'info', message: `xlsx: ${message}`, page: null, ...(source ? { source } : {}) });
const warning = (message: string, source?: string): Finding => ({ level: 'warning', message: `xlsx: ${message}`, page: null, ...(source ? { source } : {}) });

/** Excel's own form of a reference: a sheet name with spaces or punctuation is quoted ('Finance - Summary'!B7). */
export function cellRef(sheet: string, row: number, col: number): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetters(col)}${row}`;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface SheetCell {
  col: number;
  text: string;
  bold: boolean;
  numeric: boolean;
}

interface SheetRow {
  row: number;
  cells: SheetCell[];
  /** Some column of the row is covered by a merged range (so the row is part of a table even if blank). */
  covered: boolean;
}

/** Parts of the package that say what kind of workbook it is, before exceljs sees it. */
function packageNotes(unzipped: UnzippedWorkbook, messages: Finding[]): void {
  const names = unzipped.entries.map((e) => e.name);
  if (names.includes('xl/workbook.bin')) {
    throw new ExtractionError('Excel binary workbook (.xlsb) is not supported: save it as .xlsx', 'unsupported');
  }
  if (!names.includes('xl/workbook.xml')) {
    throw new ExtractionError('file is a zip archive but not an Excel workbook (no xl/workbook.xml) nor a Word document', 'wrong_type');
  }
  if (names.some((n) => /^xl\/vbaProject\.bin$/i.test(n))) {
    messages.push(info('macro-enabled workbook (.xlsm): its macros are ignored; cells are read as last saved'));
  }
  const links = names.filter((n) => /^xl\/externalLinks\/externalLink\d+\.xml$/i.test(n));
  if (links.length > 0) {
    const targets = unzipped.entries
      .filter((e) => /^xl\/externalLinks\/_rels\//i.test(e.name))
      .flatMap((e) => [...e.data.toString('utf8').matchAll(/Target="([^"]*)"/g)].map((m) => decodeURIComponent(m[1])));
    messages.push(
      warning(
        `workbook links to ${links.length} other workbook${links.length > 1 ? 's' : ''}${targets.length ? ` (${targets.join(', ')})` : ''}: ` +
          'linked cells show the values saved with this file and are not refreshed',
      ),
    );
  }
}

async function loadWorkbook(unzipped: UnzippedWorkbook): Promise<ExcelJS.Workbook> {
  // Re-pack the bounded, slimmed parts uncompressed: exceljs then unzips no more than was checked. Macros are
  // dropped here: nothing reads them.
  const zip = new JSZip();
  for (const e of unzipped.entries) if (!/^xl\/vbaProject\.bin$/i.test(e.name)) zip.file(e.name, e.data);
  const packed = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(packed as unknown as ArrayBuffer);
  } catch (err) {
    throw new ExtractionError(`workbook cannot be read: ${(err as Error).message}`, 'corrupt');
  }
  return wb;
}

/** A sheet's visible rows with values, merges, and what was skipped. */
function readSheet(
  ws: ExcelJS.Worksheet,
  date1904: boolean,
  messages: Finding[],
): { rows: SheetRow[]; merges: Map<string, Merge>; hidden: Set<number> } {
  const hiddenRows: number[] = [];
  const hiddenCols = new Set<number>();
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenCols.add(c);
  const hiddenColsWithValues = new Set<number>();
  const hidden = new Set<number>();
  const merges = new Map<string, Merge>(); // by the master cell's "row:col"
  const rows: SheetRow[] = [];
  let noResult = 0;
  let firstNoResult = '';
  let truncated = false;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (truncated) return;
    const cells: SheetCell[] = [];
    let covered = false;
    let anyValue = false;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged) {
        const m = cell.master;
        const key = `${m.fullAddress.row}:${m.fullAddress.col}`;
        const box = merges.get(key) ?? { top: m.fullAddress.row, left: m.fullAddress.col, bottom: m.fullAddress.row, right: m.fullAddress.col };
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, c);
        merges.set(key, box);
        if (m !== cell) {
          covered = true;
          return;
        }
      }
      if (hiddenCols.has(c)) {
        if (cell.value !== null && cell.value !== undefined) hiddenColsWithValues.add(c);
        return;
      }
      const shown = displayedText(cell, date1904);
      if (shown.noCachedResult) {
        noResult++;
        firstNoResult ||= cellRef(ws.name, r, c);
      }
      if (shown.text === '' && !cell.isMerged && !shown.formula) return;
      if (shown.text !== '') anyValue = true;
      const v = cell.value;
      const numeric = typeof v === 'number' || (typeof v === 'object' && v !== null && 'result' in v && typeof (v as ExcelJS.CellFormulaValue).result === 'number');
      cells.push({ col: c, text: shown.text, bold: Boolean(cell.font?.bold), numeric });
    });
    if (!anyValue && !covered && cells.length === 0) return;
    if (row.hidden) {
      if (anyValue) hiddenRows.push(r);
      hidden.add(r);
      return;
    }
    if (rows.length >= MAX_SHEET_ROWS) {
      truncated = true;
      return;
    }
    rows.push({ row: r, cells, covered });
  });
  if (hiddenRows.length > 0) {
    const list = hiddenRows.slice(0, 10).join(', ') + (hiddenRows.length > 10 ? ', …' : '');
    messages.push(info(`sheet "${ws.name}": ${hiddenRows.length} hidden row${hiddenRows.length > 1 ? 's' : ''} not read (row ${list})`));
  }
  const hiddenWithValues = [...hiddenColsWithValues].sort((a, b) => a - b);
  if (hiddenWithValues.length > 0) {
    messages.push(info(`sheet "${ws.name}": hidden column${hiddenWithValues.length > 1 ? 's' : ''} ${hiddenWithValues.map(columnLetters).join(', ')} not read`));
  }
  if (noResult > 0) {
    messages.push(
      warning(
        `sheet "${ws.name}": ${noResult} formula${noResult > 1 ? 's have' : ' has'} no saved result (the file was written by a program and never recalculated in Excel): shown empty`,
        firstNoResult,
      ),
    );
  }
  if (truncated) messages.push(warning(`sheet "${ws.name}": over ${MAX_SHEET_ROWS.toLocaleString('en-GB')} rows with values; rows after ${MAX_SHEET_ROWS.toLocaleString('en-GB')} not read`));
  return { rows, merges, hidden };
}

/**
 * Runs of consecutive rows: a blank row ends a run; a hidden row does not (it is only left out), and a merge
 * reaching into the next row keeps the run going.
 */
function regions(rows: SheetRow[], merges: Map<string, Merge>, hidden: Set<number>): SheetRow[][] {
  const out: SheetRow[][] = [];
  let current: SheetRow[] = [];
  let reach = 0; // last row a merge started in the current run covers
  for (const row of rows) {
    const prev = current[current.length - 1];
    let gap = false;
    if (prev) for (let r = prev.row + 1; r < row.row && !gap; r++) gap = !hidden.has(r);
    if (gap && row.row > reach) {
      out.push(current);
      current = [];
    }
    current.push(row);
    for (const c of row.cells) {
      const m = merges.get(`${row.row}:${c.col}`);
      if (m) reach = Math.max(reach, m.bottom);
    }
  }
  if (current.length) out.push(current);
  return out;
}

const isLoneText = (r: SheetRow) => r.cells.length === 1 && !r.cells[0].numeric && !r.covered;

function tableBlock(sheet: string, rows: SheetRow[], merges: Map<string, Merge>): RawBlock {
  // Columns used by the range: every column with a value or a merge start; empty columns between are dropped.
  const used = new Set<number>();
  for (const r of rows) for (const c of r.cells) used.add(c.col);
  const cols = [...used].sort((a, b) => a - b);
  const rowNumbers = new Set(rows.map((r) => r.row));
  const keptBetween = (from: number, to: number) => cols.filter((c) => c >= from && c <= to).length;
  const rowsBetween = (from: number, to: number) => [...rowNumbers].filter((r) => r >= from && r <= to).length;
  // Positions a merged range covers (other than its top-left cell), within this range's rows and columns only.
  const coveredPositions = new Map<string, Merge>();
  for (const g of merges.values()) {
    for (const r of rowNumbers) {
      if (r < g.top || r > g.bottom) continue;
      for (const c of cols) if (c >= g.left && c <= g.right && !(r === g.top && c === g.left)) coveredPositions.set(`${r}:${c}`, g);
    }
  }
  const out: TableRow[] = rows.map((r) => {
    const byCol = new Map(r.cells.map((c) => [c.col, c]));
    const cells: TableCell[] = [];
    for (const col of cols) {
      const c = byCol.get(col);
      const m = merges.get(`${r.row}:${col}`);
      const g = coveredPositions.get(`${r.row}:${col}`);
      if (g && !(c && c.text !== '')) {
        // Covered by a merge: left out along the merge's top row (the colSpan says so); in each row below, one empty
        // cell at the merge's left edge, spanning its width, as Word's vMerge continuation cells: every row's cells
        // then line up by column.
        if (r.row > g.top && col === g.left) {
          const span = keptBetween(g.left, g.right);
          cells.push({ text: '', ref: cellRef(sheet, r.row, col), mergedInto: cellRef(sheet, g.top, g.left), ...(span > 1 ? { colSpan: span } : {}) });
        }
        continue;
      }
      if (!c) {
        cells.push({ text: '', ref: cellRef(sheet, r.row, col) });
        continue;
      }
      const cell: TableCell = { text: c.text, ref: cellRef(sheet, r.row, col) };
      if (m) {
        const colSpan = keptBetween(m.left, m.right);
        const rowSpan = rowsBetween(m.top, m.bottom);
        if (colSpan > 1) cell.colSpan = colSpan;
        if (rowSpan > 1) cell.rowSpan = rowSpan;
      }
      cells.push(cell);
    }
    return { cells, page: null, ref: cellRef(sheet, r.row, cols[0]) };
  });
  // Header rows, where the sheet makes them evident: leading all-text rows in bold, or a leading all-text row
  // holding a merged group label (the two-row header of a year spanning two columns). Never every row.
  for (let i = 0; i < rows.length - 1 && i < 3; i++) {
    const r = rows[i];
    const texts = r.cells.filter((c) => c.text !== '');
    if (texts.length === 0 || texts.some((c) => c.numeric)) break;
    const bold = texts.every((c) => c.bold);
    const groupLabel = out[i].cells.some((c) => (c.colSpan ?? 1) > 1 && !c.mergedInto) && texts.length >= 2;
    if (!bold && !groupLabel) break;
    out[i].header = true;
  }
  return { kind: 'table', rows: out, page: null };
}

function sheetBlocks(ws: ExcelJS.Worksheet, date1904: boolean, messages: Finding[]): RawBlock[] {
  const blocks: RawBlock[] = [{ kind: 'heading', level: 1, text: ws.name, page: null }];
  const { rows, merges, hidden } = readSheet(ws, date1904, messages);
  if (rows.length === 0) messages.push(info(`sheet "${ws.name}" has no values`));
  for (const region of regions(rows, merges, hidden)) {
    let start = 0;
    let end = region.length;
    // Titles and guidance above a range, and notes under it, read as paragraphs (as in a Word document).
    while (start < end && isLoneText(region[start])) start++;
    while (end > start + 1 && isLoneText(region[end - 1]) && region[end - 1].cells[0].text.length > 60) end--;
    if (end - start === 1 && region[start].cells.length <= 1) end = start; // one lone value: a paragraph too
    const para = (r: SheetRow): RawBlock => ({ kind: 'paragraph', text: r.cells.map((c) => c.text).join(' '), page: null, ...(r.cells.every((c) => c.bold) ? { bold: true } : {}) });
    for (let i = 0; i < start; i++) blocks.push(para(region[i]));
    if (end > start) blocks.push(tableBlock(ws.name, region.slice(start, end), merges));
    for (let i = Math.max(start, end); i < region.length; i++) blocks.push(para(region[i]));
  }
  return blocks;
}

/** Extract the document model from .xlsx/.xlsm bytes. Throws ExtractionError when the workbook cannot be read. */
export async function extractXlsx(bytes: Uint8Array): Promise<DocumentModel> {
  const messages: Finding[] = [];
  const unzipped = unzipBounded(bytes);
  packageNotes(unzipped, messages);
  for (const [part, n] of unzipped.emptyRowsDropped) {
    if (n >= 1000) messages.push(info(`${part}: ${n.toLocaleString('en-GB')} formatted rows with no values ignored`));
  }
  const wb = await loadWorkbook(unzipped);
  const date1904 = Boolean(wb.properties?.date1904);
  const blocks: RawBlock[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') {
      const filled = ws.actualRowCount > 0;
      messages.push(info(`sheet "${ws.name}" is ${ws.state === 'veryHidden' ? 'very hidden' : 'hidden'}: not read${filled ? '' : ' (it is empty)'}`));
      continue;
    }
    blocks.push(...sheetBlocks(ws, date1904, messages));
  }
  if (!blocks.some((b) => b.kind !== 'heading')) {
    throw new ExtractionError(
      wb.worksheets.length === 0 ? 'workbook has no sheets' : 'workbook has no visible sheet with values',
      'empty',
    );
  }
  return buildDocument('xlsx', null, blocks, messages);
}
