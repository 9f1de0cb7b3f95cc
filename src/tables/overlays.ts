// Items read from text drawn twice (an overlaid PDF, OCR of overlapping scans): the rows repeat as near-identical
// copies, shifted, with fragments of the next row mixed in, so one item is read two or three times. An item whose
// first words repeat one of the last few items, and whose values agree with it, is that item: it is counted once
// (the fuller text kept, the copy's values filling the gaps). What an item's text and values are is the reader's.
export interface OverlaySpec<T> {
  /** The item's text, compared word by word ("Staff leave the service …"). */
  text(item: T): string;
  setText(item: T, text: string): void;
  /** The copy's values do not contradict the item's (no score both give differs). */
  agree(item: T, copy: T): boolean;
  /** The copy's values fill the item's gaps. */
  merge(item: T, copy: T): void;
}

/** Words of a text, lower-cased, for comparing two items. */
function words(text: string): string[] {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
}

/** The items with every copy folded into the item it repeats; `copies` lists what was folded, in order. */
export function collapseOverlaidItems<T>(items: T[], spec: OverlaySpec<T>): { items: T[]; copies: T[] } {
  const out: T[] = [];
  const copies: T[] = [];
  for (const r of items) {
    const w = new Set(words(spec.text(r)).slice(0, 12));
    // Copies are drawn next to each other: only the last few items can be this one's twin.
    const twin = out.slice(-3).find((o) => {
      const ow = new Set(words(spec.text(o)).slice(0, 12));
      if (w.size < 3 || ow.size < 3) return false;
      // Words shared, in any order (a copy shifted, or with a fragment of the next item mixed in).
      const shared = [...w].filter((x) => ow.has(x)).length;
      return shared >= 0.8 * Math.max(w.size, ow.size) && spec.agree(o, r);
    });
    if (!twin) {
      out.push(r);
      continue;
    }
    const text = spec.text(r);
    const twinText = spec.text(twin);
    if (text.length > twinText.length && text.toLowerCase().startsWith(twinText.toLowerCase().slice(0, 20))) spec.setText(twin, text);
    spec.merge(twin, r);
    copies.push(r);
  }
  return { items: out, copies };
}
