// Entry of the extract stage: sniff what the bytes really are (not what the extension says) and hand
// them to the format's extractor. Every extractor returns the same DocumentModel.
import { extname } from 'node:path';
import { ExtractionError, type DocumentModel } from '../model/document.js';
import { formatOfName, isTextFormat, type SourceFormat } from '../text/formats.js';
import { isEncryptedOoxml } from './docx/encrypted.js';

export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/**
 * Text is refused above this: a plan as text is well under 1 MB, and the text extractor holds the string, its
 * lines and their blocks at once (a 90 MB text file took a worker past 1.5 GB of heap).
 */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

/** The text encoding a byte-order mark (or, without one, the NUL pattern of UTF-16 text) says, else null. */
export function textEncodingOf(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // No BOM: UTF-16 of Latin text has a NUL in every other byte and none in the others.
  const n = Math.min(head.length, 2048) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.9 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.9 && oddNul === 0) return 'utf-16be';
  return null;
}

/** Text bytes as a string: UTF-8 unless a BOM or the NUL pattern says UTF-16; the BOM itself is dropped. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder(textEncodingOf(bytes) ?? 'utf-8').decode(bytes);
}

export type SniffedType = SourceFormat | 'doc' | 'xls' | 'zip' | 'binary' | 'empty';

/** What the bytes are, from their magic numbers; the extension only separates txt/md/html text. */
export function sniffType(bytes: Uint8Array, fileName: string): SniffedType {
  if (bytes.length === 0) return 'empty';
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 2048)));
  if (head.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b) {
    // A zip: a .docx has word/document.xml; look for the name in the central directory / local headers.
    const all = Buffer.from(bytes);
    const workbookPart = all.includes('xl/workbook.xml') || all.includes('xl/worksheets/') || all.includes('xl/styles.xml');
    if (workbookPart && !all.includes('word/document.xml')) return 'xlsx';
    return all.includes('word/') ? 'docx' : 'zip';
  }
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    // OLE compound file: a legacy Excel file holds a "Workbook" (BIFF8) or "Book" (BIFF5) stream, Word a
    // "WordDocument" one; the directory names are UTF-16LE. Without either, the extension decides.
    const all = Buffer.from(bytes);
    if (all.includes(Buffer.from('WordDocument', 'utf16le'))) return 'doc';
    if (all.includes(Buffer.from('Workbook', 'utf16le')) || all.includes(Buffer.from('Book\0', 'utf16le'))) return 'xls';
    return extname(fileName).toLowerCase() === '.xls' ? 'xls' : 'doc';
  }
  const encoding = textEncodingOf(head);
  // UTF-16 text (Notepad's "Unicode") is checked on its decoded characters; UTF-8 and 8-bit text on its bytes.
  const chars = encoding?.startsWith('utf-16')
    ? Array.from(new TextDecoder(encoding).decode(head.subarray(0, head.length & ~1)), (c) => c.charCodeAt(0))
    : head;
  // Text: no NULs and mostly printable in the first 2 KB.
  let control = 0;
  for (const b of chars) {
    if (b === 0) return 'binary';
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > chars.length * 0.05) return 'binary';
  const named = formatOfName(fileName);
  return named === 'md' || named === 'html' ? named : 'txt';
}

/** Extract the document model from a file's bytes. Throws ExtractionError for a file that cannot be read. */
export async function extractDocument(bytes: Uint8Array, fileName: string): Promise<DocumentModel> {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new ExtractionError(`file is ${bytes.length} bytes, over the ${MAX_FILE_BYTES}-byte limit`, 'too_large');
  }
  const type = sniffType(bytes, fileName);
  if (isTextFormat(type) && bytes.length > MAX_TEXT_BYTES) throw textTooLarge(bytes.length);
  const ext = extname(fileName).toLowerCase().replace('.', '');
  let doc: DocumentModel;
  switch (type) {
    case 'empty':
      throw new ExtractionError('file is empty (0 bytes)', 'empty');
    case 'doc':
    case 'xls':
      // An encrypted .docx or .xlsx is wrapped in the same OLE container as a legacy .doc/.xls.
      if (isEncryptedOoxml(bytes)) {
        const what = /^xls[xmb]?$/.test(ext) ? 'workbook' : 'document';
        throw new ExtractionError(`${what} is password-protected (encrypted): save an unprotected copy`, 'encrypted');
      }
      if (type === 'xls') {
        throw new ExtractionError('legacy Excel .xls (BIFF) format is not supported: save it as .xlsx', 'unsupported');
      }
      throw new ExtractionError('legacy Word .doc format is not supported: save it as .docx', 'unsupported');
    case 'zip':
      throw new ExtractionError('file is a zip archive but not a Word .docx document nor an Excel .xlsx workbook', 'wrong_type');
    case 'binary':
      throw new ExtractionError('file is binary and not a PDF or Word document', 'wrong_type');
    case 'pdf':
      // Each format's libraries load only when a file of that format comes (pdf.js and mammoth cost ~100 ms each).
      doc = await (await import('./pdf/index.js')).extractPdf(bytes);
      break;
    case 'docx':
      doc = await (await import('./docx/index.js')).extractDocx(bytes);
      break;
    case 'xlsx':
      doc = await (await import('./xlsx/index.js')).extractXlsx(bytes);
      break;
    default:
      doc = (await import('./text/index.js')).extractText(decodeText(bytes), type);
  }
  // A mislabel: the content is not what the extension says (any text counts as text: .md, .html and .txt alike).
  const named = formatOfName(fileName);
  const content = isTextFormat(type) ? 'txt' : type;
  if (ext && (isTextFormat(named) ? 'txt' : named) !== content) {
    doc.messages.unshift({ level: 'warning', message: `file extension .${ext} but content is ${content}`, page: null });
  }
  return doc;
}

export function textTooLarge(size: number): ExtractionError {
  return new ExtractionError(
    `text file is ${size} bytes, over the ${MAX_TEXT_BYTES}-byte limit for text (a plan as text is well under 1 MB); not read`,
    'too_large',
  );
}
