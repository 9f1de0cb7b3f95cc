// Schemes from wherever a plan lists them: a "Ref no. | Scheme" table, a numbered list under a "… Schemes"
// heading, Annex-style "Scheme ref no." / "Scheme name" blocks, and the scheme column of a spending plan.
// One scheme listed in several places is one scheme; the list's wording wins (as the gold does).
import type { Block, DocumentModel, Finding, Result } from '../../model/document.js';
import type { Scheme } from '../../record/schema.js';
import type { Segmentation } from '../../segment/types.js';
import { documentTables, type DocumentTables } from '../common/documentTables.js';
import type { SpendingPlan } from '../common/spendingPlan.js';
import { provenanceOf, type Grid } from '../../tables/grids.js';
import { cleanCell, normaliseName } from '../../text/clean.js';
import { phraseIn, type LogicalTable } from '../../tables/declared.js';
import { fromListTables, NAME_HEADER, NOT_A_LIST, themeTitleBefore, type Found } from './listTables.js';

const REF_ITEM = /^\s*(?:[-*•·]\s*)?([A-Z]{1,3})(\d{1,2})[a-z]?\s*[.:)\-–—]?\s+(.{3,120})$/;

/**
 * Runs of entries with coded refs ("UP1 Community hubs", "UP2 Falls prevention") are scheme lists even without
 * a list heading; the short title above the run is their theme.
 */
function fromRefRuns(doc: DocumentModel): Found[] {
  const out: Found[] = [];
  let run: { ref: string; name: string; block: Block; index: number }[] = [];
  const flush = () => {
    const prefix = run[0]?.ref.replace(/\d.*$/, '');
    const ascending = run.every((r, k) => r.ref === `${prefix}${k + 1}` || r.ref.startsWith(`${prefix}${k + 1}`));
    if (run.length >= 2 && ascending && !/^(Q|H|FY|Y)$/.test(prefix ?? '')) {
      const theme = themeTitleBefore(doc, run[0].index);
      for (const r of run) out.push({ ref: r.ref, name: r.name, theme, page: r.block.page, ...provenanceOf({ block: r.index }), text: textOf(r.block), origin: 'list' });
    }
    run = [];
  };
  doc.blocks.forEach((b, i) => {
    const m = b.kind === 'list_item' || b.kind === 'paragraph' ? REF_ITEM.exec(cleanCell(b.text)) : null;
    if (!m || (run.length > 0 && !m[1].startsWith(run[0].ref.replace(/\d.*$/, '')))) flush();
    if (m) run.push({ ref: `${m[1]}${m[2]}`, name: m[3].trim(), block: b, index: i });
  });
  flush();
  return out;
}

/** A heading that announces the scheme list itself ("a.1 Better Care Fund Schemes", "List of planned BCF schemes"). */
const LIST_HEADING = /^(the\s+)?(list\s+of\s+)?(the\s+|our\s+)?(planned\s+|proposed\s+)?(bcf\s+|better\s+care\s+fund\s+)?schemes(\s+list)?(\s+(are|include|comprise)|\s+(for|in)\s+\d{4}\S*)?\s*:?$/i;
// "1. Name", "2) Name", "(a) Name", "UP1. Name", and under a scheme-list heading also "1 Name" (a flattened table row).
const NUMBERED = /^\s*(?:[-*•·]\s*)?(?:(\d{1,2}|[A-Z]{1,3}\d{1,2}|[a-z])[.)]|\((\d{1,2}|[a-z])\)|(\d{1,2}|[A-Z]{1,3}\d{1,2})(?=\s+[A-Z]))\s+(.+)$/;

function textOf(block: Block): string {
  return block.kind === 'table' ? '' : cleanCell(block.text);
}

