// textRuns: positioned text from a pdf.js operator list, on small hand-built operator lists. The codes are
// pdf.js's own (OPS), so these lists are what getOperatorList returns for the content streams in comments.
import { describe, expect, it } from 'vitest';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { textRuns, type FontInfo, type TextOpCodes } from '../src/extract/pdf/opText.js';

const ops = OPS as unknown as TextOpCodes & Record<string, number>;
// A4 page, pdf.js viewport.transform at scale 1: flips y so the origin is top-left.
const page = { transform: [1, 0, 0, -1, 0, 842], width: 595, height: 842 };
const fonts: Record<string, FontInfo> = {
  F1: { name: 'Helvetica' },
  F2: { name: 'Arial,Bold' },
  F3: { name: 'ABCDEF+Calibri', bold: true },
};
const fontOf = (id: string) => fonts[id] ?? null;

/** Glyphs of width 500 (0.5 em) each; a space is 250. */
function glyphs(text: string): { unicode: string; width: number; isSpace: boolean }[] {
  return [...text].map((c) => ({ unicode: c, width: c === ' ' ? 250 : 500, isSpace: c === ' ' }));
}

type Op = [number, unknown[] | null];
function run(list: Op[]) {
  return textRuns(
    list.map((o) => o[0]),
    list.map((o) => o[1]),
    ops,
    page,
    fontOf,
  );
}

/** BT /font size Tf x y Td (text) Tj ET */
function textAt(font: string, size: number, x: number, y: number, text: string | (string | number)[]): Op[] {
  const shown = typeof text === 'string' ? glyphs(text) : text.flatMap((t) => (typeof t === 'number' ? [t] : glyphs(t)));
  return [
    [ops.beginText, null],
    [ops.setFont, [font, size]],
    [ops.moveText, [x, y]],
    [ops.showText, [shown]],
    [ops.endText, null],
  ];
}

