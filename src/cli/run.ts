// `plansift run INPUT --out DIR`: argument checks, the output lock, logging / progress, and the exit status.
// Exit statuses: 0 every discovered file has a good record, 1 some file is failing (failed in this run or is still
// failing from an earlier one; each has a record), 2 the run could not proceed (or refused to: see the removal
// guard). So cron sees the state every night, not only the night a file first failed; the summary says how many
// failures are new. Logs go to stderr; stdout holds the summary (with --json, its last line is the JSON summary).
import { availableParallelism, freemem, totalmem } from 'node:os';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { acquireLock, LockHeldError } from '../store/files.js';
import { DiskFullError, RunRefusedError, runPipeline, type RunEvent, type RunOptions, type RunSummary } from '../pipeline/run.js';
import { planWorkers, PoolBrokenError } from '../pipeline/pool.js';
import { makeOutDir } from './outDir.js';

class UsageError extends Error {}

function positiveInt(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number, got "${String(value)}"`);
  return n;
}

function globs(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).map(String);
}

/**
 * A file name as it may be printed: control characters (newline, carriage return, escape sequences) shown as
 * escapes, so a name cannot forge a log line or drive the terminal.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The default memory budget: half the machine's RAM, and no more than three quarters of what is free now. */
export function defaultBudgetMb(total = totalmem(), free = freemem()): number {
  return Math.max(1024, Math.floor(Math.min(total / 2, free * 0.75) / 1048576));
}

/** Where run output goes: a progress bar on a terminal, plain lines otherwise; --quiet keeps only errors. */
class RunLogger {
  private bar: cliProgress.MultiBar | null = null;
  private single: cliProgress.SingleBar | null = null;
  private total = 0;
  private done = 0;
  private failed = 0;
  private readonly startedAt = Date.now();

  constructor(private readonly quiet: boolean, private readonly tty: boolean) {}

  /** A line for the operator. Errors are always shown; while the bar is up they are printed above it. */
  line(text: string, level: 'info' | 'error' = 'info'): void {
    if (this.quiet && level !== 'error') return;
    const safe = escapeControls(text);
    if (this.bar) this.bar.log(`${safe}\n`);
    else process.stderr.write(`${safe}\n`);
  }

  onEvent = (e: RunEvent): void => {
    switch (e.kind) {
      case 'discovered':
        this.line(`found ${e.files} plan file(s)${e.skipped.length ? `, ignoring ${e.skipped.length}` : ''}`);
        for (const s of e.skipped) this.line(`skip ${s.rel}: ${s.why}`);
        break;
      case 'planned':
        this.total = e.toExtract;
        this.line(`${e.unchanged} unchanged, ${e.toExtract} to extract` +
          (e.toExtract ? ` (${e.workers} worker(s), ${e.workerMemoryMb} MB each)` : ''));
        if (this.tty && !this.quiet && e.toExtract > 0) {
          this.bar = new cliProgress.MultiBar(
            {
              format: 'extracting [{bar}] {value}/{total} | failed {failed} | {eta_formatted} left',
              stream: process.stderr,
              hideCursor: true,
              clearOnComplete: true,
              etaBuffer: 50,
            },
            cliProgress.Presets.shades_classic,
          );
          this.single = this.bar.create(e.toExtract, 0, { failed: 0 });
        }
        break;
      case 'file': {
        this.done++;
        if (e.failure) {
          this.failed++;
          this.line(`FAILED ${e.rel}: ${e.failure.reason}: ${e.failure.message}${e.retry ? ' (retried)' : ''}`, 'error');
        } else if (!this.bar) {
          this.line(`[${this.done}/${this.total}] ok ${e.rel}${e.pages ? ` (${e.pages} pages)` : ''}${e.via === 'copied' ? ' (same content as another file)' : ''}${this.eta()}`);
        }
        for (const w of e.warnings ?? []) this.line(`warning ${e.rel}: ${w.replace(/^warning: /, '')}`);
        this.single?.update(this.done, { failed: this.failed });
        break;
      }
      case 'failing':
        this.line(`still failing ${e.rel}: ${e.reason}${e.persistent ? ' (persistent: fix or replace the file, or --retry-failed)' : ' (retried next run)'}`, 'error');
        break;
      case 'relinked':
        this.line(`moved ${e.from} -> ${e.to} (same content, record relinked)`);
        break;
      case 'removed':
        this.line(`removed ${e.rel}: file no longer in the input (record kept, marked removed)`);
        break;
      case 'note':
        this.line(e.message);
        break;
    }
  };

  /** Plain-line mode shows the ETA every 20 files, so a cron log still says how long is left. */
  private eta(): string {
    if (this.done % 20 !== 0 || this.done >= this.total) return '';
    const perFile = (Date.now() - this.startedAt) / this.done;
    return ` - about ${Math.round((perFile * (this.total - this.done)) / 1000)} s left`;
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
    this.single = null;
  }
}

export async function runCommand(input: string, opts: Record<string, unknown>): Promise<number> {
  const quiet = opts.quiet === true;
  const logger = new RunLogger(quiet, process.stderr.isTTY === true);
  let release: (() => Promise<void>) | null = null;
  try {
    const runOpts: RunOptions = {
      input: resolve(input),
      outDir: resolve(String(opts.out)),
      include: globs(opts.include),
      exclude: globs(opts.exclude),
      force: opts.force === true,
      retryFailed: opts.retryFailed === true,
      allowRemovals: opts.allowRemovals === true,
      followExternalLinks: opts.followExternalLinks === true,
      timeoutMs: positiveInt(opts.timeoutMs, '--timeout-ms', 60_000),
      maxMemoryMb: positiveInt(opts.maxMemoryMb, '--max-memory-mb', defaultBudgetMb()),
      concurrency: positiveInt(opts.concurrency, '--concurrency', availableParallelism()),
      templatesDir: opts.templates === undefined ? undefined : resolve(String(opts.templates)),
    };
    try {
      planWorkers(runOpts.maxMemoryMb, runOpts.concurrency);
    } catch (err) {
      throw new UsageError(`--max-memory-mb: ${(err as Error).message}`);
    }
    try {
      await stat(runOpts.input);
    } catch {
      throw new UsageError(`input ${runOpts.input} does not exist`);
    }
    if (runOpts.templatesDir) {
      // Load once here so a bad template folder stops the run before any file is touched, in one line.
      const { loadTemplates } = await import('../segment/index.js');
      let count: number;
      try {
        count = loadTemplates(runOpts.templatesDir).length;
      } catch (err) {
        const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (err as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'not a folder' : (err as Error).message;
        throw new UsageError(`--templates ${runOpts.templatesDir}: ${why.replace(/\s*\n\s*/g, ' ')}`);
      }
      if (count === 0) throw new UsageError(`--templates ${runOpts.templatesDir}: no template (*.json) in that folder`);
    }
    try {
      await makeOutDir(runOpts.outDir);
    } catch (err) {
      throw new UsageError(`cannot create output folder ${runOpts.outDir}: ${(err as Error).message}`);
    }
    release = await acquireLock(runOpts.outDir, (held) =>
      logger.line(`taking over a stale lock left by process ${held.pid} (started ${held.startedAt}), which is no longer running`),
    );
    const releaseNow = release;
    const onSignal = (signal: NodeJS.Signals) => {
      logger.stop();
      process.stderr.write(`plansift: interrupted by ${signal}; records written so far are kept, the next run finishes the rest\n`);
      void releaseNow().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);

    const summary = await runPipeline(runOpts, (e) => {
      // A glob typo would otherwise look like an empty share: say so, even with --quiet.
      if (e.kind === 'discovered' && e.files === 0 && (runOpts.include?.length || runOpts.exclude?.length)) {
        logger.line(`plansift: no plan file under ${runOpts.input} matches ${[
          ...(runOpts.include?.length ? [`--include ${runOpts.include.join(' ')}`] : []),
          ...(runOpts.exclude?.length ? [`--exclude ${runOpts.exclude.join(' ')}`] : []),
        ].join(' and ')} (globs are relative to INPUT; one without a slash matches that name at any depth)`, 'error');
      }
      logger.onEvent(e);
    });
    logger.stop();
    printSummary(summary, opts.json === true, quiet);
    return summary.failing > 0 || summary.failed > 0 ? 1 : 0;
  } catch (err) {
    logger.stop();
    const message = err instanceof Error ? err.message : String(err);
    const known = err instanceof UsageError || err instanceof LockHeldError || err instanceof PoolBrokenError ||
      err instanceof RunRefusedError || err instanceof DiskFullError;
    const code = (err as NodeJS.ErrnoException).code;
    const io = code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC' || code === 'EPERM' || code === 'SQLITE_CANTOPEN';
    process.stderr.write(`plansift: run could not proceed: ${escapeControls(message)}\n`);
    if (!known && !io && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return 2;
  } finally {
    if (release) await release();
  }
}

function printSummary(s: RunSummary, json: boolean, quiet: boolean): void {
  // The main process's own peak, or the sampled peak of main + workers together if higher.
  const peakRssMb = Math.max(Math.round(process.resourceUsage().maxRSS / 1024), s.treePeakRssMb);
  if (json) {
    const { processed, skipped, failed, removed, durationMs, relinked, duplicates, pages, ignored, failing, newFailures, persistent, retried } = s;
    process.stdout.write(
      `${JSON.stringify({ processed, skipped, failed, removed, durationMs, relinked, duplicates, pages, ignored, failing, newFailures, persistent, retried, peakRssMb, runId: s.runId })}\n`,
    );
  } else if (!quiet || s.failing > 0) {
    process.stdout.write(
      `plansift run: ${s.processed} processed (${s.failed} failed), ${s.skipped} unchanged, ${s.relinked} moved, ` +
        `${s.removed} removed, ${s.ignored} ignored in ${(s.durationMs / 1000).toFixed(1)} s` +
        `${s.failing ? `; ${s.failing} failing (${s.newFailures} new${s.persistent ? `, ${s.persistent} persistent` : ''})` : ''}\n`,
    );
  }
}
