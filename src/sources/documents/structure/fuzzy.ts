/** Small edit-distance helpers for OCR-tolerant lookups. */

/** Levenshtein distance, giving up (returning max+1) once it exceeds `max`. */
/** A word or name by its letters alone, lower case: how OCR's split, glued or dotted copies compare ("DUMMY LEY", "Dummyley."). */
export function lettersOnly(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, '');
}

export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Edits allowed for a key of this length: none below 5 characters, 1 up to 9, 2 beyond. */
export function allowedEdits(len: number): number {
  return len < 5 ? 0 : len < 10 ? 1 : 2;
}

/** The single closest key within the allowed edits, or undefined when none or a tie. */
export function closest<T>(key: string, entries: Iterable<[string, T]>): T | undefined {
  const max = allowedEdits(key.length);
  if (!max) return undefined;
  let best: T | undefined;
  let bestD = max + 1;
  let tie = false;
  for (const [k, v] of entries) {
    const d = editDistance(key, k, max);
    if (d < bestD) {
      bestD = d;
      best = v;
      tie = false;
    } else if (d === bestD && v !== best) tie = true;
  }
  return bestD <= max && !tie ? best : undefined;
}

/**
 * `text` with each word `words` matches that is one edit from one of `vocabulary` (same first
 * letter, lengths one apart at most) spelled as that word: how label words OCR misread by a letter
 * are mended before labels are looked for. The case follows the word as printed (capitals,
 * capitalised, or lower case). `key` maps a printed word to the form compared (lower case by default);
 * `fold` maps both sides before the edit is counted (letters a typeface makes alike).
 */
export function respellNear(text: string, words: RegExp, vocabulary: readonly string[], key = (w: string) => w.toLowerCase(), fold = (w: string) => w): string {
  return text.replace(words, (w) => {
    const k = key(w);
    if (vocabulary.includes(k)) return w;
    const f = fold(k);
    const hit = vocabulary.find((v) => v[0] === k[0] && Math.abs(v.length - k.length) <= 1 && editDistance(f, fold(v), 1) <= 1);
    if (!hit) return w;
    return w === w.toUpperCase() ? hit.toUpperCase() : w[0] === w[0]!.toUpperCase() ? hit[0]!.toUpperCase() + hit.slice(1) : hit;
  });
}
