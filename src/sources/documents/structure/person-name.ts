/**
 * A person's name as printed: cut from the text after its label, parsed from "LAST, FIRST M" or
 * "First M Last" (OCR's slips of its comma and points too) into given and family names. Pure.
 */

export const NOT_NAME = new Set(
  ('patient name information details report dob date birth sex gender male female age mrn fax phone page specimen account acct ' +
    'final results result lab laboratory laboratories medical records record clinic hospital health center services service ' +
    'provider physician ordering referring attending client member plan claim exam history immunization official registry ' +
    'summary discharge medication medications list note notes progress visit to from re subject pages cover sheet confidential ' +
    'urgent review comments message department the and of for with attn attention requested request test tests address ' +
    'insurance billing statement explanation benefits collected received reported printed status id chart total radiology imaging ' +
    'primary care family internal medicine associates group diagnostics dear sincerely no none unknown registry customer resident born').split(' '),
);
const SUFFIX = /^(?:jr|sr|ii|iii|iv|md|do|np|pa|rn|phd|mbbs|dds|pa-c|fnp|aprn)\.?$/i;
/**
 * A generational suffix whose I's OCR read as l's or 1's ("Proxyz Il, Steven", "Doe lll"): capitals I and l
 * and the digit 1 look alike in a fax's typefaces, and no name is those letters alone. x-1805 (OCR): identity.
 */
const SUFFIX_MISREAD = /^(?:[Il1|]{2,3}|[Il1|]V)\.?$/;
const isSuffix = (w: string) => SUFFIX.test(w) || SUFFIX_MISREAD.test(w);

