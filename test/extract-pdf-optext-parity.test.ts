// textRuns (text from the operator list) against pdf.js's own getTextContent on real PDFs: the runs must be
// the ones pdf.js's text layer would give (same text, same positions), so dropping the second content-stream
// parse changed nothing. PDFs: the fixtures (PDFKit) and, where present, the corpus (LibreOffice).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { multiply } from '../src/extract/pdf/geometry.js';
import { fontStyle, textRuns, type FontInfo, type TextOpCodes } from '../src/extract/pdf/opText.js';
import type { TextRun } from '../src/extract/pdf/types.js';

const CORPUS = join(__dirname, '../../shared/corpus');
const files = [
  ...readdirSync(join(__dirname, '../fixtures/sample')).filter((f) => f.endsWith('.pdf')).map((f) => join(__dirname, '../fixtures/sample', f)),
  ...(existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).map((f) => join(CORPUS, f)) : []),
];

/** Runs as the extractor built them from getTextContent before textRuns existed (same filters). */
function runsFromTextContent(content: Awaited<ReturnType<pdfjs.PDFPageProxy['getTextContent']>>, viewport: pdfjs.PageViewport, fontOf: (id: string) => FontInfo | null): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const m = multiply(viewport.transform, item.transform as number[]);
    const size = Math.hypot(m[2], m[3]);
    if (size <= 0 || Math.abs(m[1]) > 0.05 * size || m[0] <= 0) continue;
    if (m[5] < 0 || m[5] - size > viewport.height || m[4] > viewport.width || m[4] + item.width < 0) continue;
    // Whitespace-only items carry no text for the layout (makeLine skips them).
    if (item.str.trim() === '') continue;
    const style = fontStyle(fontOf(item.fontName));
    runs.push({ text: item.str, x0: m[4], x1: m[4] + item.width, base: m[5], size, bold: style.bold, italic: style.italic });
  }
  return runs;
}

/** Largest difference in position or size between paired runs (pdf.js's item width also counts trailing kerning). */
function maxDeviation(a: TextRun[], b: TextRun[]): number {
  let max = 0;
  a.forEach((r, i) => {
    for (const k of ['x0', 'x1', 'base', 'size'] as const) max = Math.max(max, Math.abs(r[k] - b[i][k]));
  });
  return max;
}

describe('textRuns matches pdf.js getTextContent', () => {
  it.each(files.map((f) => [f.split('/').pop()!, f]))('%s: same runs on every page', async (_name, file) => {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, disableFontFace: true, isEvalSupported: false }).promise;
    try {
      let compared = 0;
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        const opList = await page.getOperatorList();
        const fontOf = (id: string) => (page.commonObjs.has(id) ? (page.commonObjs.get(id) as FontInfo) : null);
        const frame = { transform: viewport.transform, width: viewport.width, height: viewport.height };
        const ours = textRuns(opList.fnArray, opList.argsArray, pdfjs.OPS as unknown as TextOpCodes, frame, fontOf, pdfjs.normalizeUnicode)
          .filter((r) => r.text.trim() !== '');
        const theirs = runsFromTextContent(await page.getTextContent(), viewport, fontOf);
        const facts = (rs: TextRun[]) => rs.map((r) => `${r.text}|${r.bold ? 'b' : ''}${r.italic ? 'i' : ''}`);
        expect(facts(ours)).toEqual(facts(theirs));
        expect(maxDeviation(ours, theirs)).toBeLessThan(0.5);
        compared += ours.length;
        page.cleanup();
      }
      expect(compared).toBeGreaterThan(50);
    } finally {
      await doc.destroy();
    }
  });
});
