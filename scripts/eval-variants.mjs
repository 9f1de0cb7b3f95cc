#!/usr/bin/env node
// `npm run eval:variants`: how extraction holds when the same plans arrive through other converters.
// Builds converter variants of ../shared/corpus (pdftotext raw and -layout of each PDF; LibreOffice text, HTML
// and PDF of each DOCX; mammoth's markdown of each DOCX; each DOCX retypeset in other type sizes and on landscape
// pages, as PDF and as its pdftotext -layout; each DOCX with its headings unstyled, as DOCX and PDF; each DOCX with
// its table borders removed, as PDF and through pdftotext -layout and raw; Chromium's PDF print of the LibreOffice
// HTML, as PDF and through pdftotext raw and -layout; the fixture workbooks printed to PDF, and that PDF through
// pdftotext -layout and raw, scored against their own facts), scores each set against ../shared/gold with
// `plansift eval --json`, and prints one table: field × variant (`--markdown`: variant × field, for the README). Sets whose converter is not installed are
// skipped with a line saying why. Variants derive from the corpus: they live in a temp folder, never the repo.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const corpus = option('--corpus', join(here, '..', 'shared', 'corpus'));
const gold = option('--gold', join(here, '..', 'shared', 'gold'));
const out = option('--out', mkdtempSync(join(tmpdir(), 'plansift-variants-')));
const asJson = args.includes('--json');
// --markdown: one row per variant set (the README's table), the list fields' F1 and the risk attributes.
const asMarkdown = args.includes('--markdown');

if (!existsSync(corpus) || !existsSync(gold)) {
  console.error(`eval:variants: needs the shared corpus and gold (${corpus}, ${gold}); not found, nothing scored`);
  process.exit(2);
}
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const files = (ext) => readdirSync(corpus).filter((n) => n.endsWith(ext)).map((n) => join(corpus, n));

function newSet(name) {
  const dir = join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'docs'), { recursive: true });
  mkdirSync(join(dir, 'gold'), { recursive: true });
  for (const g of readdirSync(gold).filter((n) => n.endsWith('.json'))) copyFileSync(join(gold, g), join(dir, 'gold', g));
  return join(dir, 'docs');
}

