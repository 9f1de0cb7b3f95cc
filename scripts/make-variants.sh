#!/usr/bin/env bash
# Build converter variants of the corpus in /tmp/variants (or $1) so extraction can be measured on
# layouts the corpus itself does not have. Each variant set gets its own folder: <set>/docs holds the
# converted files, <set>/gold copies of the gold records with the same base names (kept apart because
# eval --corpus would read a .json beside the documents as a text submission), so
#   node bin/plansift.js eval --gold /tmp/variants/<set>/gold --corpus /tmp/variants/<set>/docs
# scores it; `scripts/make-variants.sh --eval` builds and scores every set. Needs pdftotext (poppler-utils); the LibreOffice sets need soffice.
# Variants derive from the corpus: never commit them.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS:-$here/../shared/corpus}"
gold="${GOLD:-$here/../shared/gold}"
out=/tmp/variants; evaluate=no
for a in "$@"; do if [ "$a" = --eval ]; then evaluate=yes; else out="$a"; fi; done
mkdir -p "$out"

copy_gold() { # $1 = set folder
  mkdir -p "$1/gold"
  for g in "$gold"/*.json; do cp "$g" "$1/gold/"; done
}

# pdftotext of each corpus PDF, plain and -layout
for mode in pdftotext pdftotext-layout; do
  d="$out/$mode"; rm -rf "$d"; mkdir -p "$d/docs"
  for f in "$corpus"/*.pdf; do
    b="$(basename "$f" .pdf)"
    if [ "$mode" = pdftotext ]; then pdftotext "$f" "$d/docs/$b.txt"; else pdftotext -layout "$f" "$d/docs/$b.txt"; fi
  done
  copy_gold "$d"
done

# LibreOffice conversions of each corpus .docx
if command -v soffice >/dev/null 2>&1; then
  for set_name in lo-pdf lo-txt lo-html; do
    d="$out/$set_name"; rm -rf "$d"; mkdir -p "$d/docs"
    case "$set_name" in
      lo-pdf) filter="pdf" ;;
      lo-txt) filter="txt:Text (encoded):UTF8" ;;
      lo-html) filter="html" ;;
    esac
    soffice --headless --convert-to "$filter" --outdir "$d/docs" "$corpus"/*.docx >/dev/null 2>&1
    copy_gold "$d"
  done
else
  echo "soffice not found: LibreOffice sets skipped" >&2
fi
if [ "$evaluate" = yes ]; then
  for d in "$out"/*/; do
    echo "=== $(basename "$d")"
    node "$here/bin/plansift.js" eval --gold "$d/gold" --corpus "$d/docs"
  done
else
  ls "$out"
fi
