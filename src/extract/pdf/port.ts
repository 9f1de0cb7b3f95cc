// An in-thread message port for pdf.js that passes messages by reference.
//
// In Node pdf.js has no Web Worker, so it runs its "worker" half in the same thread behind a LoopbackPort
// that structuredClones every message: the operator list of each page, every font file. That copy was
// ~12% of a plansift worker's CPU. We already run pdf.js in a worker thread of our own (for time and memory
// limits), so its own worker boundary buys nothing; this port delivers the same messages without copying.
//
// What pdf.js changes after sending is in its stream chunks (see `detach`): those are copied one level
// deep before delivery. Anything else is sent once and not touched again by the sender.
//
// The worker half is pdf.js's modern build, not the legacy one: the legacy build is the modern code put
// through Babel and core-js, and its parser ran ~15% slower (e.g. transpiled destructuring in the operator
// list's hot paths). The modern build needs a few APIs Node 20 lacks (Promise.withResolvers, iterator and
// Set helpers, Uint8Array base64): the legacy main build, imported first below, installs exactly those
// polyfills (its core-js set covers the legacy worker's), so the two halves run on the same footing.
// Both halves are the same pdf.js version (one package), so their message protocol matches.
import { PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { WorkerMessageHandler } from 'pdfjs-dist/build/pdf.worker.mjs';

type Listener = (event: { data: unknown }) => void;

/**
 * Copy what the sender changes after sending: a stream chunk's own properties (the text-content stream
 * reassigns `items` and `styles` on the object it sent) and an operator-list chunk's two arrays, which
 * OperatorList.flush empties. One level deep is enough: the values inside are not reused.
 */
function detach(message: unknown): unknown {
  const chunk = (message as { chunk?: unknown } | null)?.chunk;
  if (typeof chunk !== 'object' || chunk === null || Array.isArray(chunk) || ArrayBuffer.isView(chunk)) return message;
  const copy: Record<string, unknown> = { ...(chunk as Record<string, unknown>) };
  for (const key of ['fnArray', 'argsArray']) {
    if (Array.isArray(copy[key])) copy[key] = (copy[key] as unknown[]).slice();
  }
  return { ...(message as object), chunk: copy };
}

/** Both ends of the channel: pdf.js's main and worker message handlers listen on the same object. */
class DirectPort {
  private readonly listeners = new Set<Listener>();
  // Deliver after the sender's current job, in order, as LoopbackPort does: pdf.js relies on it being async.
  private readonly deferred = Promise.resolve();

  postMessage(message: unknown): void {
    const event = { data: detach(message) };
    void this.deferred.then(() => {
      for (const listener of [...this.listeners]) listener.call(this, event);
    });
  }

  addEventListener(_type: string, listener: Listener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.listeners.delete(listener);
  }

  terminate(): void {
    this.listeners.clear();
  }
}

/** A pdf.js worker for one document, served in this thread over a DirectPort. Destroy it after the document. */
export interface InThreadWorker {
  worker: PDFWorker;
  destroy(): void;
}

/** `verbosity` is pdf.js's (0 = errors only): the worker is configured before getDocument sees its own. */
export function createInThreadWorker(verbosity: number): InThreadWorker {
  if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
    // Only if the import order above were changed: fail with a reason rather than deep inside pdf.js.
    throw new Error('pdf.js polyfills missing: the legacy pdf.mjs must be imported before the worker build');
  }
  const port = new DirectPort();
  WorkerMessageHandler.initializeFromPort(port);
  const worker = new PDFWorker({ verbosity, port: port as unknown as ConstructorParameters<typeof PDFWorker>[0] extends { port?: infer P } ? P : never });
  return {
    worker,
    destroy() {
      worker.destroy();
      port.terminate();
    },
  };
}
