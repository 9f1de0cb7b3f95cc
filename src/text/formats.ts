// The file formats plansift reads, listed once: discover picks files by these extensions, extract tells the kinds
// of text apart and spots a mislabelled file by them, and the record and the pipeline name a file's format by them.
import { extname } from 'node:path';

/** What a record's `source.format` can be: one per reader (md and html are text read with their markup). */
export const SOURCE_FORMATS = ['pdf', 'docx', 'txt', 'md', 'html', 'xlsx'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Every extension plansift reads (lower case), and the format its content should be. */
const FORMAT_OF_EXTENSION = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xlsx': 'xlsx',
  // A macro-enabled workbook is an xlsx in content: read as one (the extractor notes the macros).
  '.xlsm': 'xlsx',
} as const satisfies Record<string, SourceFormat>;

/** The extensions discover passes to extract. */
export const SUPPORTED_EXTENSIONS = Object.keys(FORMAT_OF_EXTENSION) as readonly (keyof typeof FORMAT_OF_EXTENSION)[];

/** Legacy Word/Excel: passed on too, so the extractor fails them (reason `unsupported`, saying how to convert) and they are never silently dropped. */
export const LEGACY_EXTENSIONS = ['.doc', '.xls'] as const;

/** The format a file's name says it is (its extension, any case), or null for a name plansift does not read. */
export function formatOfName(name: string): SourceFormat | null {
  const ext = extname(name).toLowerCase();
  return Object.hasOwn(FORMAT_OF_EXTENSION, ext) ? FORMAT_OF_EXTENSION[ext as keyof typeof FORMAT_OF_EXTENSION] : null;
}

/** Plain text, markdown and HTML are all read by the text extractor: one kind of content, told apart by name only. */
export function isTextFormat(format: string | null): format is 'txt' | 'md' | 'html' {
  return format === 'txt' || format === 'md' || format === 'html';
}
