// pdf.js's legacy build bundles a core-js polyfill that replaces Array.prototype.push for the whole process
// (its feature test fails on Node 20's V8 for arrays longer than 2^32 or with a read-only length, which
// nothing here uses). The polyfill makes every push, in pdf.js and everywhere else, ~30% slower: measured
// 1.8 s vs 1.3 s CPU for the three corpus PDFs. This module is imported before pdf.js so it can keep the
// engine's own push and put it back once pdf.js (and its worker module, loaded on first use) are in.
export const enginePush = Array.prototype.push;

export function restoreEnginePush(): void {
  if (Array.prototype.push !== enginePush) {
    Object.defineProperty(Array.prototype, 'push', { value: enginePush, writable: true, configurable: true, enumerable: false });
  }
}
