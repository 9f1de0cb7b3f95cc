#!/usr/bin/env node
// Benchmark of `plansift run` (uses dist/: run `npm run build` first; `npm run bench` does).
//
//   node scripts/bench.mjs [--n 1000] [--runs 3] [--reruns 1] [--pdf-runs 5] [--concurrency <cores>] [--rss-n 250] [--no-pdf] [--keep]
//
// Builds a synthetic corpus of N plans in a temp folder: varied copies of fixtures/sample in every format (each
// copy's bytes differ, so nothing is deduplicated away) plus ~1% broken files from fixtures/broken. Reports medians
// over --runs runs of: a full run (files/s, pages/s), an unchanged re-run, and peak RSS of the run process (worker
// threads live in the same process, so its maxRSS covers them); peak RSS again at --rss-n files to show whether it
// grows with corpus size; and, where `pdftotext` is installed, our PDF time against `pdftotext -layout` over the same
// PDFs with the same parallelism.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Run the CLI; returns wall ms and its --json summary. */
function runCli(input, out, extra = []) {
  return new Promise((ok, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, 'run', input, '--out', out, '--json', '--quiet', '--concurrency', String(CONCURRENCY), ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0 && code !== 1) return fail(new Error(`plansift exited ${code}: ${stderr.slice(-2000)}`));
      const summary = JSON.parse(stdout.trim().split('\n').pop());
      ok({ wallMs, summary });
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
        `${a.summary.pages} pages, peak RSS ${a.summary.peakRssMb} MB); unchanged re-run ${(b.wallMs / 1000).toFixed(2)} s ` +
        `(in-run ${b.summary.durationMs} ms, ${b.summary.skipped} skipped)`,
    );
    rmSync(out, { recursive: true, force: true });
  }
  const fullMs = median(full.map((x) => x.wallMs));
  const pages = full[0].summary.pages;
  const results = {
    files: N,
    concurrency: CONCURRENCY,
    fullRunS: +(fullMs / 1000).toFixed(1),
    filesPerS: +(N / (fullMs / 1000)).toFixed(2),
    pagesPerS: +(pages / (fullMs / 1000)).toFixed(2),
    pagesInCorpus: pages,
    unchangedRerunS: +(median(rerun.map((x) => x.wallMs)) / 1000).toFixed(2),
    unchangedRerunInRunMs: median(rerun.map((x) => x.summary.durationMs)),
    peakRssMb: median(full.map((x) => x.summary.peakRssMb)),
    loadAverage: { start: loadAtStart, end: 0 },
  };

  // Peak RSS on a smaller corpus: it should not grow with the number of files.
  if (RSS_N > 0 && RSS_N < N) {
    const small = join(base, 'corpus-small');
    buildCorpus(small, RSS_N);
    const a = await runCli(small, join(base, 'out-small'));
    results.peakRssMbSmall = { files: RSS_N, peakRssMb: a.summary.peakRssMb };
    console.log(`  peak RSS at ${RSS_N} files: ${a.summary.peakRssMb} MB`);
  }

  // PDF time against pdftotext -layout, same PDFs, same parallelism.
  let havePdftotext = !NO_PDF;
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
  } else if (!NO_PDF) {
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
  results.loadAverage.end = +loadavg()[0].toFixed(2);
  console.log(`  load average at end: ${results.loadAverage.end}`);
  console.log(JSON.stringify(results));
} finally {
  if (KEEP) console.log(`bench: kept ${base}`);
  else rmSync(base, { recursive: true, force: true });
}