export function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/(^|[\s'’-])([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** Cut a captured string down to the name at its start: stops at wide gaps, labels, digits, brackets. */
/** A patient portal's brand word: "My" before a capital (MyChart, MyUPMC), or two capitals or more inside a word (FollowMyHealth). */
const PORTAL_BRAND = /^(?:My[A-Z][A-Za-z]*|[A-Z]?[a-z]+(?:[A-Z][a-z]*){2,})[®™]?$/;

export function cutName(s: string): string {
  let t = s.replace(/^\s+/, '');
  t = t.split(/\s{2,}|\t/)[0] ?? '';
  const stop = /\s(?:DOB|D\.O\.B|Date of Birth|Birth|MRN|Sex|Gender|Age|Phone|Acct|Account|ID)\b|\s[A-Z][A-Za-z.#/]*(?:\s[A-Za-z.#/]+)?\s?:|[(\d:;|•·]|\s[-–]\s/i;
  const m = stop.exec(t);
  if (m) {
    const cut = t.slice(0, m.index);
    // A two-word label ate the given name ("SMITH, JOHN MR#:"): stop at the one-word label instead.
    const one = /\s[A-Z][A-Za-z.#/]*\s?:/.exec(t);
    t = /,\s*$|^[^\s,]+$/.test(cut.trim()) && one && one.index > m.index ? t.slice(0, one.index) : cut;
  }
  return t.replace(/[\s,.-]+$/, '').trim();
}

/** Parse "LAST, FIRST M" or "First M Last" into parts; null when it does not look like a person's name. */
export function parseName(raw: string): { name: string; given: string[]; family: string } | null {
  // OCR leaves stray symbols where an initial was ("Natalie £"): drop non-letter tokens at the end.
  let t = raw.replace(/\s+/g, ' ').trim().replace(/(?:\s+[^A-Za-z\s]+)+$/, '');
  if (!t || t.length > 60) return null;
  let given: string[];
  let family: string;
  // "Specimenholt. Ruth": the comma of "LAST, First" read as a point (a word of 3+ letters, not an initial or title).
  const dotted = /^([A-Z][A-Za-z'’-]{2,})\.\s+([A-Z][A-Za-z'’-]+(?:\s+[A-Z]\.?)?)$/.exec(t);
  if (dotted && !/^(?:dr|mr|mrs|ms|miss|st|jr|sr)$/i.test(dotted[1]!)) t = `${dotted[1]}, ${dotted[2]}`;
  if (t.includes(',')) {
    const [a, b] = t.split(',', 2) as [string, string];
    // "TESTBURY JR, HAROLD": a suffix after the family name is not part of it (a first word is kept:
    // "Do" is a family name as well as a degree).
    const fam = a.trim().split(' ').filter((x, i) => x && (i === 0 || !isSuffix(x)));
    // A caption's abbreviation OCR misread before the family name ("Pr. Sampledate, James" for "Pt. Sampledale,
    // James"): a capital and at most one more letter with a point opening a family name of more words is no part of
    // it. Not a family name's own prefix ("St. John", "Ste. Marie"), and never the only word. Session 21 (l-2604, OCR).
    if (fam.length >= 2 && /^[A-Z][a-z]?\.$/.test(fam[0]!) && !/^st\.$/i.test(fam[0]!) && /^[A-Z][A-Za-z'’-]{2,}$/.test(fam[1]!)) fam.shift();
    // Given name plus at most one initial: anything further is a neighbouring column.
    const gv = b.trim().split(' ').filter((x, i) => x && !SUFFIX.test(x) && (i === 0 || !SUFFIX_MISREAD.test(x)));
    const giv = gv.slice(0, 1);
    if (gv[1] && /^[A-Za-z]\.?$/.test(gv[1])) giv.push(gv[1]);
    if (!fam.length || !giv.length || fam.length > 3) return null;
    family = fam.join(' ');
    given = giv;
    // "Jean J, Pseudoton": the point after a middle initial read as a comma. No family name ends in
    // one letter, so the name is "First M. Last". t-8797 identity OCR: tx-0005's third report.
    if (fam.length === 2 && /^[A-Z][a-z]/.test(fam[0]!) && /^[A-Z]$/.test(fam[1]!) && gv.length === 1 && /^[A-Z][a-z]/.test(gv[0]!)) [family, given] = [gv[0]!, [fam[0]!, `${fam[1]}.`]];
  } else {
    const toks = t.split(' ').filter((x, i) => x && !SUFFIX.test(x) && (i === 0 || !SUFFIX_MISREAD.test(x)));
    // A courtesy title before a whole name is no part of it ("Mrs Kelly PSEUDOCOMBE", a British letter's patient);
    // before a family name alone ("Mr Smith") or a doctor's title, no name is read. Session 19 (set-p class 4).
    if (/^(?:mr|mrs|ms|miss|mx)\.?$/i.test(toks[0] ?? '') && toks.length >= 3 && toks.slice(1).every((w) => /^[A-Z]/.test(w))) toks.shift();
    // A patient portal's brand word before the name in its banner ("MyChart Kevin Sampleley · DOB: ..."): a word
    // of the portal's possessive "My" before a capital (MyChart, MyUPMC, MyHealth) or a word with two capitals or
    // more inside (FollowMyHealth), before a whole name, is no part of it. No given name has either shape (JoAnn,
    // MaryBeth, LaToya: one inner capital, no "My"). Session 20 (set-n's portal print).
    if (PORTAL_BRAND.test(toks[0] ?? '') && toks.length >= 3 && toks.slice(1).every((w) => /^[A-Z]/.test(w))) toks.shift();
    if (/^(?:dr|mr|mrs|ms|miss)\.?$/i.test(toks[0] ?? '')) return null;
    if (toks.length < 2) return null;
    family = toks[toks.length - 1]!;
    given = toks.slice(0, -1);
    // "TESTBURY Harold": the family name in capitals before the given name printed as a name is
    // (a statement's or a European-style header), not "JANE DOE" nor "Jane Doe".
    if (toks.length === 2 && /^[A-Z][A-Z'’-]+$/.test(toks[0]!) && /^[A-Z][a-z][a-z'’-]*$/.test(toks[1]!)) [family, given] = [toks[0]!, [toks[1]!]];
    // A name that ends in an initial is "LAST FIRST M" whose comma was lost (a pharmacy's "PATIENT: SAMPLEBROOK
    // RANDY T"): no family name is one letter.
    if (toks.length === 3 && /^[A-Za-z]\.?$/.test(toks[2]!) && toks[0]!.length >= 2 && toks[1]!.length >= 2) [family, given] = [toks[0]!, [toks[1]!, toks[2]!]];
  }
  const all = [...given, ...family.split(' ')];
  if (all.length < 2 || all.length > 5) return null;
  for (const w of all) {
    if (!/^[A-Za-z][A-Za-z'’.-]*$/.test(w)) return null;
    if (NOT_NAME.has(w.toLowerCase().replace(/\.$/, ''))) return null;
  }
  if (family.replace(/[^A-Za-z]/g, '').length < 2) return null;
  // A point after a family name ends the sentence it stands in ("report for Jane Doe. DOB ..."):
  // initials keep theirs, a name of two letters or more does not print one.
  family = family.replace(/([A-Za-z'’-]{2})\.$/, '$1');
  // Names are printed capitalised or in capitals; words of running prose are not ("uncontrolled type").
  if (!/^[A-Z]/.test(given[0]!) || !/^[A-Z]/.test(family.split(' ').pop()!)) return null;
  if (given[0]!.replace(/[^A-Za-z]/g, '').length < 1) return null;
  given = given.map(titleCase);
  family = titleCase(family);
  return { name: [...given, family].join(' '), given, family };
}
