// Schemes from list tables ("Ref no. | Scheme"): the header's columns named by the template's declared scheme-list
// words first (templates/*.json, a schemes table), then the general ones; a single-cell row, or a declared theme
// column, gives the schemes beneath their theme.
import type { DocumentModel } from '../../model/document.js';
import type { Scheme } from '../../record/schema.js';
import { provenanceOf, type Grid } from '../../tables/grids.js';
import { cleanCell } from '../../text/clean.js';
import { declaredRoleOf, type DeclaredTable } from '../../tables/declared.js';

export type Found = Scheme & { origin: 'table' | 'list' | 'annex' | 'spending' };

const REF_HEADER = /^(scheme\s+)?(ref(erence)?|id|no|number|#)\.?(\s*(no|number|id)\.?)?:?$/i;
/** Columns of a risk log or metric table, which may also have a ref and a "Project …" column. */
export const NOT_A_LIST = /\b(risk|likelihood|mitigat\w*|probability|metric|indicator|baseline)\b/i;
/** "Scheme", "Scheme name", "Scheme/Project", "BCF schemes", not "Scheme ref", "Scheme type", "Scheme description". */
export const NAME_HEADER = /^(bcf\s+)?(scheme|project|initiative)s?(?!.*(\b(ref|reference|id|no|number|type|description|lead|owner|cost|spend|expenditure)\b|\d)).{0,25}$/i;

interface ListColumns {
  ref: number;
  name: number;
  /** A theme column the template declares, or -1. */
  theme: number;
}

/**
 * The list columns a header row names, or null: by the template's declared scheme-list words first (`declared`:
 * its schemes tables), a cell they do not name by the general ones (REF_HEADER, NAME_HEADER).
 */
function listColumns(cells: string[], declared: DeclaredTable[]): ListColumns | null {
  if (cells.some((c) => NOT_A_LIST.test(c))) return null;
  const roles = cells.map((c) => (declared.length > 0 ? declaredRoleOf(declared, 'schemes', c) : null));
  const first = (role: string, general: RegExp, except: number) => {
    const named = roles.findIndex((r, i) => i !== except && r === role);
    return named >= 0 ? named : cells.findIndex((c, i) => i !== except && roles[i] === null && general.test(c));
  };
  const ref = first('ref', REF_HEADER, -1);
  const name = ref >= 0 ? first('scheme', NAME_HEADER, ref) : -1;
  return ref >= 0 && name >= 0 ? { ref, name, theme: roles.indexOf('theme') } : null;
}

/** Schemes from list tables: a header with a ref column and a scheme column; single-cell rows (or a declared theme
 *  column) are themes. `declared`: the template's scheme-list declarations. */
export function fromListTables(doc: DocumentModel, grids: Grid[], declared: DeclaredTable[]): Found[] {
  const out: Found[] = [];
  const isListHeader = (row: Grid['rows'][number]) => listColumns(row.cells.map(cleanCell), declared) !== null;
  // Several scheme tables, each under its own short title, are the plan's grouping of schemes into themes.
  const listGrids = grids.filter((g) => g.rows.some(isListHeader));
  const grouped = listGrids.length >= 2;
  for (const grid of grids) {
    let cols: ListColumns | null = null;
    const groupTheme = grouped && listGrids.includes(grid) ? themeTitleBefore(doc, grid.blockStart) : null;
    let theme: string | null = groupTheme;
    for (const row of grid.rows) {
      const cells = row.cells.map(cleanCell);
      const header = listColumns(cells, declared);
      if (header) {
        cols = header;
        theme = groupTheme;
        continue;
      }
      if (!cols) continue;
      const filled = cells.filter((c) => c !== '');
      if (filled.length === 0) continue;
      const refText = cells[cols.ref] ?? '';
      const nameText = cells[cols.name] ?? '';
      if (filled.length === 1 && (refText === '' || nameText === '')) {
        // A grouping row ("Unified Prevention") above its schemes.
        const only = filled[0];
        if (only.length <= 80 && !/^\d+\.?$/.test(only)) theme = only;
        continue;
      }
      if (nameText === '' || nameText.length > 200) continue;
      out.push({
        ref: refText || null,
        name: nameText,
        theme: (cols.theme >= 0 ? cells[cols.theme] : '') || theme,
        page: row.page,
        ...provenanceOf(row),
        text: cells.filter((c) => c !== '').join(' | '),
        origin: 'table',
      });
    }
  }
  return out;
}

/** A short title just before block `index` (a theme such as "Unified Prevention"), or null. */
export function themeTitleBefore(doc: DocumentModel, index: number): string | null {
  for (let i = index - 1; i >= Math.max(0, index - 2); i--) {
    const b = doc.blocks[i];
    if (b.kind === 'table') return null;
    const t = cleanCell(b.text).replace(/^[\s#]*(?:\d+(?:\.\d+)*\.?|[a-z]\))\s+/i, '');
    const titled = b.kind === 'heading' || (b.kind === 'paragraph' && (b.bold || t.length <= 60));
    if (titled && t.length <= 60 && !/[.?:]$/.test(t) && !/\b(scheme|schemes|list|please|ref)\b/i.test(t)) return t;
  }
  return null;
}
