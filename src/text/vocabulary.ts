// Words cut at a narrow cell's edge in text that lost its layout (raw pdftotext of a table without rules, failure
// class 3): the cell's line ends with the word's head and the next line opens with its rest ("Contributio" / "n",
// "Authorit" / "y", "Communit" / "y Health"). Read as they stand they are two words, and a cell of a closed set of
// options ("Minimum NHS Contribution") no longer reads as one. The text-side twin of the PDF reader's rule
// (src/extract/pdf/lines.ts, vocabularyOf): a break is inside a word where the document itself writes the joined
// word whole and never writes the head alone as a word.

/** How often each word (lower case, letters only) stands inside a line with more text after it. */
export type WordVocabulary = ReadonlyMap<string, number>;

/**
 * The words the lines write whole: every token but a line's last (where a cut head stands), letters only, with
 * trailing punctuation taken off (a word before a comma or full stop was not cut).
 */
export function textVocabulary(lines: Iterable<string>): WordVocabulary {
  const words = new Map<string, number>();
  for (const line of lines) {
    const tokens = line.split(/\s+/).filter(Boolean);
    tokens.forEach((token, n) => {
      const last = n === tokens.length - 1;
      const m = /^\(?(\p{L}+)([,.;:)]?)$/u.exec(token);
      // A line's last word counts only where punctuation after it shows it ended there.
      if (!m || (last && m[2] === '')) return;
      const word = m[1].toLowerCase();
      words.set(word, (words.get(word) ?? 0) + 1);
    });
  }
  return words;
}

/** The head of a word cut at the end of `line` whose rest opens `next`, or null when the break is between words. */
export function cutWordAt(line: string, next: string, vocabulary: WordVocabulary): { head: string; tail: string } | null {
  const head = /(?:^|\s)(\p{L}+)$/u.exec(line.trimEnd())?.[1];
  // The rest of a cut word goes on in lower case ("n", "y Health", "er").
  const tail = /^(\p{Ll}+)(?=$|[\s,.;:)])/u.exec(next.trimStart())?.[1];
  if (!head || !tail) return null;
  const whole = (head + tail).toLowerCase();
  return vocabulary.has(whole) && !vocabulary.has(head.toLowerCase()) ? { head, tail } : null;
}

/** `line` and `next` as one line where a word was cut between them; null where they are two lines. */
export function joinCutWord(line: string, next: string, vocabulary: WordVocabulary): string | null {
  return cutWordAt(line, next, vocabulary) ? line.trimEnd() + next.trimStart() : null;
}

/**
 * A group's lines with the words cut at a cell's edge joined again where the cells beside it interleave their lines
 * with its own (raw pdftotext of side-by-side cells, printed by baseline: "Commun" / "CCG" / "ity Health", "£4,518,274
 * Existin" / "Sector Contribution" / "g"): a line's last word is the head of a cut word whose rest opens one of the
 * next few lines, on the same terms as joinCutWord (the document writes the joined word whole, never the head alone).
 * Interleaving also puts a cut head inside a line ("Sector Contributi 74"), so the document may write the head as a
 * word too: it is a head where the joined word is the commoner of the two, or a word the caller knows its cells hold
 * (a fixed list's option, which every row repeats cut the same way). The rest is taken off its line, a line left
 * empty dropped.
 */
export function joinInterleavedCutWords(lines: string[], vocabulary: WordVocabulary, known: (word: string) => boolean = () => false, reach = 5): string[] {
  const out = [...lines];
  for (let n = 0; n < out.length; n++) {
    for (let m = n + 1; m < Math.min(out.length, n + 1 + reach); m++) {
      const cut = interleavedCut(out[n], out[m], vocabulary, known);
      if (!cut) continue;
      out[n] = out[n].trimEnd() + cut.tail;
      out[m] = out[m].trimStart().slice(cut.tail.length).trimStart();
      if (out[m] === '') out.splice(m, 1);
      break;
    }
  }
  return out;
}

function interleavedCut(line: string, next: string, vocabulary: WordVocabulary, known: (word: string) => boolean): { head: string; tail: string } | null {
  const head = /(?:^|\s)(\p{L}+)$/u.exec(line.trimEnd())?.[1];
  const tail = /^(\p{Ll}+)(?=$|[\s,.;:)])/u.exec(next.trimStart())?.[1];
  if (!head || !tail) return null;
  if (known(head + tail)) return { head, tail };
  const whole = vocabulary.get((head + tail).toLowerCase()) ?? 0;
  return whole > (vocabulary.get(head.toLowerCase()) ?? 0) ? { head, tail } : null;
}
