// src/tables/overlays.ts on its own: items read from text drawn twice (an overlaid PDF) fold into the item they
// repeat, with the fuller text kept and the copy's values filling gaps; items that only look alike stay. Toy items
// (a risk log's description and score); every phrase and figure is made up.
import { describe, expect, it } from 'vitest';
import { collapseOverlaidItems, type OverlaySpec } from '../src/tables/overlays.js';

interface Item {
  text: string;
  score: number | null;
  note: string | null;
}
const SPEC: OverlaySpec<Item> = {
  text: (i) => i.text,
  setText: (i, t) => {
    i.text = t;
  },
  agree: (a, b) => a.score === null || b.score === null || a.score === b.score,
  merge: (a, b) => {
    a.score ??= b.score;
    a.note ??= b.note;
  },
};
const item = (text: string, score: number | null = null, note: string | null = null): Item => ({ text, score, note });

describe('collapseOverlaidItems', () => {
  it('folds a shifted copy into the item it repeats, keeping the fuller text and filling gaps', () => {
    const { items, copies } = collapseOverlaidItems(
      [item('Staff leave the reablement service', 12), item('Staff leave the reablement service early', null, 'Recruit'), item('Budget is overspent by year end', 10)],
      SPEC,
    );
    expect(items).toEqual([item('Staff leave the reablement service early', 12, 'Recruit'), item('Budget is overspent by year end', 10)]);
    expect(copies.map((c) => c.text)).toEqual(['Staff leave the reablement service early']);
  });

  it('folds a copy with its words in another order, up to three items back', () => {
    const { items } = collapseOverlaidItems(
      [item('Staff leave the reablement service', 12), item('Data is late'), item('Budget is overspent'), item('reablement Staff the leave service', 12)],
      SPEC,
    );
    expect(items.map((i) => i.text)).toEqual(['Staff leave the reablement service', 'Data is late', 'Budget is overspent']);
  });

  it('keeps items whose values disagree, whose words differ, or that are too short to compare', () => {
    const input = [
      item('Staff leave the reablement service', 12),
      item('Staff leave the reablement service', 6),
      item('Staff leave the care homes sector', 12),
      item('Data late', 4),
      item('Data late', 4),
      item('Budget overspent', 1),
      item('Budget overspent', 1),
      item('Rota gaps', 1),
      item('Staff leave the reablement service', 12),
    ];
    const { items, copies } = collapseOverlaidItems(input.map((i) => ({ ...i })), SPEC);
    expect(items).toHaveLength(input.length);
    expect(copies).toEqual([]);
  });
});
