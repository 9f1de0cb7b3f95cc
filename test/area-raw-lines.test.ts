// Plan-details names as raw pdftotext gives them from a retypeset PDF (no `-layout`): both cells of a label/value
// row wrap, so their lines alternate and a word cut at the label cell's edge goes on in the next label line; a
// value cell taller than its label starts a line above it; a page break leaves its page number between the names
// of one list. Real English organisations (not the corpus's areas), invented layouts.
import { describe, expect, it } from 'vitest';
import { extractArea } from '../src/fields/area/index.js';
import { buildDocument, type RawBlock } from '../src/model/document.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const para = (text: string, page = 1): RawBlock => ({ kind: 'paragraph', text, page }) as RawBlock;
const area = (blocks: RawBlock[]) => extractArea(buildDocument('txt', null, blocks), noSections, '2015-16');

describe('plan-details label and value lines interleaved (raw text)', () => {
  it('joins the value lines between a wrapped label\'s lines, the label\'s cut word rejoined', () => {
    const a = area([
      para('a) Summary of Plan'),
      para('Local'),
      para('Authority'),
      para('Kent County Council'),
      para('Clinical'),
      para('NHS West Kent'),
      para('Commissionin'),
      para('CCG'),
      para('g Groups'),
      para('Boundary'),
      para('Differences'),
      para('The county also works with West Kent CCG and NHS Swale CCG on discharge.'),
    ]);
    expect(a.localAuthorities).toEqual(['Kent County Council']);
    expect(a.ccgs).toEqual(['NHS West Kent CCG']);
  });

  it('a value cell taller than its label: the line above the label begins the name', () => {
    const a = area([
      para('Name of'),
      para('Provider'),
      para('Kent'),
      para('Name of Health'),
      para('Health and'),
      para('& Wellbeing'),
      para('Well-being'),
      para('Board'),
      para('Board'),
      para('Name of'),
      para('Provider CEO'),
    ]);
    expect(a.healthAndWellbeingBoard).toBe('Kent Health and Well-being Board');
  });

  it('a wrapped label with its names under it, and a line that only looks like a label start is no label', () => {
    const a = area([
      para('Discharge is shared with Swale CCG and West Kent CCG.'),
      para('Clinical'),
      para('Commissioning'),
      para('Groups'),
      para('NHS West Kent CCG'),
      para('NHS Swale CCG'),
      para('Local'),
      para('services are commissioned by the county.'),
    ]);
    expect(a.ccgs).toEqual(['NHS West Kent CCG', 'NHS Swale CCG']);
  });
});

describe('a page break inside a list of names', () => {
  it('skips the page number at the foot of the page; a bare number inside a page ends the list', () => {
    const a = area([
      para('Local Authority'),
      para('Kent County Council'),
      para('Sevenoaks District Council'),
      para('12'),
      para('Tonbridge and Malling Borough Council', 2),
      para('Clinical Commissioning Groups', 2),
      para('NHS West Kent CCG', 2),
    ]);
    expect(a.localAuthorities).toEqual(['Kent County Council', 'Sevenoaks District Council', 'Tonbridge and Malling Borough Council']);
    const b = area([para('Local Authority'), para('Kent County Council'), para('12'), para('Sevenoaks District Council'), para('Clinical Commissioning Groups')]);
    expect(b.localAuthorities).toEqual(['Kent County Council']);
  });
});

describe('a name wrapped over two lines under its label', () => {
  it('joins the lines where neither is a name alone, a word cut between them rejoined where the text writes it whole', () => {
    const a = area([
      para('Local Authority'),
      para('Kent County Council'),
      para('Tonbridge and Malling Borough'),
      para('Council'),
      para('Clinical Commissioning Groups'),
      para('NHS Dartford Gravesham and Swan'),
      para('ley CCG'),
      para('Commissioning'),
      para('NHS West Kent CCG'),
      para('Swanley and Dartford share a hospital.'),
    ]);
    expect(a.localAuthorities).toEqual(['Kent County Council', 'Tonbridge and Malling Borough Council']);
    // "Commissioning" and the name under it: the name alone is one, so the stray line ends the list.
    expect(a.ccgs).toEqual(['NHS Dartford Gravesham and Swanley CCG']);
  });
});