/** Schemes from a numbered/bulleted list right under a "… Schemes" heading (intro sentences allowed between). */
function fromHeadingLists(doc: DocumentModel): Found[] {
  const out: Found[] = [];
  doc.blocks.forEach((block, i) => {
    const heading = textOf(block);
    if (block.kind === 'table' || block.kind === 'list_item' || heading.length > 90 || heading.endsWith('?')) return;
    const headingText = heading.replace(/^[\s#]*(?:(?:[a-z]?\.?\d+(?:\.\d+)*\.?|\d*[a-z]\)|\d+\)|[ivx]+\))\s*)+/i, '');
    if (!LIST_HEADING.test(headingText)) return;
    const items: { ref: string | null; name: string; level: number; block: Block; text?: string }[] = [];
    let intro = 0;
    for (let j = i + 1; j < doc.blocks.length; j++) {
      const b = doc.blocks[j];
      if (b.kind === 'table' && items.length === 0) {
        // A numbered list a converter drew as a table: every row one numbered entry (a number column allowed).
        // A cell of no letters or digits is the list's bullet glyph.
        const entries = b.rows.map((r) => r.cells.map((c) => cleanCell(c.text)).filter((c) => /[\p{L}\p{N}]/u.test(c)).join(' ').trim());
        const numbered = entries.map((e) => NUMBERED.exec(e));
        if (entries.length >= 2 && numbered.every((m) => m && m[4].length <= 150)) {
          numbered.forEach((m, k) => items.push({ ref: m![1] ?? m![2] ?? m![3], name: m![4].trim(), level: 0, block: b, text: entries[k] }));
          break;
        }
      }
      if (b.kind === 'table' || b.kind === 'heading') break;
      const t = textOf(b);
      const numbered = NUMBERED.exec(t);
      if (b.kind === 'list_item' || numbered) {
        const ref = numbered ? (numbered[1] ?? numbered[2] ?? numbered[3]) : null;
        let name = numbered ? numbered[4].trim() : t.replace(/^[-*•·]\s*/, '');
        // "1. Carers – support for carers to …": the name is the part before the dash or colon.
        const lead = name.length > 100 ? /^(.{3,100}?)\s*(?:\s[-–—]\s|:\s)/.exec(name) : null;
        if (lead) name = lead[1];
        if (name.length > 150) break; // a paragraph of prose, not a list entry
        items.push({ ref, name, level: b.kind === 'list_item' ? b.level : 0, block: b });
        continue;
      }
      if (items.length > 0 || ++intro > 2) break;
    }
    if (items.length < 2) return;
    // A shallower item followed by deeper ones is a theme heading over them.
    let theme: string | null = null;
    items.forEach((it, k) => {
      const next = items[k + 1];
      if (next && next.level > it.level) {
        theme = it.name;
        return;
      }
      if (it.level === 0 && items.some((x) => x.level > 0)) theme = null;
      const ordinal = it.block.kind === 'list_item' && it.block.ordered && !it.ref ? String(k + 1) : null;
      out.push({ ref: it.ref ?? ordinal, name: it.name, theme, page: it.block.page, ...provenanceOf({ block: doc.blocks.indexOf(it.block) }), text: it.text ?? textOf(it.block), origin: 'list' });
    });
  });
  return out;
}

const ANNEX_REF = /^scheme\s+ref(erence)?\.?\s*(no|number)?\.?\s*:?\s*(.*)$/i;
const ANNEX_NAME = /^scheme\s+(name|title)\s*:?\s*(.*)$/i;

/**
 * Annex-style description blocks: "Scheme ref no." then its value, "Scheme name" then its value, as separate
 * paragraphs, as "label: value" lines, or as label/value cells of a table.
 */
function fromAnnexBlocks(doc: DocumentModel): Found[] {
  // One linear sequence of texts (table cells row by row) with their pages.
  const units: { text: string; page: number | null }[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'table') for (const r of b.rows) for (const c of r.cells) units.push({ text: cleanCell(c.text), page: r.page ?? b.page });
    else units.push({ text: cleanCell(b.text), page: b.page });
  }
  const out: Found[] = [];
  const isLabel = (t: string) => ANNEX_REF.test(t) || ANNEX_NAME.test(t) || /\?$/.test(t);
  const valueAfter = (k: number, inline: string): string | null => {
    if (inline) return inline;
    const next = units.slice(k + 1).find((u) => u.text !== '');
    return next && !isLabel(next.text) ? next.text : null;
  };
  units.forEach((u, k) => {
    const refMatch = ANNEX_REF.exec(u.text);
    if (!refMatch) return;
    const ref = valueAfter(k, refMatch[3].trim());
    if (ref !== null && ref.length > 12) return;
    for (let j = k + 1; j < Math.min(units.length, k + 6); j++) {
      const nameMatch = ANNEX_NAME.exec(units[j].text);
      if (!nameMatch) continue;
      const name = valueAfter(j, nameMatch[2].trim());
      // A header row "Scheme ref no. | Scheme name" of a list table is followed by a ref, not a name.
      const refLike = name !== null && /^[A-Z]{0,3}\d+[a-z]?\.?$/i.test(name);
      if (name && !refLike && /[a-z]{2}/i.test(name) && name.length <= 200) {
        out.push({ ref, name, theme: null, page: units[j].page, text: `${u.text} ${ref ?? ''} ${units[j].text} ${nameMatch[2] ? '' : name}`.replace(/\s+/g, ' ').trim(), origin: 'annex' });
      }
      break;
    }
  });
  return out;
}

const SCHEME_TITLE = /^scheme\s+(?:ref(?:erence)?\.?\s*(?:no\.?)?\s*)?([A-Z]{0,3}\d{1,2}[a-z]?)\s*[:.\-–—)]\s*(.{3,120})$/i;

/** Headings that title one scheme each: "Scheme 1: Integrated Care Teams", "Scheme UP2 – Falls prevention". */
function fromSchemeTitles(doc: DocumentModel): Found[] {
  const out: Found[] = [];
  for (const b of doc.blocks) {
    const titled = b.kind === 'heading' || (b.kind === 'paragraph' && (b.bold || b.text.length <= 120));
    if (!titled) continue;
    const m = SCHEME_TITLE.exec(cleanCell(b.text));
    if (!m || /[.?]$/.test(m[2]) && m[2].split(' ').length > 12) continue;
    out.push({ ref: m[1], name: m[2].trim(), theme: null, page: b.page, ...provenanceOf({ block: doc.blocks.indexOf(b) }), text: cleanCell(b.text), origin: 'annex' });
  }
  return out;
}

