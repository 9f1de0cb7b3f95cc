#!/usr/bin/env node
// Benchmark of `plansift run` (uses dist/: run `npm run build` first; `npm run bench` does).
//
//   node scripts/bench.mjs [--n 1000] [--runs 3] [--reruns 1] [--pdf-runs 5] [--concurrency <cores>] [--rss-n 250] [--no-pdf]
//                          [--baseline-ref REF] [--ab-pairs 3] [--real-n 60] [--hostile-budget 1024] [--only ab,real,hostile] [--keep]
//
// Builds a synthetic corpus of N plans in a temp folder: varied copies of fixtures/sample in every format (each
// copy's bytes differ, so nothing is deduplicated away) plus ~1% broken files from fixtures/broken. Reports medians
// over --runs runs of: a full run (files/s, pages/s), an unchanged re-run, and peak RSS of the run process (worker
// threads live in the same process, so its maxRSS covers them); peak RSS again at --rss-n files to show whether it
// grows with corpus size; and, where `pdftotext` is installed, our PDF time against `pdftotext -layout` over the same
// PDFs with the same parallelism.
//
// Peak RSS is of the whole process tree (the run and its worker processes), sampled every 50 ms from /proc, beside
// the run's own `peakRssMb`. Three more sections (--only picks some):
//   ab       the same full run with the code at --baseline-ref (default: the branch point, worker threads) and with
//            this code (worker processes), as interleaved pairs; medians, per-pair ratios, peak tree RSS of each.
//   real     ../shared/corpus's PDFs copied to --real-n files (bytes varied) against `pdftotext -layout`.
//   hostile  broken fixtures plus generated hostile files (zero-byte, truncated, 90 MB text, a deep page tree, a
//            page-tree loop, 50,000 pages) under `--max-memory-mb --hostile-budget`: the tree's peak RSS against it.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = join(repo, 'bin/plansift.js');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const N = Number(opt('n', 1000));
const RUNS = Number(opt('runs', 3));
const CONCURRENCY = Number(opt('concurrency', availableParallelism()));
const RSS_N = Number(opt('rss-n', Math.max(50, Math.round(N / 4))));
const RERUNS = Number(opt('reruns', 1)); // unchanged re-runs after each full run
// The PDF comparison is short (seconds), so it gets more runs: the machine's noise is large (±20% here).
const PDF_RUNS = Number(opt('pdf-runs', Math.max(RUNS, 5)));
const KEEP = args.includes('--keep');
const ONLY = opt('only', null)?.split(',') ?? null;
const section = (name) => !ONLY || ONLY.includes(name);
const AB_PAIRS = Number(opt('ab-pairs', 3));
const REAL_N = Number(opt('real-n', 60));
const HOSTILE_BUDGET = Number(opt('hostile-budget', 1024));
const BASELINE_REF = opt('baseline-ref', null);
const NO_PDF = args.includes('--no-pdf');

