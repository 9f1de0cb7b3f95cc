// The bounded unzip in front of exceljs. exceljs (through JSZip) inflates every part of a workbook in memory with
// no limit, so a zip bomb or a sheet of a million empty formatted rows would exhaust the worker. Here the central
// directory is read first and every part is inflated with its declared size as a hard cap (zlib's
// maxOutputLength): a part that claims little and inflates to a lot is refused before it fills memory. Sheets
// lose their valueless cells and rows (formatting only, nothing a reader sees) so exceljs never walks them.
import { inflateRawSync } from 'node:zlib';
import { ExtractionError } from '../../model/document.js';

/** Everything a workbook unpacks to, all parts together. Real BCF templates unpack to a few MB. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
export const MAX_ENTRIES = 5_000;
/** Cells with a value, whole workbook, after empty ones are dropped: a plan workbook has tens of thousands; exceljs
 * holds ~1 KB per cell, so 250,000 stay near 330 MB, well inside a worker's heap limit (measured: 400,000 cells, 519 MB RSS). */
export const MAX_CELLS = 250_000;

export interface ZipEntry {
  name: string;
  data: Buffer;
}

export interface UnzippedWorkbook {
  entries: ZipEntry[];
  /** Per sheet part: how many valueless rows were dropped (formatting only). */
  emptyRowsDropped: Map<string, number>;
  cells: number;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

const mb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** Inflate every part of the zip within the limits above, or throw an ExtractionError saying why not. */
export function unzipBounded(bytes: Uint8Array): UnzippedWorkbook {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new ExtractionError('workbook is damaged: no zip central directory (truncated?)', 'truncated');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw new ExtractionError('workbook is a ZIP64 archive (over 4 GB or 65,535 parts): not a plan workbook', 'too_large');
  }
  if (count > MAX_ENTRIES) throw new ExtractionError(`workbook has ${count} zip parts, over the ${MAX_ENTRIES} limit`, 'too_large');

  // First pass: the declared sizes, so a bomb is refused before anything is inflated.
  const headers: { name: string; method: number; compSize: number; size: number; local: number }[] = [];
  let p = cdOffset;
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) {
      throw new ExtractionError('workbook is damaged: zip central directory is corrupt', 'corrupt');
    }
    const method = buf.readUInt16LE(p + 10);
    const compSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8').replace(/^\//, '');
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    declared += size;
    headers.push({ name, method, compSize, size, local });
  }
  if (declared > MAX_UNPACKED_BYTES) {
    throw new ExtractionError(
      `workbook unpacks to ${mb(declared)} from ${mb(buf.length)}, over the ${mb(MAX_UNPACKED_BYTES)} limit (a zip bomb?)`,
      'too_large',
    );
  }

  const entries: ZipEntry[] = [];
  const emptyRowsDropped = new Map<string, number>();
  let cells = 0;
  for (const h of headers) {
    if (h.local + 30 > buf.length || buf.readUInt32LE(h.local) !== 0x04034b50) {
      throw new ExtractionError(`workbook is damaged: zip part ${h.name} is missing (truncated?)`, 'truncated');
    }
    const start = h.local + 30 + buf.readUInt16LE(h.local + 26) + buf.readUInt16LE(h.local + 28);
    if (start + h.compSize > buf.length) throw new ExtractionError(`workbook is damaged: zip part ${h.name} is cut short (truncated?)`, 'truncated');
    const raw = buf.subarray(start, start + h.compSize);
    let data: Buffer;
    if (h.method === 0) data = Buffer.from(raw);
    else if (h.method === 8) {
      try {
        // One byte of slack: inflating exactly `size` bytes must not trip the cap.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, h.size + 1) });
      } catch (err) {
        if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new ExtractionError(`workbook part ${h.name} inflates past its declared ${h.size} bytes (a zip bomb?)`, 'too_large');
        }
        throw new ExtractionError(`workbook is damaged: zip part ${h.name} cannot be inflated (${(err as Error).message})`, 'corrupt');
      }
      if (data.length !== h.size) {
        throw new ExtractionError(`workbook is damaged: zip part ${h.name} inflates to ${data.length} bytes, not the declared ${h.size}`, 'corrupt');
      }
    } else {
      throw new ExtractionError(`workbook zip part ${h.name} uses compression method ${h.method}, which Excel does not write`, 'corrupt');
    }
    if (/^xl\/.*\.xml$/i.test(h.name) && data.includes(PREFIXED_MAIN)) data = Buffer.from(unprefixMain(data.toString('utf8')), 'utf8');
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(h.name)) {
      const slim = dropValuelessCells(data.toString('utf8'));
      cells += slim.cells;
      if (cells > MAX_CELLS) {
        throw new ExtractionError(`workbook has over ${MAX_CELLS.toLocaleString('en-GB')} cells with values: not a plan workbook`, 'too_large');
      }
      if (slim.rowsDropped > 0) emptyRowsDropped.set(h.name, slim.rowsDropped);
      data = Buffer.from(slim.xml, 'utf8');
    }
    entries.push({ name: h.name, data });
  }
  return { entries, emptyRowsDropped, cells };
}

// Sheet XML: `<c r="B7" s="3"/>` is a formatted cell with no value; `<row r="9" s="2" customFormat="1"/>` (or a row
// left with no cells) is a formatted empty row. Neither shows anything. Prefixes (`x:row`) occur in generated files.
// No lazy quantifiers, back-references or callbacks: these run over tens of MB (about 0.2 s for a million rows).
const VALUELESS_CELL = /<(?:\w+:)?c\b[^>]*\/>/g;
const EMPTY_CELL_PAIR = /<(?:\w+:)?c\b[^>]*>\s*<\/(?:\w+:)?c>/g;
const EMPTY_ROW_SELF = /<(?:\w+:)?row\b[^>]*\/>/g;
const EMPTY_ROW_PAIR = /<(?:\w+:)?row\b[^>]*>\s*<\/(?:\w+:)?row>/g;
const ROW_OPEN = /<(?:\w+:)?row\b/g;
const CELL_OPEN = /<(?:\w+:)?c[\s>]/g;

export function dropValuelessCells(xml: string): { xml: string; rowsDropped: number; cells: number } {
  const out = xml.replace(VALUELESS_CELL, '').replace(EMPTY_CELL_PAIR, '').replace(EMPTY_ROW_SELF, '').replace(EMPTY_ROW_PAIR, '');
  const rowsDropped = (xml.match(ROW_OPEN)?.length ?? 0) - (out.match(ROW_OPEN)?.length ?? 0);
  const cells = out.match(CELL_OPEN)?.length ?? 0;
  return { xml: out, rowsDropped, cells };
}

// Generators built on the .NET Open XML SDK write SpreadsheetML with a prefix (`<x:workbook xmlns:x="…/main">`);
// Excel reads it, exceljs does not ("Cannot read properties of undefined (reading 'sheets')"). The prefix of the
// main namespace is dropped so those files read like Excel's own.
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PREFIXED_MAIN = Buffer.from(`="${MAIN_NS}"`);

export function unprefixMain(xml: string): string {
  const decl = new RegExp(`xmlns:(\\w+)="${MAIN_NS.replace(/[./]/g, '\\$&')}"`).exec(xml);
  if (!decl) return xml;
  const p = decl[1];
  // Another namespace already the default in the part: renaming would move elements into it.
  const otherDefault = /\sxmlns="([^"]*)"/.exec(xml);
  if (otherDefault && otherDefault[1] !== MAIN_NS) return xml;
  return xml.replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1').replace(decl[0], `xmlns="${MAIN_NS}"`);
}
