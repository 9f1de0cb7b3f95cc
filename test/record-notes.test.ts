// The record's notes: what extraction (doc.messages) and the fields (the registry's messages) noticed reaches
// record.notes, deduplicated, in document order and capped; and survives SQLite, notes.csv and the report page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocument, type RawBlock } from '../src/model/document.js';
import { analyseDocument, failedRecord, MAX_NOTES, recordNotes } from '../src/pipeline/analyse.js';
import { processFile } from '../src/pipeline/processFile.js';
import { PlanRecordSchema, type PlanRecord } from '../src/record/schema.js';
import { loadReportData } from '../src/report/load.js';
import { renderPlan } from '../src/report/plan-page.js';
import { loadTemplates } from '../src/segment/index.js';
import { openStore, saveDocument } from '../src/store/db.js';
import { compareExports, readBack } from './csv-readback.js';

const templates = loadTemplates();
const tmp = mkdtempSync(join(tmpdir(), 'plansift-notes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// A .docx has no pages: every block and row has page null.
const table = (rows: string[][]): RawBlock => ({ kind: 'table', page: null, rows: rows.map((r) => ({ cells: r.map((text) => ({ text })), page: null })) });
const SUMMARY_HEADER = ['Organisation', 'Holds the pooled budget? (Y/N)', 'Spending on BCF schemes in 14/15', 'Minimum contribution (15/16)', 'Actual contribution (15/16)'];

/** A 2014 Part 2 finance summary (as tables-declared.test.ts builds it) whose actual contribution is a range. */
function part2WithRange(): PlanRecord {
  const doc = buildDocument('docx', null, [
    { kind: 'heading', level: 1, text: 'BCF Planning Template', page: null },
    { kind: 'heading', level: 2, text: 'Finance - Summary', page: null },
    table([
      SUMMARY_HEADER,
      ['Eastham Council', 'Y', '£1,000,000', '£1,100,000', '£1,200,000'],
      ['NHS Eastham CCG', 'N', '£2,000,000', '£9,000,000', '£300k - £450k'],
    ]),
  ]);
  return analyseDocument(doc, templates, { file: 'eastham-part2.docx', sha256: null, format: 'docx', pages: null });
}

describe('record.notes', () => {
  it('a DOCX saved with a .pdf name: processFile gives a record whose notes say the content is DOCX', async () => {
    const { record, failure } = await processFile('fixtures/broken', 'docx-named.pdf', templates);
    expect(failure).toBeNull();
    expect(record.source.format).toBe('docx');
    expect(record.notes).toContainEqual({ level: 'warning', stage: 'extract', message: 'file extension .pdf but content is docx', page: null, text: null });
    expect(record.notes[0].stage).toBe('extract'); // a note about the whole file comes first
  });

  it('a range in a declared Part 2 finance table reaches record.notes from the budgets field', () => {
    const record = part2WithRange();
    expect(record.template).toBe('bcf-2014-original');
    const range = record.notes.find((n) => /"£300k - £450k" is a range, not read as an amount/.test(n.message));
    expect(range, JSON.stringify(record.notes)).toMatchObject({ level: 'info', stage: 'budgets', page: null });
    expect(range?.text).toContain('£300k - £450k');
    expect(record.budgets.some((b) => b.amountGbp === 300_000 || b.amountGbp === 450_000)).toBe(false);
  });

  it('deduplicates (same stage, message and page once), orders whole-file notes then by page, caps with a last note', () => {
    const f = (stage: 'extract' | 'budgets', message: string, page: number | null) => ({ level: 'info' as const, stage, message, page });
    expect(recordNotes([f('budgets', 'b', 3), f('extract', 'x', 5), f('budgets', 'b', 3), f('budgets', 'b', 4), f('extract', 'whole file', null)]))
      .toEqual([
        { level: 'info', stage: 'extract', message: 'whole file', page: null, text: null },
        { level: 'info', stage: 'budgets', message: 'b', page: 3, text: null },
        { level: 'info', stage: 'budgets', message: 'b', page: 4, text: null },
        { level: 'info', stage: 'extract', message: 'x', page: 5, text: null },
      ]);
    const many = Array.from({ length: MAX_NOTES + 50 }, (_, i) => f(i < MAX_NOTES ? 'budgets' : 'extract', `note ${i}`, 1));
    const capped = recordNotes(many);
    expect(capped).toHaveLength(MAX_NOTES);
    expect(capped[MAX_NOTES - 2].message).toBe(`note ${MAX_NOTES - 2}`);
    expect(capped[MAX_NOTES - 1].message).toBe(`51 more notes left out (at most ${MAX_NOTES} are kept per record): budgets 1, extract 50`);
  });

  it('a failed record has no notes; a record written before notes parses with none', () => {
    expect(failedRecord({ file: 'x.pdf', sha256: null, format: 'pdf', pages: null }, 'corrupt', 'bad').notes).toEqual([]);
    const { notes: _n, ...older } = part2WithRange();
    expect(PlanRecordSchema.parse(older).notes).toEqual([]);
  });

  it('notes round-trip through SQLite and notes.csv, and the plan page shows them with their quoted text escaped', async () => {
    const record = part2WithRange();
    const quoted = { level: 'warning' as const, stage: 'extract' as const, message: 'a <b>bold</b> "note"', page: 2, text: '=HYPERLINK("x") & <script>' };
    record.notes.push(quoted);
    const { record: mislabelled } = await processFile('fixtures/broken', 'docx-named.pdf', templates);
    const db = await openStore(join(tmp, 'plansift.sqlite'));
    try {
      const meta = { size: 1, mtimeMs: 1, status: 'ok' as const, failureReason: null, duplicateOf: null };
      const id = await saveDocument(db, record, meta);
      await saveDocument(db, record, meta); // a re-save replaces the rows, not adds to them
      await saveDocument(db, mislabelled, meta);
      const rows = await db.all<Record<string, unknown>>('SELECT level, stage, message, page, source_text AS text FROM notes WHERE document_id = ? ORDER BY ord', [id]);
      expect(rows).toEqual(record.notes);

      const counts = await compareExports(db, tmp); // notes.csv read back cell by cell against the notes table
      expect(counts.notes).toBe(record.notes.length + mislabelled.notes.length);
      const csv = readBack(readFileSync(join(tmp, 'exports', 'notes.csv'), 'utf8'));
      expect(csv[0]).toEqual(['document_id', 'area_name', 'ord', 'level', 'stage', 'message', 'page', 'source_text']);
      expect(csv.some((r) => r[4] === 'budgets' && /is a range/.test(r[5]))).toBe(true);
      expect(csv.some((r) => r[7] === `'${quoted.text}`)).toBe(true); // neutralised like every text cell

      const { plans } = await loadReportData(db);
      const view = plans.find((p) => p.id === id)!;
      expect(view.notes).toEqual(record.notes);
      const page = renderPlan({ generatedAt: 'now', dbName: 'db', root: '../' }, view).toString();
      expect(page).toContain('<h2 id="notes">Notes (');
      expect(page).toContain('is a range, not read as an amount');
      expect(page).toContain('<code class="code">budgets</code>');
      expect(page).toContain('a &lt;b&gt;bold&lt;/b&gt; &quot;note&quot;');
      expect(page).toContain('=HYPERLINK(&quot;x&quot;) &amp; &lt;script&gt;');
      expect(page).not.toContain('&amp; <script>');
      const other = renderPlan({ generatedAt: 'now', dbName: 'db', root: '../' }, plans.find((p) => p.id !== id)!).toString();
      expect(other).toContain('file extension .pdf but content is docx');
    } finally {
      await db.close();
    }
  });
});
