#!/usr/bin/env node
// Speed of the analysis stage alone (analyseDocument: segment, fields, validate, record schema), apart from
// extraction. Uses dist/: run `npm run build` first.
//
//   node scripts/profile-analysis.mjs extract <models.json> <file or folder>...   extract DocumentModels once
//   node scripts/profile-analysis.mjs time <models.json> [--passes 20]          cold first pass, warm passes, per stage
//   node scripts/profile-analysis.mjs records <models.json> <records.json>     write every record's JSON
//   node scripts/profile-analysis.mjs compare <models.json> <records.json>     are the records byte-identical to those?
//
// Saved models keep extractor changes out of an analysis comparison, and `records` before a change with `compare`
// after it shows the change did not alter a record. For a profile: node --cpu-prof scripts/profile-analysis.mjs time …
// Warm passes analyse the same documents again, so remembered normalisations (memoString) all hit: the cold first
// pass is nearer a real run's cost per document.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
if (!existsSync(join(repo, 'dist/pipeline/analyse.js'))) {
  console.error('profile-analysis: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const dist = (path) => import(join(repo, 'dist', path));
const [command, modelsFile, ...rest] = process.argv.slice(2);
// The formats `plansift run` discovers (src/text/formats.ts).
const { formatOfName } = await dist('text/formats.js');

function filesIn(path) {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => (statSync(join(path, name)).isDirectory() ? filesIn(join(path, name)) : [join(path, name)]))
    .filter((f) => formatOfName(f) !== null && !/^readme/i.test(basename(f)));
}

async function loadModels() {
  const models = JSON.parse(readFileSync(modelsFile, 'utf8'));
  const { loadTemplates } = await dist('segment/index.js');
  const { analyseDocument } = await dist('pipeline/analyse.js');
  const templates = await loadTemplates();
  const source = (file) => ({ file: basename(file), sha256: null, format: null, pages: null });
  const analyseAll = () => models.map(({ file, doc }) => analyseDocument(doc, templates, source(file)));
  return { models, templates, analyseAll };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (command === 'extract') {
  const { extractDocument } = await dist('extract/index.js');
  const out = [];
  for (const file of rest.flatMap(filesIn)) {
    try {
      out.push({ file, doc: await extractDocument(new Uint8Array(readFileSync(file)), basename(file)) });
    } catch (err) {
      console.error(`skipped ${file}: ${err.message}`);
    }
  }
  writeFileSync(modelsFile, JSON.stringify(out));
  console.log(`${out.length} document models written to ${modelsFile}`);
} else if (command === 'records' || command === 'compare') {
  const { models, analyseAll } = await loadModels();
  const records = analyseAll().map((r) => JSON.stringify(r));
  if (command === 'records') {
    writeFileSync(rest[0], JSON.stringify(records));
    console.log(`${records.length} records written to ${rest[0]}`);
  } else {
    const before = JSON.parse(readFileSync(rest[0], 'utf8'));
    const changed = models.filter((_, i) => records[i] !== before[i]).map((m) => m.file);
    console.log(`${records.length - changed.length}/${records.length} records identical`);
    for (const f of changed) console.log(`  changed: ${f}`);
    process.exitCode = changed.length > 0 || before.length !== records.length ? 1 : 0;
  }
} else if (command === 'time') {
  const passes = Number(rest[rest.indexOf('--passes') + 1] || 20);
  const { models, templates, analyseAll } = await loadModels();
  const n = models.length;
  let t = performance.now();
  analyseAll();
  const cold = (performance.now() - t) / n;
  const warm = [];
  for (let p = 0; p < passes; p++) {
    t = performance.now();
    analyseAll();
    warm.push((performance.now() - t) / n);
  }
  console.log(`${n} documents: cold first pass ${cold.toFixed(2)} ms/doc; warm median ${median(warm).toFixed(2)}, min ${Math.min(...warm).toFixed(2)} ms/doc over ${passes} passes`);
  // Warm time per stage, as analyseDocument runs them.
  const { segmentDocument } = await dist('segment/index.js');
  const { documentTables } = await dist('fields/common/documentTables.js');
  const fields = {};
  for (const name of ['area', 'schemes', 'budgets', 'risks', 'metrics']) {
    const mod = await dist(`fields/${name}/index.js`);
    fields[name] = mod[`extract${name[0].toUpperCase()}${name.slice(1)}`];
  }
  // The fields read for validation only (sign-off blocks, placeholders left in).
  fields.signatories = (await dist('fields/signoff/index.js')).extractSignatories;
  fields.placeholders = (await dist('fields/placeholders/index.js')).extractPlaceholders;
  const { checkPlan } = await dist('validate/index.js');
  const spent = {};
  const timed = (stage, f) => {
    const start = performance.now();
    const value = f();
    spent[stage] = (spent[stage] ?? 0) + performance.now() - start;
    return value;
  };
  const stagePasses = Math.max(1, Math.min(passes, 10));
  for (let p = 0; p < stagePasses; p++) {
    for (const { doc } of models) {
      const seg = timed('segment', () => segmentDocument(doc, templates));
      timed('area', () => fields.area(doc, seg));
      const tables = timed('tables', () => documentTables(doc));
      const value = {};
      for (const name of ['schemes', 'budgets', 'risks', 'metrics', 'signatories', 'placeholders']) value[name] = timed(name, () => fields[name](doc, seg, tables)).value;
      timed('validate', () => checkPlan(doc, seg, value));
    }
  }
  console.log(Object.entries(spent).map(([stage, ms]) => `${stage} ${(ms / stagePasses / n).toFixed(2)}`).join(', '), '(warm ms/doc)');
} else {
  console.error('usage: profile-analysis.mjs extract|time|records|compare <models.json> … (see the head of the script)');
  process.exit(2);
}