if (!existsSync(join(repo, 'dist/cli/main.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Make a copy's bytes unique without changing what a reader sees. */
function vary(bytes, ext, i) {
  const tag = `plansift-bench-variant-${i}`;
  if (ext === '.pdf') return Buffer.concat([bytes, Buffer.from(`\n% ${tag}\n`)]); // after %%EOF: ignored by readers
  if (ext === '.docx' || ext === '.xlsx') {
    // Set the zip's (empty) end-of-central-directory comment.
    const eocd = bytes.length - 22;
    if (bytes.readUInt32LE(eocd) !== 0x06054b50 || bytes.readUInt16LE(eocd + 20) !== 0) return bytes;
    const out = Buffer.concat([bytes, Buffer.from(tag)]);
    out.writeUInt16LE(tag.length, eocd + 20);
    return out;
  }
  if (ext === '.html') return Buffer.concat([bytes, Buffer.from(`\n<!-- ${tag} -->\n`)]);
  return Buffer.concat([bytes, Buffer.from(`\n\nReference: ${tag}\n`)]);
}

function buildCorpus(dir, n) {
  const sampleDir = join(repo, 'fixtures/sample');
  const brokenDir = join(repo, 'fixtures/broken');
  const samples = readdirSync(sampleDir)
    .filter((f) => ['.pdf', '.docx', '.txt', '.md', '.html'].includes(extname(f)))
    .sort()
    .map((f) => ({ name: f, bytes: readFileSync(join(sampleDir, f)) }));
  const broken = existsSync(brokenDir)
    ? readdirSync(brokenDir)
        .filter((f) => !f.startsWith('.') && !f.startsWith('~$') && ['.pdf', '.docx', '.doc'].includes(extname(f)))
        .sort()
        .map((f) => ({ name: f, bytes: readFileSync(join(brokenDir, f)) }))
    : [];
  // Workbooks (issue 14): the fixture workbooks join the sample plans in the mix.
  const workbookDir = join(repo, 'fixtures/workbooks');
  if (existsSync(workbookDir)) {
    for (const f of readdirSync(workbookDir).filter((x) => x.endsWith('.xlsx')).sort()) samples.push({ name: f, bytes: readFileSync(join(workbookDir, f)) });
  }
  if (samples.length === 0) throw new Error('fixtures/sample has no plans');
  let pdfs = 0;
  for (let i = 0; i < n; i++) {
    const brokenOne = broken.length && i % 100 === 99; // ~1% broken
    const src = brokenOne ? broken[(i / 100) % broken.length | 0] : samples[i % samples.length];
    const ext = extname(src.name);
    const folder = join(dir, `area-${String(i % 40).padStart(2, '0')}`, `${2014 + (i % 9)}`);
    mkdirSync(folder, { recursive: true });
    const bytes = brokenOne && src.bytes.length === 0 ? src.bytes : vary(src.bytes, ext, i);
    writeFileSync(join(folder, `${basename(src.name, ext)}-${i}${ext}`), bytes);
    if (ext === '.pdf') pdfs++;
  }
  return { pdfs };
}

/** RSS in MB of `pid` and all its descendants, from /proc (0 where there is none). */
function treeRssMb(pid) {
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      const kids = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      if (kids) stack.push(...kids.split(/\s+/).map(Number));
    } catch {
      // gone between reads
    }
  }
  return Math.round(kb / 1024);
}

/** Run the CLI; returns wall ms, its --json summary and the peak RSS of its process tree. */
function runCli(input, out, extra = [], bin = BIN) {
  return new Promise((ok, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, 'run', input, '--out', out, '--json', '--quiet', '--concurrency', String(CONCURRENCY), ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let treePeakMb = 0;
    const sampler = setInterval(() => (treePeakMb = Math.max(treePeakMb, treeRssMb(child.pid))), 50);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      clearInterval(sampler);
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0 && code !== 1) return fail(new Error(`plansift exited ${code}: ${stderr.slice(-2000)}`));
      const summary = JSON.parse(stdout.trim().split('\n').pop());
      ok({ wallMs, summary, treePeakMb: Math.max(treePeakMb, summary.peakRssMb ?? 0), code });
    });
  });
}

/** Run `commands` (arrays of argv) with at most `parallel` at once; returns wall ms. */
function runParallel(commands, parallel) {
  return new Promise((ok, fail) => {
    const start = process.hrtime.bigint();
    let next = 0;
    let running = 0;
    const launch = () => {
      if (next >= commands.length && running === 0) return ok(Number(process.hrtime.bigint() - start) / 1e6);
      while (running < parallel && next < commands.length) {
        const [cmd, ...rest] = commands[next++];
        running++;
        const child = spawn(cmd, rest, { stdio: 'ignore' });
        child.on('error', fail);
        child.on('exit', () => {
          running--;
          launch();
        });
      }
    };
    launch();
  });
}

