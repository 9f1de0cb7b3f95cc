// Worker process: extracts one file per message with processFile and sends the outcome back. It is a child
// process (child_process.fork), not a thread, so a fatal heap exhaustion or a native crash kills only it; the
// parent owns the time limit, the memory limit (it watches this process's RSS) and every write.
import { getHeapStatistics } from 'node:v8';
import { loadTemplates } from '../segment/index.js';
import { failedRecord } from './analyse.js';
import { processFile, type ProcessOutcome } from './processFile.js';

export interface WorkerTask {
  id: number;
  root: string;
  rel: string;
}

export interface WorkerReply {
  id: number;
  outcome: ProcessOutcome;
  /** This process's memory after the file (V8 heap in use + external buffers), so the pool can replace a worker that grows. */
  memoryMb: number;
}

function memoryMb(): number {
  const h = getHeapStatistics();
  return Math.round((h.used_heap_size + h.external_memory) / 1048576);
}

export interface WorkerInit {
  templatesDir: string | undefined;
}

/**
 * TEST-ONLY fault injection, so hangs, out-of-memory and crashes can be tested deterministically:
 * PLANSIFT_FAULT="hang:<substring>,oom:<substring>,rss:<substring>,crash:<substring>,abort:<substring>" makes the
 * worker misbehave on any file whose relative path contains the substring (oom: fills the V8 heap; rss: fills
 * memory outside the heap, as pdf.js's buffers do; abort: dies by a signal). Never set it in production.
 */
function injectFault(rel: string): Promise<never> | null {
  const spec = process.env.PLANSIFT_FAULT;
  if (!spec) return null;
  for (const part of spec.split(',')) {
    const i = part.indexOf(':');
    const kind = part.slice(0, i);
    const needle = part.slice(i + 1);
    if (i < 0 || !needle || !rel.includes(needle)) continue;
    if (kind === 'hang') for (;;); // a synchronous loop, like a parser stuck in a malformed stream
    if (kind === 'oom') {
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
    }
    if (kind === 'rss') {
      const hoard: Buffer[] = [];
      for (;;) hoard.push(Buffer.alloc(8 * 1048576, hoard.length));
    }
    if (kind === 'abort') process.abort();
    if (kind === 'crash') {
      // Thrown outside any promise chain: an uncaught exception that kills the worker before it replies.
      return new Promise<never>(() => {
        setImmediate(() => {
          throw new Error(`injected crash on ${rel}`);
        });
      });
    }
  }
  return null;
}

const { templatesDir } = JSON.parse(process.env.PLANSIFT_WORKER_INIT ?? '{}') as WorkerInit;
const templates = loadTemplates(templatesDir);

async function handle(task: WorkerTask): Promise<ProcessOutcome> {
  const fault = injectFault(task.rel);
  if (fault) return fault;
  try {
    return await processFile(task.root, task.rel, templates);
  } catch (err) {
    // processFile only throws when the file cannot be read at all (vanished, permission denied).
    const message = err instanceof Error ? err.message : String(err);
    const source = { file: task.rel, sha256: null, format: null, pages: null };
    return { record: failedRecord(source, 'unreadable', message), failure: { reason: 'unreadable', message }, messages: [] };
  }
}

// An uncaught error is reported on stderr (the parent keeps its tail for the failure message), then the process
// exits: the parent gives the file a `crashed` record.
process.on('uncaughtException', (err) => {
  process.stderr.write(`worker crashed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(70);
});
// The parent went away (killed, or finished): nothing can be reported any more.
process.on('disconnect', () => process.exit(0));

// Files are worked on one at a time, in the order sent: the pool queues the next file here while this one runs,
// and a file's time limit starts when the one before it is answered.
let previous: Promise<void> = Promise.resolve();
process.on('message', (task: WorkerTask) => {
  previous = previous.then(async () => {
    const outcome = await handle(task);
    try {
      process.send!({ id: task.id, outcome, memoryMb: memoryMb() } satisfies WorkerReply);
    } catch (err) {
      // An outcome that cannot be sent (never expected: records are plain data) still answers its file.
      const message = `worker could not send the record: ${err instanceof Error ? err.message : String(err)}`;
      const source = { file: task.rel, sha256: null, format: null, pages: null };
      const failed = { record: failedRecord(source, 'crashed', message), failure: { reason: 'crashed', message }, messages: [] };
      process.send!({ id: task.id, outcome: failed, memoryMb: memoryMb() } satisfies WorkerReply);
    }
  });
});

process.send!('ready');
