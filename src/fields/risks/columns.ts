// The risk log's column vocabulary: which role a header cell names (ref, risk, likelihood, impact, score, rating,
// mitigation, owner), which header rows make a risk log, and how a scale, score or rating cell reads. A template's
// declared risk logs (templates/*.json "tables", field "risks") name the columns in its own words first; the general
// vocabulary (riskColumnOf) names the rest, and every column of an unknown template. The reader (index.ts) builds a
// RiskVocabulary once per call and the table steps it calls (cell streams, header runs) get their specs from it.
import type { TableRow } from '../../model/document.js';
import type { Risk } from '../../record/schema.js';
import type { CellStreamSpec } from '../../tables/cellStream.js';
import type { Grid } from '../../tables/grids.js';
import type { HeaderRunSpec } from '../../tables/headerRuns.js';
import type { OverlaySpec } from '../../tables/overlays.js';
import { declaredRoleOf, type DeclaredTable } from '../../tables/declared.js';
import { cleanCellText } from '../../text/clean.js';
import { memoString } from '../../cache/memo.js';
import { RATING_ANYWHERE, RATING_OR_CUT_SOURCE } from '../../text/ratingWords.js';

export type RiskColumn = 'ref' | 'description' | 'likelihood' | 'impact' | 'score' | 'rating' | 'mitigation' | 'owner';

export interface RiskColumns {
  /** Column index of each role found in the header row. */
  index: Partial<Record<RiskColumn, number>>;
  width: number;
}

/** The role a header cell names, or null. Order matters: "How likely is the risk…" is likelihood, not the risk.
 *  Remembered: every row of every table is tried as a risk-log header. */
export const riskColumnOf = memoString(riskColumnOfUncached);

