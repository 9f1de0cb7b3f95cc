// The process's memo caches (src/cache/memo.ts): a remembered result is shared by every later caller in every later
// document of a worker, so it is frozen; a caller that changed it would throw, not change the next document's answer.
import { describe, expect, it } from 'vitest';
import { deepFreeze, memoByObject, memoString } from '../src/cache/memo.js';
import { parseMoney } from '../src/fields/budgets/money.js';
import { parseMetricNumber } from '../src/fields/metrics/labels.js';
import { loadGazetteer } from '../src/reference/gazetteer.js';
import { sectionMatcherOf } from '../src/segment/match.js';
import { loadTemplates } from '../src/segment/template.js';
import { contentTokens } from '../src/segment/text.js';

describe('memoised results a caller could change', () => {
  it('parseMoney: the remembered figure is frozen, so changing it throws and the next document reads £1.5m again', () => {
    const first = parseMoney('Total pooled budget £1.5m')!;
    expect(first).toEqual({ amountGbp: 1_500_000, text: '£1.5m' });
    expect(() => { (first as { amountGbp: number }).amountGbp = 0; }).toThrow(TypeError);
    expect(parseMoney('Total pooled budget £1.5m')).toEqual({ amountGbp: 1_500_000, text: '£1.5m' });
  });

  it('parseMetricNumber: the remembered number is frozen', () => {
    const n = parseMetricNumber('97.3%')!;
    expect(n).toEqual({ value: 97.3, percent: true, decimals: 1 });
    expect(() => { (n as { value: number }).value = 1; }).toThrow(TypeError);
    expect(parseMetricNumber('97.3%')).toEqual({ value: 97.3, percent: true, decimals: 1 });
  });

  it("a template section's heading matcher is shared by every document, frozen down to its token lists", () => {
    const section = loadTemplates()[0].sections[0];
    const m = sectionMatcherOf(section);
    expect(sectionMatcherOf(section)).toBe(m);
    expect(m.variants.length).toBeGreaterThan(0);
    expect(() => m.variants[0].push('extra')).toThrow(TypeError);
    expect(() => m.variants.push([])).toThrow(TypeError);
  });

  it('contentTokens hands out a copy of its remembered tokens, which the caller may change', () => {
    const mine = contentTokens('Risks and Mitigations');
    mine.push('changed');
    expect(contentTokens('Risks and Mitigations')).toEqual(['risks', 'mitigations']);
  });

  it('the gazetteer, loaded once per process, has frozen lists and rows', () => {
    const g = loadGazetteer();
    expect(loadGazetteer()).toBe(g);
    expect(() => g.organisations.push(g.organisations[0])).toThrow(TypeError);
    expect(() => { (g.organisations[0] as { name: string }).name = 'Nowhere'; }).toThrow(TypeError);
  });
});

describe('the cache helpers', () => {
  it('memoString: one call of the function per string, results frozen deeply; long strings neither kept nor frozen', () => {
    let calls = 0;
    const words = memoString((s: string) => ({ calls: ++calls, words: s.split(' '), lookup: new Map([[s, 1]]) }), 20);
    const a = words('two words');
    expect(words('two words')).toBe(a);
    expect(calls).toBe(1);
    expect(Object.isFrozen(a) && Object.isFrozen(a.words)).toBe(true);
    a.lookup.set('x', 2); // a Map is not reached by freezing (typed read-only where one is cached)
    const long = words('a sentence far longer than twenty characters');
    expect(Object.isFrozen(long)).toBe(false);
    expect(words('a sentence far longer than twenty characters')).not.toBe(long);
    expect(calls).toBe(3);
  });

  it('memoByObject: one result per key object while it lives, frozen by the given rule', () => {
    let calls = 0;
    const lengths = memoByObject((list: string[]) => ({ n: ++calls, lengths: list.map((s) => s.length) }));
    const k1 = ['ab', 'c'];
    expect(lengths(k1)).toEqual({ n: 1, lengths: [2, 1] });
    expect(lengths(k1)).toBe(lengths(k1));
    expect(lengths(['ab', 'c']).n).toBe(2); // an equal but different key object is another entry
    expect(Object.isFrozen(lengths(k1).lengths)).toBe(true);
    const shallow = memoByObject((o: { items: number[] }) => [o.items], (v) => Object.freeze(v));
    const key = { items: [1] };
    expect(Object.isFrozen(shallow(key))).toBe(true);
    expect(Object.isFrozen(key.items)).toBe(false); // the key's own objects are left alone
  });

  it('deepFreeze leaves class instances, Maps and RegExps alone (a frozen /g RegExp could not search)', () => {
    const re = /a/g;
    const v = deepFreeze({ re, list: [{ x: 1 }], at: new Date(0) });
    expect(Object.isFrozen(v.list[0])).toBe(true);
    expect(Object.isFrozen(re) || Object.isFrozen(v.at)).toBe(false);
    expect(re.exec('banana')?.index).toBe(1);
  });
});
