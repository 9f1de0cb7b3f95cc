// Area: a CCG/ICB label on a line of its own is followed by a bare "NHS <place>" only where the plan-details
// summary lost its layout; in a spending plan flattened one cell per line the commissioner drop-down answer
// ("CCG") sits over the provider cell ("NHS Community Provider" wrapped), which names no party of the plan.
// Real English organisations (not the corpus's areas), synthetic documents.
import { describe, expect, it } from 'vitest';
import { extractArea } from '../src/fields/area/index.js';
import { buildDocument, type RawBlock } from '../src/model/document.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const para = (text: string): RawBlock => ({ kind: 'paragraph', text, page: 1 }) as RawBlock;
const area = (blocks: RawBlock[], round: string) => extractArea(buildDocument('txt', null, blocks), noSections, round);

describe('a bare NHS name on the line under a CCG label', () => {
  it('is a party where the gazetteer knows it as a CCG of the round', () => {
    const a = area([para('Local Authority'), para('Swindon Borough Council'), para('CCG'), para('NHS Swindon')], '2015-16');
    expect(a.ccgs).toEqual(['NHS Swindon']);
  });

  it('is no party where it is a spending-plan cell; the ICB the plan names elsewhere is', () => {
    const a = area(
      [
        para('Better Care Fund 2022-23 plan of Cumbria County Council and NHS North East and North Cumbria Integrated Care Board'),
        para('Scheme Name'),
        para('Reablement at home'),
        para('Community Health'),
        para('CCG'),
        para('NHS Community'),
        para('Provider'),
        para('£412,300'),
      ],
      '2022-23',
    );
    expect(a.ccgs).toEqual(['NHS North East and North Cumbria Integrated Care Board']);
  });
});
