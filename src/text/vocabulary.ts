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