function riskColumnOfUncached(header: string): RiskColumn | null {
  // Template headers often carry their guidance in the same cell ("How likely is the risk to materialise?
  // Please rate on a scale of 1-5 …"): the role is named at the start.
  const full = cleanCellText(header).toLowerCase();
  if (!full || full.length > 400) return null;
  const h = full.slice(0, 60);
  if (/^(ref\.?|no\.?|#|id|number|risk (no|ref|id|number)\.?)$/.test(h)) return 'ref';
  if (/\bscore\b|risk factor|overall risk|\b[lp]\s*[x×*]\s*[is]\b|likelihood\s*[x×*]|^(s|total)$/.test(h)) return 'score';
  if (/likel|probab|^[lp]$/.test(h)) return 'likelihood';
  if (/impact|severity|consequence|^i$/.test(h)) return 'impact';
  // "Riskrating": a header wrapped as "Risk" / "ratin" / "g" cannot be told from one word cut at the cell edge.
  // Or with its cut end apart ("Risk ratin g": the end wrapped under the cut word, read back with a space).
  if (/(?:\b|risk)rating\b|\brag\b|risk level|priority|^level$/.test(h) || /^(risk)?rating$/.test(h.replace(/\s+/g, ''))) return 'rating';
  if (/mitigat|action|controls?\b|response|contingency/.test(h)) return 'mitigation';
  // Not "ownership" ("a shared ownership of …" in prose): an owner column names its owner.
  if (/\bowners?\b|\blead\b|responsib|accountab/.test(h)) return 'owner';
  // Not "Risk stratification", "At risk groups", "Risk sharing": those name other things.
  if (/risk strat|risk profil|\bat risk\b|high risk|risk shar|risk pool/.test(h)) return null;
  if (/risk|description|issue|hazard/.test(h)) return 'description';
  return null;
}

/** The words one template names its risk-log columns by: its declared words, then the general vocabulary. */
export interface RiskVocabulary {
  /** The role a header cell names, or null. */
  roleOf(cell: string): RiskColumn | null;
  /** Whether the template's own words name the cell (such a risk column need not say "risk"). */
  declares(cell: string): boolean;
}

/** The vocabulary of a template with the given declared tables (none: the general vocabulary alone). */
export function riskVocabulary(declarations: readonly DeclaredTable[]): RiskVocabulary {
  const logs = declarations.filter((t) => t.field === 'risks');
  // Remembered for this vocabulary only (every row of every table is tried as a header); the general vocabulary
  // has its own memo, shared by every template.
  const named = new Map<string, RiskColumn | 'ignore' | null>();
  const declaredOf = (cell: string): RiskColumn | 'ignore' | null => {
    if (logs.length === 0) return null;
    let role = named.get(cell);
    if (role === undefined) {
      // As in the general vocabulary: a header names its role at its start, its guidance after it; a cell as long as
      // a paragraph is no header.
      const full = cleanCellText(cell);
      role = full.length > 400 ? null : (declaredRoleOf(logs, 'risks', full.slice(0, 60)) as RiskColumn | 'ignore' | null);
      if (cell.length <= 1000) named.set(cell, role);
    }
    return role;
  };
  return {
    roleOf(cell) {
      const role = declaredOf(cell);
      return role === 'ignore' ? null : (role ?? riskColumnOf(cell));
    },
    declares(cell) {
      const role = declaredOf(cell);
      return role !== null && role !== 'ignore';
    },
  };
}

/** The general vocabulary alone: an unknown template's. */
export const GENERAL_RISK_WORDS = riskVocabulary([]);

/** Header columns of a risk log, or null when the row is not one. */
export function riskColumnsOf(row: TableRow, words: RiskVocabulary = GENERAL_RISK_WORDS): RiskColumns | null {
  const index: RiskColumns['index'] = {};
  row.cells.forEach((c, i) => {
    const role = words.roleOf(c.text);
    if (role && index[role] === undefined) index[role] = i;
  });
  if (index.description === undefined) return null;
  const scored = ['likelihood', 'impact', 'score', 'rating'].some((r) => index[r as RiskColumn] !== undefined);
  if (!scored && index.mitigation === undefined) return null;
  // A table whose first column does not say "risk" is a risk log only with a likelihood scale beside it
  // ("Scheme | Description | Impact" is not one), or where the template's own words name that column.
  const descriptionHeader = row.cells[index.description]?.text ?? '';
  const saysRisk = /risk/i.test(descriptionHeader) || words.declares(descriptionHeader);
  if (!saysRisk && !(index.likelihood !== undefined && (index.impact !== undefined || index.score !== undefined))) return null;
  return { index, width: row.cells.length };
}

/** Two risk-log headers naming the same roles in the same columns. */
export function sameRoles(a: RiskColumns, b: RiskColumns): boolean {
  const roles = (c: RiskColumns) => JSON.stringify(Object.entries(c.index).sort());
  return roles(a) === roles(b);
}

/** Words a rating cell may hold beside its rating. */
const RATING_VOCABULARY = new RegExp(`\\b(${RATING_OR_CUT_SOURCE}|very|risk|rating|rag|overall|score|to)\\b`, 'gi');

/** high | medium | low from a rating cell: "H", "High", "20 High", "Red", "Amber". */
export function parseRating(text: string): Risk['rating'] {
  const t = cleanCellText(text);
  if (!t || t.length > 40) return null;
  // A RAG cell holding only its letter.
  const rag = ({ r: 'high', a: 'medium', g: 'low' } as const)[t.toLowerCase() as 'r' | 'a' | 'g'];
  if (rag) return rag;
  // The first rating word in the cell wins ("Medium/High" -> medium, as written first).
  let best: { at: number; rating: Risk['rating'] } | null = null;
  for (const [re, rating] of RATING_ANYWHERE) {
    const m = re.exec(t);
    if (m && (!best || m.index < best.at)) best = { at: m.index, rating };
  }
  return best?.rating ?? null;
}

/** A 1–5 scale value at the start of a cell ("5 Overall activity…" -> 5), else null. */
export function leadingScale(text: string): number | null {
  const t = cleanCellText(text);
  const m = /^\s*\(?([1-5])\)?(?![\d.,%£])/.exec(t);
  if (m) return Number(m[1]);
  // A short cell with one scale digit elsewhere: "Likely (4)", "L4".
  const all = [...t.matchAll(/(?<![\d.,£])[1-5](?![\d.,%])/g)];
  return t.length <= 25 && all.length === 1 ? Number(all[0][0]) : null;
}

interface ScoreCell {
  likelihood: number | null;
  impact: number | null;
  score: number | null;
  rating: Risk['rating'];
}

/** "20 High", "4 x 5 = 20", "16": the written score (and L, I where the cell spells them out), plus any RAG word. */
export function parseScoreCell(text: string): ScoreCell {
  const t = cleanCellText(text);
  const formula = /([1-5])\s*[x×*]\s*([1-5])\s*=\s*(\d{1,2})(?!\d)/.exec(t);
  if (formula) {
    return { likelihood: Number(formula[1]), impact: Number(formula[2]), score: Number(formula[3]), rating: parseRating(t.replace(formula[0], '')) };
  }
  if (t.length > 40) return { likelihood: null, impact: null, score: null, rating: null };
  // "20 (4x5)": likelihood × impact spelt out beside the score.
  const product = /\(?\s*([1-5])\s*[x×*]\s*([1-5])\s*\)?/.exec(t);
  if (product) {
    const rest = t.replace(product[0], ' ');
    const others = [...rest.matchAll(/(?<![\d.,£])(\d{1,2})(?![\d.,%])/g)];
    return {
      likelihood: Number(product[1]),
      impact: Number(product[2]),
      score: others.length === 1 ? Number(others[0][1]) : null,
      rating: parseRating(others.length === 1 ? rest.replace(others[0][0], ' ') : rest),
    };
  }
  // "20 High", "Red (20)", "16": the one whole number in a short cell.
  const numbers = [...t.matchAll(/(?<![\d.,£])(\d{1,2})(?![\d.,%])/g)];
  const score = numbers.length === 1 ? Number(numbers[0][1]) : null;
  return { likelihood: null, impact: null, score, rating: parseRating(numbers.length === 1 ? t.replace(numbers[0][0], ' ') : t) };
}

/** Guidance lines under a risk log's header ("Please rate on a scale of 1-5 …", "(likelihood *potential impact)"). */
export const isRiskGuidance = (cell: string) => /^\*?\(?\s*(please|and if there|likelihood\s*\*|\(likelihood)|scale of 1\s*-\s*5/i.test(cell);

/** What each risk-log column can hold, for logs flattened to one cell per line, its headers named by `words`. */
export const riskCells = (words: RiskVocabulary): CellStreamSpec<RiskColumn> => ({
  roleOf: words.roleOf,
  required: (roles) => roles.includes('description') && roles.filter((r) => r !== 'description' && r !== 'ref').length >= 2,
  fits(role, cell) {
    switch (role) {
      case 'likelihood':
        return cell.length <= 25 && leadingScale(cell) !== null;
      case 'score': {
        const s = parseScoreCell(cell);
        return cell.length <= 25 && (s.score !== null || s.rating !== null);
      }
      case 'rating':
        // Rating words and figures only ("Medium/High", "Amber (12)"), not a line that opens with one ("High demand …").
        return cell.length <= 25 && parseRating(cell) !== null && !/\p{L}{3,}/u.test(cell.replace(RATING_VOCABULARY, ''));
      case 'ref':
        return cell.length <= 8;
      default:
        return true;
    }
  },
  isGuidance: isRiskGuidance,
  opensWithScale: (role) => role === 'impact',
});

/** Guidance rows under a header ("Please rate on a scale of 1-5…", "(likelihood *potential impact)"). */
export function isGuidanceRow(row: TableRow, cols: RiskColumns): boolean {
  const desc = cellOf(row, cols, 'description');
  if (desc) return false;
  const text = row.cells.map((c) => c.text).join(' ');
  return /please|scale of|\bspecify\b|\(\s*likelihood|\be\.g\.|<i>/i.test(text) && row.cells.every((c) => leadingScale(c.text) === null);
}

/** The clean text of a row's cell in a role's column, or '' where the log has no such column. */
export function cellOf(row: TableRow, cols: RiskColumns, role: RiskColumn): string {
  const i = cols.index[role];
  return i === undefined ? '' : cleanCellText(row.cells[i]?.text ?? '');
}

/** A risk log is the rows under a risk header row; the header printed again with the same roles repeats it. */
export const riskLog = (words: RiskVocabulary): HeaderRunSpec<RiskColumns> => ({ columnsOf: (row) => riskColumnsOf(row, words), sameColumns: sameRoles });

/** Share of a reading's body rows with a cell only a scale, score or rating fits (`cells`: the log's cell spec). */
export function scoredShare(grids: Grid[], cells: CellStreamSpec<RiskColumn>): number {
  const body = grids.flatMap((g) => g.rows.filter((r) => !r.header));
  const roles = grids.map((g) => g.rows[0].cells.map((c) => cells.roleOf(c)));
  const scored = grids.flatMap((g, n) =>
    g.rows.filter((r) => !r.header && r.cells.some((c, k) => c !== '' && roles[n][k] !== null && !cells.fits(roles[n][k]!, 'a line of prose'))),
  );
  return body.length === 0 ? 0 : scored.length / body.length;
}

/** A risk drawn twice: its copy agrees on every score both give; the copy's scores and actions fill the gaps. */
export const RISK_OVERLAYS: OverlaySpec<Risk> = {
  text: (r) => r.description,
  setText: (r, text) => {
    r.description = text;
  },
  agree(a, b) {
    const differ = (x: number | null, y: number | null) => x !== null && y !== null && x !== y;
    return !differ(a.likelihood, b.likelihood) && !differ(a.impact, b.impact) && !differ(a.score, b.score);
  },
  merge(twin, copy) {
    twin.likelihood ??= copy.likelihood;
    twin.impact ??= copy.impact;
    twin.score ??= copy.score;
    twin.rating ??= copy.rating;
    twin.mitigation ??= copy.mitigation;
  },
};