/** A PDF from object bodies (1-based, object 1 the catalog), with a correct xref table. */
function pdfOf(objects) {
  const parts = ['%PDF-1.4\n'];
  let length = parts[0].length; // objects are ASCII: characters are bytes
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const part = `${i + 1} 0 obj\n${o}\nendobj\n`;
    parts.push(part);
    length += part.length;
  });
  const xref = length;
  let body = parts.join('');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const CONTENT = '<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Plan text) Tj ET\nendstream';
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** Hostile files made here (nothing fetched): page trees deep, looping and huge, a zip bomb, huge text. */
function buildHostile(dir) {
  mkdirSync(dir, { recursive: true });
  // A page tree 5,000 levels deep: catalog, 5,000 nested /Pages, one page.
  const depth = 5000;
  const deep = ['<< /Type /Catalog /Pages 2 0 R >>'];
  for (let d = 0; d < depth; d++) deep.push(`<< /Type /Pages /Kids [${d + 3} 0 R] /Count 1${d ? ` /Parent ${d + 1} 0 R` : ''} >>`);
  deep.push(`<< /Type /Page /Parent ${depth + 1} 0 R /MediaBox [0 0 612 792] /Contents ${depth + 3} 0 R /Resources << /Font << /F1 ${depth + 4} 0 R >> >> >>`, CONTENT, FONT);
  writeFileSync(join(dir, 'deep-page-tree.pdf'), pdfOf(deep));
  // A page tree whose node lists itself (and its parent) as kids.
  writeFileSync(join(dir, 'page-tree-loop.pdf'), pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 5 >>',
    '<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 4 /Parent 2 0 R >>',
  ]));
  // 50,000 pages sharing one content stream.
  const pages = 50_000;
  const many = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(' ')}] /Count ${pages} >>`, CONTENT, FONT];
  for (let i = 0; i < pages; i++) many.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>');
  writeFileSync(join(dir, 'fifty-thousand-pages.pdf'), pdfOf(many));
  // A .docx whose document.xml inflates to 300 MB.
  const xml = Buffer.alloc(300 * 1048576, 0x20);
  xml.write('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>');
  const zipped = deflateRawSync(xml, { level: 6 });
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(xml), 14); local.writeUInt32LE(zipped.length, 18); local.writeUInt32LE(xml.length, 22); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(xml), 16); central.writeUInt32LE(zipped.length, 20); central.writeUInt32LE(xml.length, 24); central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + zipped.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12); end.writeUInt32LE(cdOffset, 16);
  writeFileSync(join(dir, 'zip-bomb.docx'), Buffer.concat([local, name, zipped, central, name, end]));
  // 90 MB of plan text (under the 100 MB file limit), zero bytes, and truncated real PDFs.
  writeFileSync(join(dir, 'huge-plan.txt'), Buffer.alloc(90 * 1048576, 'Our vision for integrated care. The pooled budget is set out below.\n'));
  writeFileSync(join(dir, 'zero-byte.pdf'), '');
  const real = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')) : [];
  for (const f of real) {
    const bytes = readFileSync(join(CORPUS, f));
    for (const frac of [0.1, 0.5, 0.9]) writeFileSync(join(dir, `truncated-${frac}-${f}`), bytes.subarray(0, Math.floor(bytes.length * frac)));
  }
  const broken = join(repo, 'fixtures/broken');
  for (const f of existsSync(broken) ? readdirSync(broken) : []) {
    if (!f.startsWith('.') && !f.startsWith('~$') && f !== 'README.md') writeFileSync(join(dir, `broken-${f}`), readFileSync(join(broken, f)));
  }
}

const CORPUS = resolve(repo, '../shared/corpus');

/** Build `ref` (the worker-thread code before issue 11) into a temp folder beside the bench corpus. */
function buildBaseline(ref, dir) {
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${repo}" archive "${ref}" | tar -x -C "${dir}"`]);
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { stdio: 'inherit' });
  return join(dir, 'bin/plansift.js');
}

function machine() {
  const c = cpus();
  return `${c.length} × ${c[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, ${process.platform}`;
}

