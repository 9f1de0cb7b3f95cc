// Area: the local authorities, CCGs (ICBs from 2022) and the health and wellbeing board a plan is for.
// Parties are read from where the template names them (the plan-details table, sign-off blocks, income
// contributor rows, "Name of Health & Wellbeing Board"); organisations only mentioned in prose are not
// parties, except that a council or board named after the plan's own area may be read from prose when
// no table names one.
import type { Block, DocumentModel } from '../../model/document.js';
import type { Area } from '../../record/schema.js';
import type { Segmentation } from '../../segment/types.js';
import { stripMarkup } from '../../text/clean.js';
import { cleanName, nameKey, placeOf, roleOfName, splitNames, type OrgRole } from './orgs.js';
import { resolveArea } from './codes.js';
import { areaFromMentions, scanOrganisations, type ScannedArea } from './scan.js';
import { loadGazetteer } from '../../reference/gazetteer.js';
import { matchOrganisation, roundWindow } from '../../reference/match.js';
import { plainName } from '../../reference/names.js';
import { columnRunGrids } from '../../tables/columnRuns.js';
import { isPageBreakFurniture, joinLines, readInterleavedLabel, type InterleavedLabel } from './labelLines.js';
import { textVocabulary, type WordVocabulary } from '../../text/vocabulary.js';

/** Labels of the plan-details rows that name the parties. */
const LABELS: Array<[OrgRole, RegExp]> = [
  ['la', /^(?:name\s+of\s+(?:the\s+)?)?(?:(?:upper[\s-]tier\s+)?local\s+authorit(?:y|ies)(?:\s*\(s\))?|councils?|council\(s\))$/i],
  [
    'ccg',
    /^(?:name\s+of\s+(?:the\s+)?)?(?:clinical\s+commissioning\s+groups?(?:\s*\(s\))?|ccgs?|ccg\(s\)|integrated\s+care\s+boards?|icbs?|icb\(s\))$/i,
  ],
  ['hwb', /^(?:name\s+of\s+(?:the\s+)?)?(?:health\s+(?:and|&)\s+well-?\s?being\s+board|hwb)$/i],
];

function labelRole(text: string): OrgRole | null {
  const t = cleanName(text).replace(/\s*:$/, '');
  for (const [role, re] of LABELS) if (re.test(t)) return role;
  return null;
}

/** Names found for each role, in document order, deduplicated by nameKey. */
class Names {
  private readonly lists: Record<OrgRole, string[]> = { la: [], ccg: [], hwb: [] };
  /**
   * `isPlace`: a bare name that is a council area of the plan's round (the gazetteer); `isNhsBody`: a bare
   * "NHS <place>" that is a CCG or ICB of the round; `text`: the document's.
   */
  constructor(
    readonly isPlace: (name: string) => boolean = () => false,
    readonly text = '',
    readonly isNhsBody: (name: string) => boolean = () => false,
  ) {}
  private words: WordVocabulary | null = null;
  /** The words the document writes whole, to rejoin a word a line break cut. */
  get vocabulary(): WordVocabulary {
    return (this.words ??= textVocabulary(this.text.split('\n')));
  }
  /** An empty list with the same tests, to ask what a text would add. */
  probe(): Names {
    return new Names(this.isPlace, this.text, this.isNhsBody);
  }
  add(role: OrgRole, name: string): void {
    const list = this.lists[role];
    if (!list.some((n) => nameKey(n) === nameKey(name))) list.push(name);
  }
  get(role: OrgRole): string[] {
    return this.lists[role];
  }
}

/** Values under a label: names that are organisations of the label's role (an HWB value may be just the place). */
/** A bare proper name ("Northby", "NHS Northby"): acceptable only where a label cell says what it is. */
const BARE_NAME = /^(?:NHS\s+)?[A-Z][A-Za-z'.-]*(?:\s+(?:[A-Z][A-Za-z'.-]*|and|&|of|upon|on|under|in|the)){0,6}$/;