const sets = [];
const skipped = [];
// The corpus itself, as the reference row.
{
  const docs = newSet('corpus');
  for (const f of readdirSync(corpus).filter((n) => /\.(txt|docx|pdf)$/.test(n))) copyFileSync(join(corpus, f), join(docs, f));
  sets.push('corpus');
}
if (has('pdftotext')) {
  for (const [name, flags] of [['pdftotext', []], ['pdftotext-layout', ['-layout']]]) {
    const docs = newSet(name);
    for (const f of files('.pdf')) execFileSync('pdftotext', [...flags, f, join(docs, basename(f, '.pdf') + '.txt')]);
    sets.push(name);
  }
} else skipped.push('pdftotext, pdftotext-layout: pdftotext not installed (Debian: poppler-utils)');
if (has('soffice')) {
  for (const [name, filter] of [['lo-txt', 'txt:Text (encoded):UTF8'], ['lo-html', 'html'], ['lo-pdf', 'pdf']]) {
    const docs = newSet(name);
    const r = spawnSync('soffice', ['--headless', '--convert-to', filter, '--outdir', docs, ...files('.docx')], { encoding: 'utf8' });
    if (r.status !== 0 || readdirSync(docs).length === 0) {
      skipped.push(`${name}: soffice failed (${(r.stderr || '').trim().split('\n')[0]})`);
      continue;
    }
    sets.push(name);
  }
} else skipped.push('lo-txt, lo-html, lo-pdf: soffice not installed (Debian: libreoffice-writer)');
// Another PDF writer altogether: Chromium printing LibreOffice's HTML of each DOCX (its own text runs and
// rules; cells cut by a page break left open).
const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find(has);
if (chromium && sets.includes('lo-html')) {
  const docs = newSet('chromium-pdf');
  for (const html of readdirSync(join(out, 'lo-html', 'docs')).filter((n) => n.endsWith('.html'))) {
    spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${join(docs, basename(html, '.html') + '.pdf')}`, `file://${join(out, 'lo-html', 'docs', html)}`], {
      encoding: 'utf8',
      timeout: 120_000,
    });
  }
  if (readdirSync(docs).length > 0) {
    sets.push('chromium-pdf');
    // And its text as pdftotext gives it: another writer's reading order and layout.
    if (has('pdftotext')) {
      for (const [name, flags] of [['chromium-pdftotext', []], ['chromium-pdftotext-layout', ['-layout']]]) {
        const text = newSet(name);
        for (const pdf of readdirSync(docs)) execFileSync('pdftotext', [...flags, join(docs, pdf), join(text, basename(pdf, '.pdf') + '.txt')]);
        sets.push(name);
      }
    }
  } else skipped.push('chromium-pdf: chromium printed nothing');
} else skipped.push(chromium ? 'chromium-pdf: needs the lo-html set' : 'chromium-pdf: chromium not installed (Debian: chromium)');
// The same DOCX typeset again by LibreOffice on other pages and type sizes, so every cell wraps and every page
// breaks somewhere else: the nearest this corpus gets to a plan it has never seen. Each is scored as PDF (the
// project's own PDF reader) and as pdftotext -layout and raw text of that PDF. "plain-headings" gives every heading the body
// style (many plans type their headings as bold text), scored as the DOCX itself and as its PDF; "borderless"
// takes every table's borders away (a known gap: the PDF reader finds tables by their rules first).
const RETYPESET = {
  'type-large': { edit: (xml) => scaleType(xml, 1.25), as: ['pdf', 'layout', 'text'] },
  'type-small': { edit: (xml) => scaleType(xml, 0.85), as: ['pdf', 'layout', 'text'] },
  landscape: {
    edit: (xml) => xml.replace(/<w:pgSz w:w="(\d+)" w:h="(\d+)"\/>/g, (_, w, h) => `<w:pgSz w:w="${h}" w:h="${w}" w:orient="landscape"/>`),
    as: ['pdf', 'layout', 'text'],
  },
  'plain-headings': { edit: (xml) => xml.replace(/<w:pStyle w:val="(?:Heading|Title)[^"]*"\/>/g, ''), as: ['docx', 'pdf'] },
  // Tables without borders, with Word's default cell margins: as PDF, tables with no rules at all.
  borderless: {
    edit: (xml) =>
      xml
        .replace(/<w:(tcBorders|tblBorders)>[\s\S]*?<\/w:\1>/g, '')
        .replace(/<w:(left|right) w:w="\d+" w:type="dxa"\/>(?=[\s\S]*?<\/w:tblCellMar>)/g, '<w:$1 w:w="108" w:type="dxa"/>'),
    as: ['pdf', 'layout', 'text'],
  },
};
function scaleType(xml, factor) {
  return xml.replace(/<w:sz(Cs)? w:val="(\d+)"/g, (_, cs, v) => `<w:sz${cs ?? ''} w:val="${Math.round(Number(v) * factor)}"`);
}
if (has('soffice')) {
  const JSZip = (await import('jszip')).default;
  for (const [name, how] of Object.entries(RETYPESET)) {
    const work = mkdtempSync(join(tmpdir(), 'plansift-retypeset-'));
    for (const f of files('.docx')) {
      const zip = await JSZip.loadAsync(readFileSync(f));
      for (const part of ['word/document.xml', 'word/styles.xml']) {
        const file = zip.file(part);
        if (file) zip.file(part, how.edit(await file.async('string')));
      }
      writeFileSync(join(work, basename(f)), await zip.generateAsync({ type: 'nodebuffer' }));
    }
    if (how.as.includes('docx')) {
      const docs = newSet(`${name}-docx`);
      for (const n of readdirSync(work)) copyFileSync(join(work, n), join(docs, n));
      sets.push(`${name}-docx`);
    }
    const docs = newSet(`${name}-pdf`);
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', docs, ...readdirSync(work).map((n) => join(work, n))], {
      encoding: 'utf8',
    });
    rmSync(work, { recursive: true, force: true });
    if (r.status !== 0 || readdirSync(docs).length === 0) {
      skipped.push(`${name}: soffice failed (${(r.stderr || '').trim().split('\n')[0]})`);
      continue;
    }
    sets.push(`${name}-pdf`);
    if (how.as.includes('layout') && has('pdftotext')) {
      const text = newSet(`${name}-layout`);
      for (const pdf of readdirSync(docs)) execFileSync('pdftotext', ['-layout', join(docs, pdf), join(text, basename(pdf, '.pdf') + '.txt')]);
      sets.push(`${name}-layout`);
    }
    if (how.as.includes('text') && has('pdftotext')) {
      const text = newSet(`${name}-pdftotext`);
      for (const pdf of readdirSync(docs)) execFileSync('pdftotext', [join(docs, pdf), join(text, basename(pdf, '.pdf') + '.txt')]);
      sets.push(`${name}-pdftotext`);
    }
  }
} else skipped.push(`${Object.keys(RETYPESET).join(', ')}: soffice not installed (Debian: libreoffice-writer)`);
// The synthetic Part 2 and 2022-23 workbooks (fixtures/workbooks, facts in their *.expected.json) printed to PDF
// as an area prints its Excel template: no gridlines, each sheet fitted to one page, text clipped where the cell
// next to it is filled. Scored against those facts, not ../shared/gold.
const workbooks = join(here, 'fixtures', 'workbooks');
if (has('soffice') && existsSync(workbooks)) {
  const dir = join(out, 'sheets-pdf');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'docs'), { recursive: true });
  mkdirSync(join(dir, 'gold'), { recursive: true });
  const books = readdirSync(workbooks).filter((n) => n.endsWith('.xlsx'));
  for (const b of books) copyFileSync(join(workbooks, b.replace(/\.xlsx$/, '.expected.json')), join(dir, 'gold', b.replace(/\.xlsx$/, '.json')));
  const filter = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}';
  const r = spawnSync('soffice', ['--headless', '--convert-to', filter, '--outdir', join(dir, 'docs'), ...books.map((b) => join(workbooks, b))], { encoding: 'utf8' });
  if (r.status !== 0 || readdirSync(join(dir, 'docs')).length === 0) skipped.push(`sheets-pdf: soffice failed (${(r.stderr || '').trim().split('\n')[0]})`);
  else {
    sets.push('sheets-pdf');
    // And their text as pdftotext gives it, laid out and raw, scored against the same facts.
    if (has('pdftotext')) {
      for (const [name, flags] of [['sheets-layout', ['-layout']], ['sheets-pdftotext', []]]) {
        const sub = join(out, name);
        rmSync(sub, { recursive: true, force: true });
        mkdirSync(join(sub, 'docs'), { recursive: true });
        cpSync(join(dir, 'gold'), join(sub, 'gold'), { recursive: true });
        for (const pdf of readdirSync(join(dir, 'docs'))) execFileSync('pdftotext', [...flags, join(dir, 'docs', pdf), join(sub, 'docs', basename(pdf, '.pdf') + '.txt')]);
        sets.push(name);
      }
    }
  }
} else skipped.push('sheets-pdf: needs soffice (Debian: libreoffice-calc) and fixtures/workbooks');
{
  // mammoth ships with the project: its markdown of each DOCX.
  const mammoth = (await import('mammoth')).default;
  const docs = newSet('mammoth-md');
  for (const f of files('.docx')) {
    const { value } = await mammoth.convertToMarkdown({ path: f });
    writeFileSync(join(docs, basename(f, '.docx') + '.md'), value);
  }
  sets.push('mammoth-md');
}