const base = mkdtempSync(join(tmpdir(), 'plansift-bench-'));
try {
  const corpus = join(base, 'corpus');
  const { pdfs } = buildCorpus(corpus, N);
  // Figures from a busy machine are not comparable: say how busy it was (1-minute load average) at start and end.
  const loadAtStart = +loadavg()[0].toFixed(2);
  console.log(`bench: ${N} files (${pdfs} PDFs) in ${corpus}; ${RUNS} runs; concurrency ${CONCURRENCY}; ${machine()}; load average ${loadAtStart}`);

  const results = { files: N, concurrency: CONCURRENCY, loadAverage: { start: loadAtStart, end: 0 } };
  if (section('full')) {
  const full = [];
  const rerun = [];
  for (let r = 0; r < RUNS; r++) {
    const out = join(base, `out-${r}`);
    const a = await runCli(corpus, out);
    full.push(a);
    let b;
    for (let k = 0; k < RERUNS; k++) {
      b = await runCli(corpus, out);
      rerun.push(b);
    }
    console.log(
      `  run ${r + 1}: full ${(a.wallMs / 1000).toFixed(1)} s (${a.summary.processed} processed, ${a.summary.failed} failed, ` +
        `${a.summary.pages} pages, peak RSS ${a.summary.peakRssMb} MB, process tree ${a.treePeakMb} MB); unchanged re-run ${(b.wallMs / 1000).toFixed(2)} s ` +
        `(in-run ${b.summary.durationMs} ms, ${b.summary.skipped} skipped)`,
    );
    rmSync(out, { recursive: true, force: true });
  }
  const fullMs = median(full.map((x) => x.wallMs));
  const pages = full[0].summary.pages;
  Object.assign(results, {
    fullRunS: +(fullMs / 1000).toFixed(1),
    filesPerS: +(N / (fullMs / 1000)).toFixed(2),
    pagesPerS: +(pages / (fullMs / 1000)).toFixed(2),
    pagesInCorpus: pages,
    unchangedRerunS: +(median(rerun.map((x) => x.wallMs)) / 1000).toFixed(2),
    unchangedRerunInRunMs: median(rerun.map((x) => x.summary.durationMs)),
    peakRssMb: median(full.map((x) => x.summary.peakRssMb)),
    peakTreeRssMb: median(full.map((x) => x.treePeakMb)),
  });

  // Peak RSS on a smaller corpus: it should not grow with the number of files.
  if (RSS_N > 0 && RSS_N < N) {
    const small = join(base, 'corpus-small');
    buildCorpus(small, RSS_N);
    const a = await runCli(small, join(base, 'out-small'));
    results.peakRssMbSmall = { files: RSS_N, peakRssMb: a.summary.peakRssMb, peakTreeRssMb: a.treePeakMb };
    console.log(`  peak RSS at ${RSS_N} files: ${a.summary.peakRssMb} MB (process tree ${a.treePeakMb} MB)`);
  }
  }

  // PDF time against pdftotext -layout, same PDFs, same parallelism.
  let havePdftotext = !NO_PDF && section('pdf');
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    havePdftotext = false;
  }
  if (havePdftotext) {
    const pdfFiles = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf'));
    const ours = [];
    const theirs = [];
    // Interleaved pairs (ours, then pdftotext straight after): each pair sees the same machine conditions.
    for (let r = 0; r < PDF_RUNS; r++) {
      const a = await runCli(corpus, join(base, `out-pdf-${r}`), ['--include', '**/*.pdf']);
      ours.push(a.wallMs);
      rmSync(join(base, `out-pdf-${r}`), { recursive: true, force: true });
      theirs.push(await runParallel(pdfFiles.map((f) => ['pdftotext', '-layout', join(corpus, f), '/dev/null']), CONCURRENCY));
    }
    const pairRatios = ours.map((o, i) => +(o / theirs[i]).toFixed(2));
    // Extraction alone (no segmenting, fields, DB or worker pool): CONCURRENCY node processes, each a slice.
    const extractOnly = [];
    const script = `import { readFileSync } from 'node:fs';
      const { extractDocument } = await import(${JSON.stringify(join(repo, 'dist/extract/index.js'))});
      for (const f of process.argv.slice(1)) { try { await extractDocument(readFileSync(f), f); } catch {} }`;
    const slices = Array.from({ length: CONCURRENCY }, (_, k) => pdfFiles.filter((_, i) => i % CONCURRENCY === k).map((f) => join(corpus, f)));
    for (let r = 0; r < RUNS; r++) {
      extractOnly.push(await runParallel(slices.map((sl) => [process.execPath, '--input-type=module', '-e', script, ...sl]), CONCURRENCY));
    }
    results.pdf = {
      files: pdfFiles.length,
      extractOnlyS: +(median(extractOnly) / 1000).toFixed(1),
      extractOnlyRatio: +(median(extractOnly) / median(theirs)).toFixed(1),
      oursS: +(median(ours) / 1000).toFixed(1),
      pdftotextS: +(median(theirs) / 1000).toFixed(1),
      ratio: +(median(ours) / median(theirs)).toFixed(1),
      runs: PDF_RUNS,
      pairRatios,
      medianPairRatio: median(pairRatios),
    };
    console.log(
      `  PDFs: whole run ${results.pdf.oursS} s, extraction alone ${results.pdf.extractOnlyS} s, ` +
        `pdftotext -layout ${results.pdf.pdftotextS} s (×${results.pdf.ratio} / ×${results.pdf.extractOnlyRatio}); ` +
        `per pair ${pairRatios.map((x) => `×${x}`).join(' ')}, median ×${results.pdf.medianPairRatio}`,
    );
  } else if (!NO_PDF && section('pdf')) {
    console.log('  pdftotext not installed: PDF comparison skipped (apt-get install -y poppler-utils)');
  }
  // xlsx extraction per file (issue 14): in this process, warm, median of 10 passes over each fixture workbook.
  {
    const { extractDocument } = await import(join(repo, 'dist/extract/index.js'));
    const dir = join(repo, 'fixtures/workbooks');
    const books = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort() : [];
    const perFile = {};
    for (const f of books) {
      const bytes = readFileSync(join(dir, f));
      await extractDocument(bytes, f); // warm-up (loads exceljs)
      const ms = [];
      for (let k = 0; k < 10; k++) {
        const t = process.hrtime.bigint();
        await extractDocument(bytes, f);
        ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      perFile[f] = +median(ms).toFixed(1);
    }
    if (books.length) {
      results.xlsxExtractMs = perFile;
      console.log(`  xlsx extraction per file (warm, median of 10): ${Object.entries(perFile).map(([f, m]) => `${f} ${m} ms`).join('; ')}`);
    }
  }

  // A/B: worker threads (the code at the baseline ref) against worker processes (this code), interleaved pairs.
  if (section('ab')) {
    const ref = BASELINE_REF ?? '87abfba';
    const baselineBin = buildBaseline(ref, join(base, 'baseline'));
    const threads = [];
    const forked = [];
    for (let r = 0; r < AB_PAIRS; r++) {
      // Alternate which goes first, so neither always gets the cooler (or hotter) half of a pair.
      const pair = r % 2 ? ['forked', 'threads'] : ['threads', 'forked'];
      for (const which of pair) {
        const out = join(base, `out-ab-${which}-${r}`);
        const x = await runCli(corpus, out, [], which === 'threads' ? baselineBin : BIN);
        (which === 'threads' ? threads : forked).push(x);
        rmSync(out, { recursive: true, force: true });
      }
      console.log(`  A/B pair ${r + 1}: threads ${(threads[r].wallMs / 1000).toFixed(1)} s (tree ${threads[r].treePeakMb} MB), ` +
        `forked ${(forked[r].wallMs / 1000).toFixed(1)} s (tree ${forked[r].treePeakMb} MB), ×${(forked[r].wallMs / threads[r].wallMs).toFixed(3)}`);
    }
    const ratios = forked.map((f, i) => +(f.wallMs / threads[i].wallMs).toFixed(3));
    results.ab = {
      baselineRef: ref, pairs: AB_PAIRS, files: N,
      threadsS: +(median(threads.map((x) => x.wallMs)) / 1000).toFixed(1), forkedS: +(median(forked.map((x) => x.wallMs)) / 1000).toFixed(1),
      pairRatios: ratios, medianPairRatio: median(ratios),
      threadsTreeRssMb: median(threads.map((x) => x.treePeakMb)), forkedTreeRssMb: median(forked.map((x) => x.treePeakMb)),
    };
  }

  // Real plans: the corpus PDFs copied (bytes varied) to REAL_N files, against pdftotext -layout, interleaved pairs.
  const realPdfs = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).sort() : [];
  if (section('real') && realPdfs.length && !NO_PDF) {
    const dir = join(base, 'real');
    mkdirSync(dir);
    for (let i = 0; i < REAL_N; i++) {
      const f = realPdfs[i % realPdfs.length];
      writeFileSync(join(dir, `real-${i}.pdf`), vary(readFileSync(join(CORPUS, f)), '.pdf', i));
    }
    const ours = [];
    const theirs = [];
    const files = readdirSync(dir).map((f) => join(dir, f));
    for (let r = 0; r < PDF_RUNS; r++) {
      const a = await runCli(dir, join(base, `out-real-${r}`));
      ours.push(a);
      rmSync(join(base, `out-real-${r}`), { recursive: true, force: true });
      theirs.push(await runParallel(files.map((f) => ['pdftotext', '-layout', f, '/dev/null']), CONCURRENCY));
    }
    const ratios = ours.map((o, i) => +(o.wallMs / theirs[i]).toFixed(2));
    results.real = {
      files: REAL_N, pages: ours[0].summary.pages, oursS: +(median(ours.map((x) => x.wallMs)) / 1000).toFixed(1),
      pdftotextS: +(median(theirs) / 1000).toFixed(2), pairRatios: ratios, medianPairRatio: median(ratios),
      peakTreeRssMb: median(ours.map((x) => x.treePeakMb)),
    };
    console.log(`  real plans (${REAL_N} PDFs, ${results.real.pages} pages): ${results.real.oursS} s vs pdftotext -layout ${results.real.pdftotextS} s; ` +
      `per pair ${ratios.map((x) => `×${x}`).join(' ')}, median ×${results.real.medianPairRatio}; process tree ${results.real.peakTreeRssMb} MB`);
  }

  // Hostile files under a memory budget: the process tree's peak RSS must stay under it.
  if (section('hostile')) {
    const dir = join(base, 'hostile');
    buildHostile(dir);
    const out = join(base, 'out-hostile');
    const a = await runCli(dir, out, ['--max-memory-mb', String(HOSTILE_BUDGET), '--timeout-ms', '30000']);
    const db = join(out, 'plansift.sqlite');
    const store = await (await import(join(repo, 'dist/store/db.js'))).openStoreReadOnly(db);
    const reasons = (await store.all('SELECT path, COALESCE(failure_reason, status) AS r FROM documents ORDER BY path')).map((x) => `${x.path} ${x.r}`);
    await store.close();
    results.hostile = {
      files: readdirSync(dir).length, budgetMb: HOSTILE_BUDGET, exit: a.code, wallS: +(a.wallMs / 1000).toFixed(1),
      peakTreeRssMb: a.treePeakMb, underBudget: a.treePeakMb < HOSTILE_BUDGET, reasons,
    };
    console.log(`  hostile files (${results.hostile.files}): exit ${a.code} in ${results.hostile.wallS} s; process tree peak ${a.treePeakMb} MB ` +
      `(budget ${HOSTILE_BUDGET} MB: ${results.hostile.underBudget ? 'under' : 'OVER'}); ${reasons.join('; ')}`);
  }
  results.loadAverage.end = +loadavg()[0].toFixed(2);
  console.log(`  load average at end: ${results.loadAverage.end}`);
  console.log(JSON.stringify(results));
} finally {
  if (KEEP) console.log(`bench: kept ${base}`);
  else rmSync(base, { recursive: true, force: true });
}