/** Words of a table value that is a category or answer, not a place ("Social Care", "Yes", "Total"). */
const GENERIC_VALUE = /^(?:n\/?a|none|nil|tbc|tba|yes|no|all)$|\b(?:care|services?|contribution|funding|fund|grant|budget|total|spend|scheme|provider|sector|health|council|commissioning|authority|trust|team)\b/i;

/**
 * Values under a label: names of organisations of the label's role. With `paired` (the value sits in
 * the label's own table row) a bare proper name counts too: "Local Authority | Northby".
 */
function addValues(out: Names, role: OrgRole, raw: string, paired = false, text = ''): number {
  let n = 0;
  for (const name of splitNames(raw)) {
    const r = roleOfName(name);
    if (r === role) {
      out.add(role, name);
      n++;
    } else if (
      r === null &&
      // Unpaired (the value on the line under its label), a bare name must be an organisation the gazetteer
      // knows: a spending plan's cells one per line put a drop-down answer ("CCG", the commissioner) over the
      // next cell ("NHS Community Provider" wrapped to "NHS Community"), which is no party of the plan.
      (paired || (role === 'ccg' && /^NHS\s/.test(name) && out.isNhsBody(name)) || (role !== 'ccg' && out.isPlace(name))) &&
      BARE_NAME.test(name) &&
      !GENERIC_VALUE.test(name)
    ) {
      // A board given by its place only: use the board's full name as the plan writes it elsewhere.
      out.add(role, role === 'hwb' ? (boardNamedAfter(text || out.text, name) ?? `${name} Health and Wellbeing Board`) : name);
      n++;
    }
  }
  return n;
}

/** "<place> Health and Wellbeing Board" as written in the text, if it is there. */
function boardNamedAfter(text: string, place: string): string | null {
  const re = new RegExp(String.raw`(?<![\w'])${escapeRe(place)}\s+Health\s+(?:and|&)\s+Well-?\s?being\s+Board\b`);
  const m = re.exec(text);
  return m ? m[0].replace(/\s+/g, ' ') : null;
}

function rowCells(block: Extract<Block, { kind: 'table' }>): string[][] {
  return block.rows.map((r) => r.cells.map((c) => c.text.trim()));
}

/** Plan-details fields: a table row "Local Authority | X", a paragraph "Local Authority" followed by one name per line, or "Local Authority: X". */
function readLabelledFields(doc: DocumentModel, out: Names): void {
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'table') {
      const rows = rowCells(b);
      for (let r = 0; r < rows.length; r++) {
        const filled = rows[r].filter((c) => c !== '');
        if (filled.length === 0) continue;
        const role = labelRole(filled[0]);
        if (!role) continue;
        let found = 0;
        const paired = filled.length <= 3;
        for (const v of filled.slice(1)) found += addValues(out, role, v, paired, doc.text);
        // Continuation rows: the label cell empty, another name in the value cell.
        for (let k = r + 1; k < rows.length && rows[k][0] === ''; k++) {
          const more = rows[k].filter((c) => c !== '').reduce((n, v) => n + addValues(out, role, v), 0);
          if (more === 0) break;
          found += more;
        }
        if (found === 0 && filled.length === 1) {
          // The label in a row of its own: its names in the rows under it (a one-column table, label and
          // value on separate lines), else in the next blocks.
          for (let k = r + 1; k < rows.length; k++) {
            const cells = rows[k].filter((c) => c !== '');
            const more = cells.length === 1 && !labelRole(cells[0]) ? addValues(out, role, cells[0]) : 0;
            if (more === 0) break;
            found += more;
          }
          if (found === 0) found = readFollowing(blocks, i + 1, role, out);
        }
      }
      continue;
    }
    const text = b.text.trim();
    const inline = /^([^:\t]{2,60})[:\t]\s*(.+)$/.exec(text);
    const role = labelRole(text) ?? (inline ? labelRole(inline[1]) : null);
    if (!role) {
      const wrapped = readInterleavedLabel(blocks, i, labelRole, out.vocabulary);
      if (wrapped) i = readAfterWrappedLabel(blocks, wrapped, out);
      continue;
    }
    if (inline && labelRole(inline[1])) addValues(out, role, inline[2], true, doc.text);
    else readFollowing(blocks, i + 1, role, out);
  }
}