describe('textRuns', () => {
  it('places a string by its text position, in top-down page space, with its size and end', () => {
    const [r] = run(textAt('F1', 10, 100, 700, 'Plan'));
    expect(r.text).toBe('Plan');
    expect(r.x0).toBeCloseTo(100);
    expect(r.x1).toBeCloseTo(120); // 4 glyphs × 0.5 em × 10 pt
    expect(r.base).toBeCloseTo(142); // 842 - 700
    expect(r.size).toBeCloseTo(10);
    expect(r.bold).toBe(false);
  });

  it('takes bold from the font name or its flags', () => {
    expect(run(textAt('F2', 10, 100, 700, 'Total'))[0].bold).toBe(true);
    expect(run(textAt('F3', 10, 100, 700, 'Total'))[0].bold).toBe(true);
  });

  it('keeps words of one string in one run, and makes a space from a TJ gap between 0.1 and 0.6 em', () => {
    // [(Better) -300 (Care)] TJ: 300/1000 em of space
    const [r] = run(textAt('F1', 10, 72, 700, ['Better', -300, 'Care']));
    expect(r.text).toBe('Better Care');
    // A tiny kern is not a space.
    expect(run(textAt('F1', 10, 72, 700, ['Bet', -40, 'ter']))[0].text).toBe('Better');
  });

  it('starts a new run at a gap wider than 0.6 em (a column) and at a step backwards', () => {
    const wide = run(textAt('F1', 10, 72, 700, ['Budget', -2000, '£1,000']));
    expect(wide.map((r) => r.text)).toEqual(['Budget', '£1,000']);
    expect(wide[1].x0).toBeCloseTo(72 + 30 + 20);
    const back = run([...textAt('F1', 10, 200, 700, 'right'), ...textAt('F1', 10, 72, 700, 'left')]);
    expect(back.map((r) => r.text)).toEqual(['right', 'left']);
  });

  it('continues a run across separate strings that sit next to each other, as getTextContent does', () => {
    // Word often positions each word with its own Td: "Care" starts 0.25 em after "Better" ends.
    const list = [...textAt('F1', 10, 72, 700, 'Better'), ...textAt('F1', 10, 72 + 30 + 2.5, 700, 'Care')];
    expect(run(list).map((r) => r.text)).toEqual(['Better Care']);
  });

  it('ends a run when Q restores a different font, so table cells drawn in q … Q never run together', () => {
    const cell = (x: number, t: string): Op[] => [[ops.save, null], ...textAt('F1', 10, x, 700, t), [ops.restore, null]];
    // "Max." ends at 92; "Min." starts 5 pt (0.5 em) later: close enough to join without the Q rule.
    const list = [...cell(72, 'Max.'), ...cell(97, 'Min.')];
    expect(run(list).map((r) => r.text)).toEqual(['Max.', 'Min.']);
  });

  it('ends a run at a marked-content boundary (tagged cells)', () => {
    const list: Op[] = [
      [ops.beginMarkedContentProps, ['TD', null]],
      ...textAt('F1', 10, 72, 700, 'Social Care'),
      [ops.endMarkedContent, null],
      [ops.beginMarkedContentProps, ['TD', null]],
      [ops.beginText, null],
      [ops.setFont, ['F1', 10]],
      [ops.moveText, [72 + 52.5 + 4, 700]],
      [ops.showText, [glyphs('LA')]],
      [ops.endText, null],
      [ops.endMarkedContent, null],
    ];
    expect(run(list).map((r) => r.text)).toEqual(['Social Care', 'LA']);
  });

  it('applies the CTM, the text matrix, leading and T* line moves', () => {
    const list: Op[] = [
      [ops.save, null],
      [ops.transform, [1, 0, 0, 1, 20, 0]],
      [ops.beginText, null],
      [ops.setFont, ['F1', 1]],
      [ops.setTextMatrix, [Float32Array.of(12, 0, 0, 12, 50, 600)]],
      [ops.setLeading, [1.5]],
      [ops.showText, [glyphs('one')]],
      [ops.nextLine, null],
      [ops.showText, [glyphs('two')]],
      [ops.endText, null],
      [ops.restore, null],
    ];
    const rs = run(list);
    expect(rs.map((r) => r.text)).toEqual(['one', 'two']);
    expect(rs[0].x0).toBeCloseTo(70);
    expect(rs[0].size).toBeCloseTo(12); // 1 pt font × text matrix scale 12
    expect(rs[0].base).toBeCloseTo(242);
    expect(rs[1].base).toBeCloseTo(242 + 18); // leading 1.5 × 12
    expect(rs[1].x0).toBeCloseTo(70);
  });

  it('applies word and character spacing and horizontal scaling to the advance', () => {
    const list: Op[] = [
      [ops.beginText, null],
      [ops.setFont, ['F1', 10]],
      [ops.setCharSpacing, [1]],
      [ops.setWordSpacing, [3]],
      [ops.setHScale, [50]],
      [ops.moveText, [100, 700]],
      [ops.showText, [glyphs('ab cd')]],
      [ops.endText, null],
    ];
    const [r] = run(list);
    expect(r.text).toBe('ab cd');
    // Ends where "d" ends: 4 glyphs × 5 pt + space 2.5 pt + char spacing after a, b, space, c (4 × 1) + word
    // spacing 3, all × the 50% horizontal scale.
    expect(r.x1).toBeCloseTo(100 + (4 * 5 + 2.5 + 4 * 1 + 3) * 0.5);
  });

  it('puts raised text (superscript) in a run of its own', () => {
    const list: Op[] = [
      [ops.beginText, null],
      [ops.setFont, ['F1', 10]],
      [ops.moveText, [72, 700]],
      [ops.showText, [glyphs('1')]],
      [ops.setTextRise, [4]],
      [ops.showText, [glyphs('st')]],
      [ops.endText, null],
    ];
    expect(run(list).map((r) => [r.text, r.base])).toEqual([
      ['1', 142],
      ['st', 138],
    ]);
  });

  it('leaves out rotated text, text off the page, annotation appearances and invisible format marks', () => {
    const rotated: Op[] = [[ops.transform, [0, 1, -1, 0, 0, 0]], ...textAt('F1', 10, 100, -50, 'DRAFT')];
    expect(run(rotated)).toEqual([]);
    expect(run(textAt('F1', 10, 700, 700, 'clipped'))).toEqual([]);
    const annotation: Op[] = [[ops.beginAnnotation, ['a1', [0, 0, 1, 1], [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 0, 0], false]], ...textAt('F1', 10, 72, 700, 'field'), [ops.endAnnotation, null]];
    expect(run(annotation)).toEqual([]);
    const marks = textAt('F1', 10, 72, 700, 'Well\u00adbeing\u200b');
    expect(run(marks)[0].text).toBe('Wellbeing');
  });

  it('takes the font set by an ExtGState, and applies the normaliser to each run', () => {
    const list: Op[] = [
      [ops.beginText, null],
      [ops.setGState, [[['Font', ['F2', 9]]]]],
      [ops.moveText, [72, 700]],
      [ops.showText, [glyphs('\ufb01nance')]],
      [ops.endText, null],
    ];
    const [r] = textRuns(
      list.map((o) => o[0]),
      list.map((o) => o[1]),
      ops,
      page,
      fontOf,
      (t) => t.normalize('NFKC'),
    );
    expect(r.text).toBe('finance');
    expect(r.bold).toBe(true);
    expect(r.size).toBeCloseTo(9);
  });
});
