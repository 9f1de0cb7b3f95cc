// Reading text files: byte-order marks and UTF-16 (Notepad's "Unicode") decoded, content sniffed before the
// extension, and text over its own size limit refused before it is read.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, extractDocument, MAX_TEXT_BYTES, sniffType } from '../src/extract/index.js';
import { processFile } from '../src/pipeline/processFile.js';
import { loadTemplates } from '../src/segment/index.js';

const TEXT = '# Better Care Fund plan: Ærøby\n\n## Executive summary\n\nOur vision — “integrated care” for £1,200,000.\n';
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
const paragraphs = async (bytes: Uint8Array, name: string) => (await extractDocument(bytes, name)).blocks.map((b) => 'text' in b ? b.text : '');

describe('text encodings', () => {
  const expected = paragraphs(Buffer.from(TEXT, 'utf8'), 'plan.txt');
  const cases: [string, Buffer][] = [
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
    ['UTF-16LE without BOM', Buffer.from(TEXT, 'utf16le')],
  ];
  for (const [name, bytes] of cases) {
    it(`reads ${name} as the same text as UTF-8`, async () => {
      expect(sniffType(bytes, 'plan.txt')).toBe('txt');
      expect(decodeText(bytes)).toBe(TEXT);
      expect(await paragraphs(bytes, 'plan.txt')).toEqual(await expected);
    });
  }
  it('still calls bytes with NULs in no pattern binary', () => {
    expect(sniffType(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x41, 0x00, 0x00]), 'x.txt')).toBe('binary');
  });
});

describe('content before extension', () => {
  it('reads a .doc that is really text as text, with a mislabel warning', async () => {
    const doc = await extractDocument(Buffer.from('hello\n'), 'tiny.doc');
    expect(doc.format).toBe('txt');
    expect(doc.messages[0]).toMatchObject({ level: 'warning', message: 'file extension .doc but content is txt' });
  });
});

describe('text size limit', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plansift-textsize-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses text over the text limit without reading it, whatever its extension says', async () => {
    const templates = loadTemplates();
    for (const name of ['big.txt', 'big-text-named.pdf']) {
      writeFileSync(join(dir, name), 'Plan text line.\n'.repeat(1024));
      truncateSync(join(dir, name), MAX_TEXT_BYTES + 1); // the rest is NULs: only the first bytes are sniffed
      const r = await processFile(dir, name, templates);
      expect(r.failure?.reason, name).toBe('too_large');
      expect(r.failure?.message, name).toBe(`text file is ${MAX_TEXT_BYTES + 1} bytes, over the ${MAX_TEXT_BYTES}-byte limit for text (a plan as text is well under 1 MB); not read`);
    }
  });

  it('reads ordinary text as before', async () => {
    writeFileSync(join(dir, 'ok.txt'), `${TEXT}${'More text.\n'.repeat(10)}`);
    const r = await processFile(dir, 'ok.txt', loadTemplates());
    expect(r.failure).toBeNull();
  });
});