/**
 * A plan-details block printed column by column (a sheet without gridlines through raw pdftotext: the labels, a
 * blank line, their values in the same order), rebuilt as label/value rows by columnRuns.ts.
 */
function readColumnRuns(doc: DocumentModel, out: Names): void {
  for (const grid of columnRunGrids(doc, (l) => labelRole(l) !== null || /:$/.test(l))) {
    for (const row of grid.rows) {
      const role = labelRole(row.cells[0] ?? '');
      if (role && row.cells.length === 2) addValues(out, role, row.cells[1], true, doc.text);
    }
  }
}

/**
 * The names under a label that wrapped over several lines (raw text, labelLines.ts). A value whose lines sat
 * between the label's is one name, its last lines perhaps after the label ("NHS North" / "Commissioning Groups" /
 * "Eastham CCG"); then names one per line as under a label of one line. Returns the last block read.
 */
function readAfterWrappedLabel(blocks: Block[], label: InterleavedLabel, out: Names): number {
  let next = label.end + 1;
  if (label.value !== null) {
    // A value cell taller than its label starts a line above it: "Northby" / "Name of Health" / "Health and" /
    // "& Wellbeing" / "Well-being" / "Board" / "Board". A name that is only its kind's words lacks that line.
    const above = blocks[label.start - 1];
    const withAbove = (v: string) =>
      above && above.kind !== 'table' && above.kind !== 'heading' && splitNames(v).some((n) => roleOfName(n) !== null && placeOf(n) === '')
        ? joinLines(above.text, v, out.vocabulary)
        : v;
    let value = label.value;
    let found = addValues(out, label.role, withAbove(value));
    for (let k = next; found === 0 && k < label.end + 3 && k < blocks.length; k++) {
      const b = blocks[k];
      if (b.kind === 'table') break;
      value = joinLines(value, b.text, out.vocabulary);
      found = addValues(out, label.role, withAbove(value));
      if (found > 0) next = k + 1;
    }
    if (found === 0) return label.end;
  }
  readFollowing(blocks, next, label.role, out);
  return label.end;
}

/** Names one per block after a label paragraph, until a block that is not such a name (a page number at a page break is skipped). */
function readFollowing(blocks: Block[], from: number, role: OrgRole, out: Names): number {
  let n = 0;
  for (let k = from; k < blocks.length && k < from + 40; k++) {
    const b = blocks[k];
    if (b.kind === 'table') break;
    if (n > 0 && isPageBreakFurniture(blocks, k)) continue;
    let added = addValues(out, role, b.text);
    const next = blocks[k + 1];
    if (added === 0 && next && next.kind !== 'table' && addValues(out.probe(), role, next.text) === 0) {
      // A name wrapped over two lines ("Tunbridge Wells Borough" / "Council"): neither line a name alone.
      added = addValues(out, role, joinLines(b.text, next.text, out.vocabulary));
      if (added > 0) k++;
    }
    if (added === 0) break;
    n += added;
  }
  return n;
}

/** Sign-off blocks: "Signed on behalf of the Council | X" and the name cells of the rows after it. */
function readSignoff(doc: DocumentModel, out: Names): void {
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    const rows = rowCells(b);
    let inBlock = 0;
    for (const cells of rows) {
      const first = cleanName(cells.find((c) => c !== '') ?? '');
      if (/^signed\s+on\s+behalf\s+of\b/i.test(first)) inBlock = 3;
      if (inBlock <= 0) continue;
      inBlock--;
      for (const cell of cells) {
        if (/^signed\s+on\s+behalf/i.test(cleanName(cell))) continue;
        for (const name of splitNames(cell)) {
          const role = roleOfName(name);
          if (role) out.add(role, name);
        }
      }
    }
  }
}

const MONEY = /£\s?\d|^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Income tables (2022 on): contributor rows "NHS X ICB | £…" name the ICB; the local authority rows
 * name the area ("Northmoor | £…"). Returns the area names seen.
 */
