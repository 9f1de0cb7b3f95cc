// PDF -> DocumentModel with pdf.js: positioned text runs (with real font names for bold) and ruling lines
// from the operator list per page; the layout code (layout.ts) turns them into blocks.
// Must come before pdf.js: see enginePush.ts.
import { restoreEnginePush } from './enginePush.js';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildDocument, ExtractionError, type DocumentModel, type Finding } from '../../model/document.js';
import { rulingLines, type OpCodes } from './geometry.js';
import { layoutDocument } from './layout.js';
import { textRuns, type FontInfo, type TextOpCodes } from './opText.js';
import { createInThreadWorker } from './port.js';
import type { PageContent } from './types.js';

const OPS = pdfjs.OPS as unknown as OpCodes & TextOpCodes;
/** Fewer visible characters than this on a page means the page has no real text layer. */
const MIN_PAGE_CHARS = 20;
restoreEnginePush();

/** Extract the document model from PDF bytes. Throws ExtractionError for a PDF that cannot be read. */
export async function extractPdf(bytes: Uint8Array): Promise<DocumentModel> {
  const messages: Finding[] = [];
  const hasEof = endsWithEof(bytes);
  const pdfWorker = createInThreadWorker(0);
  // pdf.js may take over (detach) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    worker: pdfWorker.worker,
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let doc: PDFDocumentProxy | null = null;
  try {
    try {
      doc = await task.promise;
    } catch (err) {
      throw loadError(err, hasEof);
    } finally {
      restoreEnginePush(); // the worker module, loaded with the first document, installs the polyfill again
    }
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        pages.push(await readPage(doc, n));
      } catch (err) {
        if (!hasEof) throw new ExtractionError(`truncated PDF: page ${n} cannot be read (${errorText(err)})`, 'truncated');
        messages.push({ level: 'error', message: `page ${n} could not be read: ${errorText(err)}`, page: n });
      }
    }
    if (pages.length === 0) throw new ExtractionError('corrupt PDF: no page could be read', 'corrupt');
    // A scanned page may still carry a stamped page number or reference: a page needs a few words of text.
    const textChars = (p: PageContent) => p.runs.reduce((n, r) => n + r.text.replace(/\s+/g, '').length, 0);
    const textPages = pages.filter((p) => textChars(p) >= MIN_PAGE_CHARS);
    if (textPages.length === 0) throw new ExtractionError('no text layer: scanned, needs OCR', 'no_text_layer');
    for (const p of pages) {
      if (textChars(p) === 0) {
        messages.push({ level: 'warning', message: `page ${p.page} has no text layer (scanned or image only)`, page: p.page });
      }
    }
    if (!hasEof) messages.push({ level: 'warning', message: 'PDF has no %%EOF marker: the file may be truncated', page: null });
    const layout = layoutDocument(pages);
    return buildDocument('pdf', doc.numPages, layout.blocks, [...messages, ...layout.messages]);
  } finally {
    // pdf.js keeps every document alive until it is destroyed.
    if (doc) await doc.destroy();
    else await task.destroy();
    pdfWorker.destroy();
  }
}

function endsWithEof(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function loadError(err: unknown, hasEof: boolean): ExtractionError {
  const name = (err as { name?: string } | null)?.name ?? '';
  const msg = errorText(err);
  if (name === 'PasswordException' || /password/i.test(msg)) return new ExtractionError('password-protected PDF', 'encrypted');
  if (!hasEof) return new ExtractionError(`truncated PDF: ${msg}`, 'truncated');
  if (name === 'InvalidPDFException') return new ExtractionError(`corrupt PDF: ${msg}`, 'corrupt');
  return new ExtractionError(`corrupt PDF: ${msg}`, 'corrupt');
}

/** The font pdf.js loaded for a setFont name (known once the page's operator list is built). */
function loadedFont(page: PDFPageProxy, id: string): FontInfo | null {
  try {
    return page.commonObjs.has(id) ? ((page.commonObjs.get(id) as FontInfo | null) ?? null) : null;
  } catch {
    return null;
  }
}

async function readPage(doc: PDFDocumentProxy, n: number): Promise<PageContent> {
  const page: PDFPageProxy = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    // One operator list gives both the ruling lines and the text (see opText.ts for why not getTextContent).
    const opList = await page.getOperatorList();
    const { hsegs, vsegs } = rulingLines(opList.fnArray, opList.argsArray, OPS, viewport.transform);
    const frame = { transform: viewport.transform, width: viewport.width, height: viewport.height };
    const runs = textRuns(opList.fnArray, opList.argsArray, OPS, frame, (id) => loadedFont(page, id), pdfjs.normalizeUnicode);
    return { page: n, width: viewport.width, height: viewport.height, runs, hsegs, vsegs };
  } finally {
    page.cleanup();
  }
}