/**
 * Last resort: a table whose first column is headed "Scheme" (no refs, no money), e.g. a scheme description
 * table. Used only when the plan lists its schemes nowhere else.
 */
function fromSchemeColumnTables(grids: Grid[]): Found[] {
  const out: Found[] = [];
  for (const grid of grids) {
    const headerAt = grid.rows.findIndex(
      (r) =>
        NAME_HEADER.test(cleanCell(r.cells[0] ?? '')) &&
        r.cells.filter((c) => cleanCell(c) !== '').length >= 2 &&
        !r.cells.some((c) => NOT_A_LIST.test(cleanCell(c))),
    );
    if (headerAt < 0) continue;
    for (const row of grid.rows.slice(headerAt + 1)) {
      const name = cleanCell(row.cells[0] ?? '');
      if (name === '' || name.length > 120 || /^(sub-?\s*)?totals?\b/i.test(name)) continue;
      out.push({ ref: null, name, theme: null, page: row.page, ...provenanceOf(row), text: row.cells.map(cleanCell).filter(Boolean).join(' | ').slice(0, 300), origin: 'spending' });
    }
  }
  return out;
}

/** Distinct scheme names of spending plans, in order. */
function fromSpendingPlans(plans: SpendingPlan[]): Found[] {
  const out: Found[] = [];
  for (const plan of plans) {
    for (const r of plan.rows) {
      out.push({ ref: null, name: r.scheme, theme: null, page: r.row.page, ...provenanceOf(r.row), text: r.row.cells.map(cleanCell).filter(Boolean).join(' | '), origin: 'spending' });
    }
  }
  return out;
}

/** The entries of the template's own scheme tables (the 2014 Part 2 scheme sheet): one scheme per row label. */
function fromDeclaredTables(tables: LogicalTable[]): Found[] {
  const out: Found[] = [];
  for (const t of tables.filter((x) => x.declared.labelIsScheme)) {
    for (const r of t.rows) {
      const name = cleanCell(r.cells[t.labelColumn] ?? '');
      if (!name || t.declared.skipRows.some((p) => phraseIn(name, p))) continue;
      out.push({ ref: null, name, theme: null, page: r.page, ...provenanceOf(r), text: r.sources.join('\n'), origin: 'spending' });
    }
  }
  return out;
}

function tokens(name: string): Set<string> {
  return new Set(normaliseName(name).split(' ').filter((w) => w.length > 2 && !['and', 'the', 'for', 'with', 'scheme', 'schemes'].includes(w)));
}

/** Same scheme: same ref, same normalised name, or most of the words shared. */
function sameScheme(a: Scheme, b: Scheme): boolean {
  if (a.ref && b.ref) return a.ref.toLowerCase() === b.ref.toLowerCase();
  if (normaliseName(a.name) === normaliseName(b.name)) return true;
  const x = tokens(a.name);
  const y = tokens(b.name);
  if (x.size === 0 || y.size === 0) return false;
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.min(x.size, y.size) >= 0.8 && shared / Math.max(x.size, y.size) >= 0.6;
}

export function extractSchemes(doc: DocumentModel, _seg: Segmentation, tables: DocumentTables = documentTables(doc)): Result<Scheme[]> {
  const messages: Finding[] = [];
  const { grids } = tables;
  const listDeclarations = tables.declarations.filter((t) => t.field === 'schemes');
  const listed = [...fromListTables(doc, grids, listDeclarations), ...fromHeadingLists(doc), ...fromRefRuns(doc)];
  const annex = [...fromAnnexBlocks(doc), ...fromSchemeTitles(doc)];
  // A spending plan's rows are often sub-lines of listed schemes: its names are the schemes only when the plan
  // lists none of its own.
  const declaredPlans = new Set(tables.declared.map((d) => d.grid));
  let spending =
    listed.length === 0 && annex.length === 0
      ? [...fromDeclaredTables(tables.declared), ...fromSpendingPlans(tables.spendingPlans.filter((p) => !p.grids.some((g) => declaredPlans.has(g))))]
      : [];
  if (listed.length === 0 && annex.length === 0 && spending.length === 0) spending = fromSchemeColumnTables(grids);
  const out: Found[] = [];
  for (const s of [...listed, ...annex, ...spending]) {
    // Spending-plan rows repeat a name per funding source: there only an identical name is the same scheme.
    const same = out.find((o) =>
      s.origin === 'spending' && o.origin === 'spending' ? normaliseName(o.name) === normaliseName(s.name) : sameScheme(o, s),
    );
    if (same) {
      if (!same.ref && s.ref) same.ref = s.ref;
      if (!same.theme && s.theme) same.theme = s.theme;
      continue;
    }
    out.push(s);
  }
  if (listed.length > 0 && annex.length > 0) {
    const extra = annex.filter((a) => !listed.some((l) => sameScheme(l, a)));
    for (const a of extra) messages.push({ level: 'info', message: `scheme "${a.name}" is described in an annex but not in the scheme list`, page: a.page, source: a.text ?? undefined });
  }
  return { value: out.map(({ origin: _origin, ...s }) => s), messages };
}