function readIncomeRows(doc: DocumentModel, out: Names): string[] {
  const places: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    const rows = rowCells(b);
    let laContext = false;
    for (const cells of rows) {
      const filled = cells.filter((c) => c !== '');
      if (filled.length === 0) continue;
      const label = cleanName(filled[0]);
      if (/^(?:local authority|disabled facilities grant|ibcf|improved better care fund)/i.test(label) && !/^total/i.test(label)) {
        laContext = /local authority|disabled facilities/i.test(label);
      }
      if (/^(?:nhs\b|total nhs|ccg|icb)/i.test(label) && !/\bICB$|\bCCG$/i.test(label)) laContext = false;
      if (!filled.slice(1).some((c) => MONEY.test(c.trim()))) continue;
      const role = roleOfName(label);
      if (role === 'ccg') out.add('ccg', label);
      else if (laContext && /^[A-Z][A-Za-z'.-]*(?:\s+(?:upon|on|under|and|&)?\s*[A-Z][A-Za-z'.-]*){0,3}$/.test(label) && !/^(?:total|gross|contribution)/i.test(label)) {
        places.push(label);
      }
    }
  }
  // "BCF Income for <place> 2022/23"
  for (const b of doc.blocks) {
    if (b.kind === 'table') continue;
    const m = /^(?:BCF\s+)?Income\s+for\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})\b/.exec(stripMarkup(b.text));
    if (m) places.push(m[1]);
  }
  return places;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Mentions in the text of a council or board named after one of the places, most frequent first. */
