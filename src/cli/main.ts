// plansift command line. Each subcommand lives with its stage and is loaded only when used.
// Exit statuses: 0 all files processed, 1 some files failed (each still has a record), 2 the run could not proceed,
// 130 interrupted (Ctrl-C; 143 for SIGTERM).
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';

/** "plansift 0.1.0 (extractor 0.12.0, record schema 2)": what produced a set of records, for bug reports. */
async function versionLine(): Promise<string> {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const { EXTRACTOR_VERSION } = await import('../pipeline/version.js');
  const { SCHEMA_VERSION } = await import('../record/schema.js');
  return `plansift ${pkg.version} (extractor ${EXTRACTOR_VERSION}, record schema ${SCHEMA_VERSION})`;
}

const HELP_AFTER = `
Examples:
  plansift run plans/ --out output                 extract every plan under plans/ (again: only what changed)
  plansift run plans/ --out output --include '*.pdf' --exclude 'drafts'
                                                   PDFs at any depth, skipping any folder named drafts
  plansift export --out output                     CSV files under output/exports/
  plansift report --out output                     HTML report: open output/report/index.html
  plansift eval --gold gold/ --corpus plans/       precision/recall/F1 against hand-checked records

Exit status:
  0    every file was processed (run), or the command succeeded
  1    run: some files failed; each still has a record with an EXTRACTION_FAILED flag saying why
  2    the command could not proceed (bad option, missing input, unusable --out or --templates, run lock held)
  130  interrupted by Ctrl-C (143 for SIGTERM); records written so far are kept, the next run finishes the rest

Environment:
  PLANSIFT_TIMING=1   print per-phase times of a run on stderr
  PLANSIFT_FAULT=hang:<text>|oom:<text>|crash:<text>
                      test only: make a worker hang, run out of memory or crash on files whose path contains <text>

Globs (--include, --exclude) are relative to INPUT; one without a slash matches that name at any depth, as in
.gitignore ('*.pdf' finds a/b/c.pdf). Records: docs/record.md; tables: docs/schema.md; CSV: docs/exports.md.`;

const program = new Command();
program
  .name('plansift')
  .description('Better Care Fund plan submissions (PDF, DOCX, TXT/MD) into normalised, validated records')
  .option('-V, --version', 'print the package, extractor and record schema versions')
  .addHelpText('after', HELP_AFTER)
  .exitOverride();

program
  .command('run')
  .description('extract every plan under INPUT into records, SQLite and JSON under --out')
  .argument('<input>', 'folder (or single file) of plan submissions')
  .requiredOption('--out <dir>', 'output folder (records/, plansift.sqlite)')
  .option('--include <glob...>', 'only files matching these globs (relative to INPUT)')
  .option('--exclude <glob...>', 'skip files matching these globs')
  .option('--force', 're-extract every file, even unchanged ones')
  .option('--retry-failed', 'extract every failing file again now (transient failures are retried by themselves)')
  .option('--allow-removals', 'go ahead even if no plans are found or most known documents would be marked removed')
  .option('--follow-external-links', 'follow file symlinks that point outside INPUT')
  .option('--timeout-ms <ms>', 'time limit per file', '60000')
  .option('--max-memory-mb <mb>', 'memory budget of the whole run, workers included (default: half the RAM, at most the free memory)')
  .option('--concurrency <n>', 'worker processes at most (default: one per core, as many as the memory budget holds)')
  .option('--templates <dir>', 'folder of template definitions (default: bundled templates/)')
  .option('--json', 'print a JSON summary as the last stdout line')
  .option('--quiet', 'only errors')
  .action(async (input: string, opts: Record<string, unknown>) => {
    const { runCommand } = await import('./run.js');
    process.exitCode = await runCommand(input, opts);
  });

program
  .command('eval')
  .description('score records against gold files (precision/recall/F1 per field, per format)')
  .requiredOption('--gold <dir>', 'folder of gold *.json records')
  .option('--records <dir>', 'folder of records to score (as written by run: DIR/records)')
  .option('--corpus <dir>', 'extract this folder in-process and score the result (instead of --records)')
  .option('--json', 'print the scores as JSON')
  .action(async (opts: Record<string, unknown>) => {
    const { evalCommand } = await import('../eval/command.js');
    process.exitCode = await evalCommand(opts);
  });

program
  .command('export')
  .description('write one CSV per table under --out/exports from the SQLite database')
  .requiredOption('--out <dir>', 'output folder of a run (holds plansift.sqlite)')
  .option('--db <file>', 'database file (default: OUT/plansift.sqlite)')
  .option('--format <format>', 'export format', 'csv')
  .action(async (opts: Record<string, unknown>) => {
    const { exportCommand } = await import('../export/command.js');
    process.exitCode = await exportCommand(opts);
  });

program
  .command('report')
  .description('write a static HTML assurance report under --out/report from the SQLite database')
  .requiredOption('--out <dir>', 'output folder of a run (holds plansift.sqlite)')
  .option('--db <file>', 'database file (default: OUT/plansift.sqlite)')
  .action(async (opts: Record<string, unknown>) => {
    const { reportCommand } = await import('../report/command.js');
    process.exitCode = await reportCommand(opts);
  });

try {
  if (process.argv[2] === '--version' || process.argv[2] === '-V') {
    console.log(await versionLine());
  } else {
    await program.parseAsync(process.argv);
  }
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else {
    console.error(`plansift: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  }
}
