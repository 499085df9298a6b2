/**
 * Dot leaders OCR read as letters after a test's name printed in mixed case ("White Blood Cell Count
 * ..........ccccoevviiiiiniieniice nieces sven.   9.1", "POtaSSIUM o.oo assess   3.9", "CalCium oie   9.2"). The
 * capitals rule of `lab-line-drafts.ts` (`leaderGarbleDropped`) stops at a lower-case name word, since a real name
 * word may follow ("Glucose fasting"); here the words are dropped when they cannot be a name's: each holds a run of
 * points, or is a word no test's name prints. Pure. Session 23 (l-2606 through OCR: a reference lab's leaders).
 */
import synonyms from './loinc-synonyms.json' with { type: 'json' };
import type { Draft } from './lab-row.js';
import { cleanNameTokens } from './lab-tokens.js';
import { lookupExact, lookupTest } from './lab-test-names.js';

/** Every word the test names of the table print, lower case letters only: a leader's garble is none of them. */
const NAME_WORDS = new Set<string>();
for (const s of synonyms as Array<{ names: string[]; urineNames?: string[] }>) {
  for (const n of [...s.names, ...(s.urineNames ?? [])]) for (const w of n.toLowerCase().split(/[^a-z]+/)) if (w) NAME_WORDS.add(w);
}

/** The small round or barred letters a run of dots becomes at fax resolution, points and dirt among them. */
const GARBLE = /^[.…,:;'`_]*(?:[LIO][oietnuacvlrsw]*|[oietnuacvlrsw]+)(?:[.…,:;'`]+[oietnuacvlrsw]*)*[.…,:;'`]*$/;

/** A word that is a leader read as letters: a run of points in it, or round letters no test's name prints. */
function leaderWord(w: string): boolean {
  if (/[.…]{2,}/.test(w) && !/\d/.test(w)) return true;
  if (!GARBLE.test(w)) return false;
  const letters = w.toLowerCase().replace(/[^a-z]/g, '');
  // A point inside the word ("o.oo") is no name's either.
  return /[a-z][.…,][a-z]/i.test(w) || !NAME_WORDS.has(letters);
}

/**
 * Drops the leader words closing a draft's name when the name with them names no test and without them names one
 * (fuzzily: the name itself may carry OCR's slips, "EOSINOPNIIS", "HDL ChOIeStErol"). True when dropped.
 */
export function leaderAfterAnyNameDropped(d: Draft, urine: boolean): boolean {
  let k = d.name.length;
  while (k > 1 && leaderWord(d.name[k - 1]!)) k--;
  if (k === d.name.length) return false;
  const named = (toks: string[]) => {
    const n = cleanNameTokens(toks).join(' ');
    // A urine panel's names ("Bilirubin", "Nitrite") are tests of the urine index only: both are asked.
    return n.length >= 2 && !!(lookupTest(n, urine) ?? lookupTest(n, true));
  };
  if (lookupExact(cleanNameTokens(d.name).join(' '), urine) || lookupExact(cleanNameTokens(d.name).join(' '), true) || named(d.name) || !named(d.name.slice(0, k))) return false;
  d.name = d.name.slice(0, k);
  d.nameToks = d.nameToks.slice(0, k);
  return true;
}