function namedAfterPlace(text: string, places: string[], role: 'la' | 'hwb'): string[] {
  const counts = new Map<string, { name: string; n: number; first: number }>();
  for (const place of places) {
    const suffix =
      role === 'la'
        ? String.raw`(?:\s+(?:City|County|Borough|District|Metropolitan\s+Borough|Metropolitan\s+District))?\s+Council`
        : String.raw`(?:\s+(?:City|County))?\s+Health\s+(?:and|&)\s+Well-?\s?being\s+Board`;
    const re = new RegExp(String.raw`(?<![\w'])${escapeRe(place)}${suffix}\b`, 'g');
    for (const m of text.matchAll(re)) {
      const name = m[0].replace(/\s+/g, ' ');
      const key = nameKey(name);
      const c = counts.get(key) ?? { name, n: 0, first: m.index ?? 0 };
      c.n++;
      counts.set(key, c);
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || a.first - b.first).map((c) => c.name);
}

/** Boards named in the text ("Northby Health and Wellbeing Board"), most often named first: the last resort. */
function mostNamedBoards(text: string): string[] {
  const counts = new Map<string, { name: string; n: number }>();
  const re = /\b((?:[A-Z][\w'-]*\s+){1,4})Health\s+(?:and|&)\s+Well-?\s?being\s+Board\b/g;
  for (const m of text.matchAll(re)) {
    const name = cleanName(m[0]).replace(/^(?:The|Our|This|Each|Both|Signed|By|Chair|of)\s+/i, '');
    if (roleOfName(name) !== 'hwb' || /'s\b/.test(name)) continue;
    const c = counts.get(nameKey(name)) ?? { name, n: 0 };
    c.n++;
    counts.set(nameKey(name), c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).map((c) => c.name);
}

/** A board named in bold (the cover or the narrative's opening line), as written. */
function boldBoards(doc: DocumentModel): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'table') continue;
    const texts = b.kind === 'paragraph' && b.bold ? [b.text] : [...b.text.matchAll(/\*\*([^*]+)\*\*|__([^_]+)__/g)].map((m) => m[1] ?? m[2]);
    for (const t of texts) {
      const name = cleanName(t);
      if (roleOfName(name) === 'hwb') out.push(name);
    }
  }
  return out;
}

/** Local authorities, CCGs/ICBs and the health and wellbeing board, names as written and matched to their codes. */
export function extractArea(doc: DocumentModel, seg: Segmentation, round: string | null = null): Area {
  const found = findNames(doc, seg, round);
  const names = { ...found, localAuthorities: dropFragments(found.localAuthorities, round, 'council'), ccgs: dropFragments(found.ccgs, round, 'ccg') };
  const codes = resolveArea(names, round);
  if (!codes.hwbAreaCode) {
    // No name as found matched an area: the area the plan's text names most.
    const g = loadGazetteer();
    codes.hwbAreaCode = areaFromMentions(scanOrganisations(doc.text, round, g), g, round).code;
  }
  return { ...names, ...codes };
}

/**
 * A cell wrapped over two lines leaves its last line as a name of its own ("NHS East Wold &" /
 * "Coastal CCG"): a name that matches no organisation of the round and ends another name found is dropped.
 */
function dropFragments(list: string[], round: string | null, kind: 'council' | 'ccg'): string[] {
  const key = (s: string) => plainName(s).replace(/^nhs\s/, '');
  return list.filter((n) => {
    const k = key(n);
    const ends = list.some((o) => o !== n && key(o).endsWith(` ${k}`));
    return !ends || matchOrganisation(loadGazetteer(), n, round, kind).organisation !== null;
  });
}

/** The names as written. */
function findNames(doc: DocumentModel, _seg: Segmentation, round: string | null): Pick<Area, 'localAuthorities' | 'ccgs' | 'healthAndWellbeingBoard'> {
  const g = loadGazetteer();
  const isPlace = (name: string) => matchOrganisation(g, name, round, 'council').organisation !== null;
  const isNhsBody = (name: string) => matchOrganisation(g, name, round, 'ccg').organisation !== null;
  const names = new Names(isPlace, doc.text, isNhsBody);
  readLabelledFields(doc, names);
  readColumnRuns(doc, names);
  readSignoff(doc, names);
  const incomePlaces = readIncomeRows(doc, names);

  const places = [...new Set([...incomePlaces, ...names.get('la').map(placeOf), ...names.get('hwb').map(placeOf)])].filter(
    (p) => p.length >= 3,
  );
  const text = doc.text;
  // Where no table, sign-off or income row names a party: the organisations of the round named anywhere,
  // by the gazetteer (covers, committee reports, converted text whose table lost its layout, narratives).
  let scanned: ScannedArea | null = null;
  const scan = (): ScannedArea => (scanned ??= areaFromMentions(scanOrganisations(text, round, g), g, round));

  let localAuthorities = names.get('la');
  if (localAuthorities.length === 0 && places.length > 0) localAuthorities = namedAfterPlace(text, places, 'la').slice(0, 1);
  if (localAuthorities.length === 0) {
    localAuthorities = scan().councils;
    places.push(...localAuthorities.map(placeOf));
  }

  let ccgs = names.get('ccg');
  if (ccgs.length === 0) ccgs = scan().nhs;
  const window = roundWindow(round);
  if (ccgs.length === 0 && (!window || window.to >= '2022-07')) {
    // An ICB is one per area and named on the plan's cover or opening; take the most named "NHS … ICB".
    const counts = new Map<string, number>();
    for (const m of text.matchAll(/\bNHS(?:\s+(?!NHS\b)[A-Z][\w'-]*|\s+(?:and|&|of|upon|on))+?\s+(?:ICB|Integrated Care Board)\b/g)) {
      counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (top) ccgs = [top[0].replace(/\s+/g, ' ')];
  }

  const hwbCandidates = [...names.get('hwb')];
  if (hwbCandidates.length === 0) {
    const bold = boldBoards(doc);
    const placed = places.length > 0 ? namedAfterPlace(text, places, 'hwb') : [];
    hwbCandidates.push(...bold.filter((b) => places.some((p) => nameKey(placeOf(b)).startsWith(nameKey(p)))), ...placed, ...bold);
    if (hwbCandidates.length === 0 && scan().board) hwbCandidates.push(scan().board!);
    if (hwbCandidates.length === 0) hwbCandidates.push(...mostNamedBoards(text));
  }
  return { localAuthorities, ccgs, healthAndWellbeingBoard: hwbCandidates[0] ?? null };
}
