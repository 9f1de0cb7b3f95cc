// The process's memo caches, in one place. A worker reads many documents one after another, so a remembered result
// is shared by every later caller in every later document: each one is frozen (plain objects and arrays, deeply),
// so a caller that changed what it got would throw at once instead of quietly changing the next document's answer.
// Why each cache exists is noted where it is made.

/** Whether freezing `v` is ours to do: plain objects and arrays (not Maps, RegExps or class instances). */
function isPlain(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** `v` frozen with every plain object and array inside it; other values (numbers, strings, Maps) as they are. */
export function deepFreeze<T>(v: T): T {
  if (!isPlain(v) || Object.isFrozen(v)) return v;
  Object.freeze(v);
  for (const inner of Object.values(v)) deepFreeze(inner);
  return v;
}

/** Frozen itself and in its own lists, not in the objects it points to (a template's sections, shared with it). */
export function freezeLists<T>(v: readonly (readonly T[])[]): readonly (readonly T[])[] {
  for (const list of v) Object.freeze(list);
  return Object.freeze(v);
}

/**
 * A pure string -> T function with its results remembered: the same lines (headings, cell labels) are
 * normalised again and again by the segmenter and every field extractor. Long texts are not kept, and the
 * cache starts over once it is large, so memory stays bounded in a long-running worker. Results are deep-frozen.
 */
export function memoString<T>(fn: (s: string) => T, maxChars = 1000, maxKeyChars = 1_000_000): (s: string) => T {
  const cache = new Map<string, T>();
  let keyChars = 0;
  return (s: string): T => {
    if (s.length > maxChars) return fn(s);
    let v = cache.get(s);
    if (v === undefined) {
      if (keyChars + s.length > maxKeyChars) {
        cache.clear();
        keyChars = 0;
      }
      v = deepFreeze(fn(s));
      cache.set(s, v);
      keyChars += s.length;
    }
    return v;
  };
}

/**
 * A function of one object (a template, a section, the gazetteer) with its result remembered for as long as the
 * object lives. `freeze` makes the result safe to share: deepFreeze (the default) for results built from scratch,
 * freezeLists for lists of objects the key owns, or the identity for a Map (typed read-only instead).
 */
export function memoByObject<K extends object, V>(fn: (key: K) => V, freeze: (v: V) => V = deepFreeze): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key: K): V => {
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = freeze(fn(key))));
    return v;
  };
}
