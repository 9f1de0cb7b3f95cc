// DOCX extractor: mammoth turns the Word document into semantic HTML (heading styles -> h1..h6, lists,
// tables with colspan/rowspan, bold runs -> <strong>); the shared HTML walker turns that into blocks.
import mammoth from 'mammoth';
import { buildDocument, ExtractionError, type DocumentModel, type Finding, type RawBlock, type TableRow } from '../../model/document.js';
import { htmlToBlocks } from '../text/html.js';
import { isEncryptedOoxml, isOleCompoundFile } from './encrypted.js';
import { cleanLiteralMarkup } from './literal.js';

/** Style names mammoth's defaults miss. Custom "… Heading N" names are normalised in `normaliseHeadingStyles`. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Heading 7'] => h6:fresh",
  "p[style-name='Heading 8'] => h6:fresh",
  "p[style-name='Heading 9'] => h6:fresh",
];

/** "Heading1", "BCF Heading 2", "Heading 1 Numbered": a heading style by another name. */
const CUSTOM_HEADING_STYLE = /(?:^|\s)heading\s*([1-9])(?:\b|$)/i;

interface MammothElement {
  type?: string;
  styleName?: string | null;
  children?: MammothElement[];
}

/** Rename custom heading styles to "Heading N" so the default style map makes them h1..h6. */
function normaliseHeadingStyles(element: MammothElement): MammothElement {
  if (element.type === 'paragraph' && element.styleName && !/^toc\b/i.test(element.styleName)) {
    const m = CUSTOM_HEADING_STYLE.exec(element.styleName);
    if (m && !/^heading [1-9]$/i.test(element.styleName)) element.styleName = `Heading ${Math.min(6, Number(m[1]))}`;
  }
  if (element.children) element.children.forEach(normaliseHeadingStyles);
  return element;
}

/** mammoth's messages as findings; repeated ones (one per paragraph) counted once. */
function messagesToFindings(messages: { type: string; message: string }[]): Finding[] {
  const counts = new Map<string, { type: string; n: number }>();
  for (const m of messages) {
    const seen = counts.get(m.message);
    if (seen) seen.n++;
    else counts.set(m.message, { type: m.type, n: 1 });
  }
  return [...counts].map(([message, { type, n }]) => ({
    // An unrecognised style name only means the paragraph is read as plain text.
    level: type === 'error' ? 'error' : /^Unrecognised (paragraph|run|table) style/.test(message) ? 'info' : 'warning',
    message: `docx: ${message}${n > 1 ? ` (${n} times)` : ''}`,
    page: null,
  }));
}

/** Columns a row covers, counting spans. */
function rowWidth(row: TableRow): number {
  return row.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0);
}

/**
 * Join a table to the one right before it when only empty paragraphs separated them and they have
 * about the same number of columns: a table split by a stray paragraph mark (or at a page break, with
 * its header repeated) is still one table. Same rule as a blank line between tab rows in text.
 */
export function mergeAdjacentTables(blocks: RawBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (block.kind === 'table' && prev?.kind === 'table' && prev.rows.length > 0 && block.rows.length > 0) {
      const a = Math.max(...prev.rows.map(rowWidth));
      const b = Math.max(...block.rows.map(rowWidth));
      if (a === b || (Math.max(a, b) >= 3 && Math.abs(a - b) <= 1)) {
        out[out.length - 1] = { ...prev, rows: [...prev.rows, ...block.rows] };
        continue;
      }
    }
    out.push(block);
  }
  return out;
}

/** Extract the document model from .docx bytes. Throws ExtractionError when the file is not a readable .docx. */
export async function extractDocx(bytes: Uint8Array): Promise<DocumentModel> {
  if (isEncryptedOoxml(bytes)) {
    throw new ExtractionError('Word document is password-protected (encrypted): save an unprotected copy', 'encrypted');
  }
  if (isOleCompoundFile(bytes)) {
    throw new ExtractionError('file is a legacy Word .doc (OLE), not a .docx: save it as .docx', 'unsupported');
  }
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        transformDocument: normaliseHeadingStyles,
        // Images carry no text we use: do not read or inline them.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
      },
    );
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ExtractionError(`not a readable Word .docx (corrupt or truncated): ${reason}`, 'corrupt');
  }
  const messages = messagesToFindings(result.messages);
  const blocks = mergeAdjacentTables(htmlToBlocks(result.value, { kind: 'paragraph' }, { cleanText: cleanLiteralMarkup }));
  if (blocks.length === 0) messages.push({ level: 'warning', message: 'docx: the document contains no text', page: null });
  return buildDocument('docx', null, blocks, messages);
}
