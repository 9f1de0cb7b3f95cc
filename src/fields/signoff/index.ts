// Sign-off blocks: "Signed on behalf of <organisation>" followed by "By <name>", "Position", "Date". A
// signatory with no name or no date (blank, or a placeholder left in) is unsigned. Other approval tables
// (a council report's "approved by the following people") are not the plan's sign-off and are not read.
import type { DocumentModel, Result } from '../../model/document.js';
import type { Signatory } from '../../record/checks.js';
import { cleanCell, foldHomoglyphs } from '../../text/clean.js';
import { rowText } from '../../text/rows.js';
import { findPlaceholders } from '../placeholders/index.js';

interface Line {
  cells: string[];
  raw: string;
  offset: number;
  page: number | null;
  heading: boolean;
}

function linesOf(doc: DocumentModel): Line[] {
  const lines: Line[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'table') {
      lines.push({ cells: [b.text], raw: b.text, offset: b.offset, page: b.page, heading: b.kind === 'heading' });
      continue;
    }
    let at = b.offset;
    for (const r of b.rows) {
      const raw = rowText(r);
      lines.push({ cells: r.cells.map((c) => c.text), raw, offset: at, page: r.page ?? b.page, heading: false });
      at += raw.length + 1;
    }
  }
  return lines;
}

const SIGNED_ON_BEHALF = /^signed on behalf of\b/i;
const NAME_LABEL = /^(by|name|signed by|print name|signatory)\b\s*:?/i;
const DATE_LABEL = /^date\b\s*:?/i;
const OTHER_LABEL = /^(position|job title|title|role|designation|signature|organisation|on behalf)\b/i;
const DATE_VALUE =
  /\b\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}\b|\b\d{1,2}\s*(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}\b/i;

/** A filled value: not blank, not a placeholder, not the template's "(insert signature here)". */
function isFilled(value: string): boolean {
  const v = cleanCell(value);
  if (!v || findPlaceholders(value).length > 0) return false;
  return !/^\(?\s*insert\b/i.test(v) && !/^(n\/?a|-+|_+|\.+)$/i.test(v);
}

function valueCells(line: Line): string[] {
  return line.cells.slice(1).filter((c) => isFilled(c));
}

/** The sign-off field: every signatory block in the document (wherever the template puts its sign-off: plans
 *  sign in annexes and covering letters too), with whether it carries a name and a date. */
export function extractSignatories(doc: DocumentModel): Result<Signatory[]> {
  return { value: findSignatories(doc), messages: [] };
}

function findSignatories(doc: DocumentModel): Signatory[] {
  const lines = linesOf(doc);
  const out: Signatory[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = foldHomoglyphs(cleanCell(lines[i].cells[0] ?? ''));
    if (!SIGNED_ON_BEHALF.test(first)) continue;
    // The block runs to the next "Signed on behalf of", a heading, or a long paragraph: at most 14 lines, room for
    // a block flattened one cell per line with a wrapped party, a name on two lines and the template's
    // "<Insert extra rows …>" between the date label and the date.
    const block: Line[] = [lines[i]];
    for (let j = i + 1; j < lines.length && block.length < 14; j++) {
      const l = lines[j];
      const head = foldHomoglyphs(cleanCell(l.cells[0] ?? ''));
      if (l.heading || SIGNED_ON_BEHALF.test(head) || (l.cells.length === 1 && l.raw.length > 120)) break;
      block.push(l);
    }
    let hasName = false;
    let hasDate = false;
    // Set on the line after a "By" row whose value cells are blank: the label may wrap onto that line.
    let wrappedNameNext = false;
    for (const l of block) {
      const head = foldHomoglyphs(cleanCell(l.cells[0] ?? ''));
      const wrapped = wrappedNameNext;
      wrappedNameNext = false;
      if (NAME_LABEL.test(head) && !SIGNED_ON_BEHALF.test(head)) {
        // A blank "By" row (its label may wrap onto the next row), or a bare "By" line with the name below it.
        wrappedNameNext = l.cells.length > 1 ? l.cells.slice(1).every((c) => !c.trim()) : /^(by|name|signed by|print name|signatory)\s*:?$/i.test(head);
        // "By: Jane Smith" in a cell, or "By Jane Smith" as a line of its own; in a table row the label cell's
        // own words are the role ("By Chair of Health and Wellbeing Board") and the name is in the next cell.
        const inline = /:\s*(.+)$/.exec(head)?.[1] ?? (l.cells.length === 1 ? head.replace(NAME_LABEL, '').trim() : '');
        if (valueCells(l).length > 0 || (inline && isFilled(inline))) hasName = true;
        continue;
      }
      if (DATE_LABEL.test(head)) {
        const inline = head.replace(DATE_LABEL, '').trim();
        if (valueCells(l).length > 0 || (inline && isFilled(inline))) hasDate = true;
        continue;
      }
      // A label wrapped onto the next row ("By Co-Chair of Health and Wellbeing" / "Board | <name>").
      const values = l.cells.length === 1 ? l.cells.filter(isFilled) : valueCells(l);
      if (wrapped && !hasName && !OTHER_LABEL.test(head) && !DATE_LABEL.test(head) && values.length > 0 && !DATE_VALUE.test(l.raw)) hasName = true;
      if (DATE_VALUE.test(l.raw) && l.cells.every((c) => findPlaceholders(c).length === 0)) hasDate = true;
    }
    // Who signs: the "Signed on behalf of" line and any organisation cell before the first label row.
    const firstLabel = block.findIndex((l, k) => k > 0 && (NAME_LABEL.test(foldHomoglyphs(cleanCell(l.cells[0] ?? ''))) || DATE_LABEL.test(cleanCell(l.cells[0] ?? '')) || OTHER_LABEL.test(cleanCell(l.cells[0] ?? ''))));
    const partyLines = block.slice(0, firstLabel < 0 ? 1 : firstLabel);
    const party = [first.replace(/\(\s*insert[^)]*\)/i, '').trim(), ...partyLines.flatMap((l) => l.cells.slice(1).map(cleanCell))]
      .filter((c) => c && !/^\(?\s*insert\b/i.test(c))
      .slice(0, 2)
      .join(' — ');
    const quote = block.map((l) => l.cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ')).join(' / ');
    out.push({ party, hasName, hasDate, offset: lines[i].offset, page: lines[i].page, quote: quote.slice(0, 300) });
  }
  return out;
}