const bin = join(here, 'bin', 'plansift.js');
const results = {};
for (const name of sets) {
  const dir = join(out, name);
  const r = spawnSync(process.execPath, [bin, 'eval', '--gold', join(dir, 'gold'), '--corpus', join(dir, 'docs'), '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0 && !r.stdout) {
    skipped.push(`${name}: eval failed: ${(r.stderr || '').trim().split('\n').pop()}`);
    continue;
  }
  results[name] = JSON.parse(r.stdout);
}

/** Micro-average a list field, or an accuracy, over every format of a set. */
function measures(result) {
  const lists = {};
  const acc = {};
  for (const t of Object.values(result.totals)) {
    for (const [k, v] of Object.entries(t.lists)) {
      const s = (lists[k] ??= { tp: 0, fp: 0, fn: 0 });
      s.tp += v.tp;
      s.fp += v.fp;
      s.fn += v.fn;
    }
    const add = (key, v) => {
      const s = (acc[key] ??= { correct: 0, total: 0 });
      s.correct += v.correct;
      s.total += v.total;
    };
    add('template', t.template);
    add('sections', t.sections);
    for (const [k, v] of Object.entries(t.riskAttributes)) add(`risk ${k}`, v);
    for (const [k, v] of Object.entries(t.metricAttributes)) add(`metric ${k}`, v);
  }
  const f1 = ({ tp, fp, fn }) => (tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn));
  const row = {};
  row.template = acc.template;
  row.sections = acc.sections;
  for (const k of ['area', 'schemes', 'budgets', 'risks', 'metrics', 'flags']) if (lists[k]) row[k] = { f1: f1(lists[k]), ...lists[k] };
  for (const k of Object.keys(acc).filter((k) => k.startsWith('risk ') || k.startsWith('metric '))) row[k] = acc[k];
  return row;
}

const table = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, measures(r)]));
if (asJson) {
  console.log(JSON.stringify({ out, skipped, table }, null, 1));
} else if (asMarkdown) {
  const cols = ['sections', 'schemes', 'budgets', 'risks', 'metrics', 'flags', 'risk likelihood', 'risk impact', 'risk score', 'risk rating', 'metric kind'];
  const cell = (m) => (!m ? '-' : 'f1' in m ? (m.f1 === null ? '-' : m.f1.toFixed(2)) : m.total === 0 ? '-' : (m.correct / m.total).toFixed(2));
  console.log(`| set | ${cols.join(' | ')} |`);
  console.log(`|---|${cols.map(() => '---').join('|')}|`);
  for (const [name, row] of Object.entries(table)) console.log(`| ${name} | ${cols.map((c) => cell(row[c])).join(' | ')} |`);
  for (const s of skipped) console.log(`\nskipped: ${s}`);
} else {
  const names = Object.keys(table);
  const fields = [...new Set(names.flatMap((n) => Object.keys(table[n])))];
  const cell = (m) => {
    if (!m) return '-';
    if ('f1' in m) return m.f1 === null ? '-' : m.f1.toFixed(2);
    return m.total === 0 ? '-' : (m.correct / m.total).toFixed(2);
  };
  const w = (n) => Math.max(n.length, 4);
  console.log(['field'.padEnd(18), ...names.map((n) => n.padStart(w(n)))].join(' '));
  for (const f of fields) console.log([f.padEnd(18), ...names.map((n) => cell(table[n][f]).padStart(w(n)))].join(' '));
  console.log('(F1 for lists: area, schemes, budgets, risks, metrics, flags; share correct for the rest; "-" nothing to judge)');
  for (const s of skipped) console.log(`skipped: ${s}`);
  console.log(`variants in ${out}`);
}
