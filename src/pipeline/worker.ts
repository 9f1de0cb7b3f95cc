// Worker thread: extracts one file per message with processFile and posts the outcome back. The main thread
// owns the time limit, the memory limit (resourceLimits) and every write; this thread only reads.
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
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
  /** This thread's memory after the file (V8 heap in use + external buffers), so the pool can replace a worker that grows. */
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
 * PLANSIFT_FAULT="hang:<substring>,oom:<substring>,crash:<substring>" makes the worker misbehave on any file
 * whose relative path contains the substring. Never set it in production.
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

const { templatesDir } = workerData as WorkerInit;
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

// Files are worked on one at a time, in the order sent: the pool queues the next file here while this one runs,
// and a file's time limit starts when the one before it is answered.
let previous: Promise<void> = Promise.resolve();
parentPort!.on('message', (task: WorkerTask) => {
  previous = previous.then(async () => {
    const outcome = await handle(task);
    try {
      parentPort!.postMessage({ id: task.id, outcome, memoryMb: memoryMb() } satisfies WorkerReply);
    } catch (err) {
      // An outcome that cannot be sent (never expected: records are plain data) still answers its file.
      const message = `worker could not send the record: ${err instanceof Error ? err.message : String(err)}`;
      const source = { file: task.rel, sha256: null, format: null, pages: null };
      const failed = { record: failedRecord(source, 'crashed', message), failure: { reason: 'crashed', message }, messages: [] };
      parentPort!.postMessage({ id: task.id, outcome: failed, memoryMb: memoryMb() } satisfies WorkerReply);
    }
  });
});

parentPort!.postMessage('ready');
