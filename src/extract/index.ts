// Entry of the extract stage: sniff what the bytes really are (not what the extension says) and hand
// them to the format's extractor. Every extractor returns the same DocumentModel.
import { extname } from 'node:path';
import { ExtractionError, type DocumentModel, type SourceFormat } from '../model/document.js';
import { isEncryptedOoxml } from './docx/encrypted.js';

export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export type SniffedType = SourceFormat | 'doc' | 'zip' | 'binary' | 'empty';

/** What the bytes are, from their magic numbers; the extension only separates txt/md/html text. */
export function sniffType(bytes: Uint8Array, fileName: string): SniffedType {
  if (bytes.length === 0) return 'empty';
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 2048)));
  if (head.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b) {
    // A zip: a .docx has word/document.xml; look for the name in the central directory / local headers.
    const all = Buffer.from(bytes);
    return all.includes('word/') ? 'docx' : 'zip';
  }
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'doc';
  // Text: no NULs and mostly printable in the first 2 KB.
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'binary';
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > head.length * 0.05) return 'binary';
  const ext = extname(fileName).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.html' || ext === '.htm') return 'html';
  return 'txt';
}

/** Extract the document model from a file's bytes. Throws ExtractionError for a file that cannot be read. */
export async function extractDocument(bytes: Uint8Array, fileName: string): Promise<DocumentModel> {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new ExtractionError(`file is ${bytes.length} bytes, over the ${MAX_FILE_BYTES}-byte limit`, 'too_large');
  }
  const type = sniffType(bytes, fileName);
  const ext = extname(fileName).toLowerCase().replace('.', '');
  const mislabel = (actual: string) =>
    ext && ext !== actual && !(actual === 'txt' && ['md', 'markdown', 'text'].includes(ext))
      ? { level: 'warning' as const, message: `file extension .${ext} but content is ${actual}`, page: null }
      : null;
  let doc: DocumentModel;
  switch (type) {
    case 'empty':
      throw new ExtractionError('file is empty (0 bytes)', 'empty');
    case 'doc':
      // An encrypted .docx is wrapped in the same OLE container as a legacy .doc.
      if (isEncryptedOoxml(bytes)) {
        throw new ExtractionError('document is password-protected (encrypted): save an unprotected copy', 'encrypted');
      }
      throw new ExtractionError('legacy Word .doc format is not supported: save it as .docx', 'unsupported');
    case 'zip':
      throw new ExtractionError('file is a zip archive but not a Word .docx document', 'wrong_type');
    case 'binary':
      throw new ExtractionError('file is binary and not a PDF or Word document', 'wrong_type');
    case 'pdf':
      // Each format's libraries load only when a file of that format comes (pdf.js and mammoth cost ~100 ms each).
      doc = await (await import('./pdf/index.js')).extractPdf(bytes);
      break;
    case 'docx':
      doc = await (await import('./docx/index.js')).extractDocx(bytes);
      break;
    default:
      doc = (await import('./text/index.js')).extractText(Buffer.from(bytes).toString('utf8'), type);
  }
  const warn = mislabel(type === 'md' || type === 'html' ? 'txt' : type);
  if (warn) doc.messages.unshift(warn);
  return doc;
}
