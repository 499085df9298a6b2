/**
 * A patient's name as the transmission prints it most often: OCR garbles one copy here and another
 * there, so the copies' spellings, letters and word order are counted across the fax. Pure.
 */
import { editDistance } from './fuzzy.js';
import { isCommonGivenName } from './given-names.js';
import type { PatientFacts } from './identity.js';
import type { Line } from './lines.js';
import { NOT_NAME, titleCase } from './person-name.js';

/**
 * A name read as "First Last" from two capitalised words without a comma ("PATIENT: STUBFIELD
 * CATHERINE", a pharmacy's request printing the last name first), put in the order the fax's other
 * documents print more often without ambiguity: "Stubfield, Catherine", or "Catherine Stubfield" in
 * mixed case (a form OCR may also give the reversed name, so the orders are counted, not taken at
 * first sight). Unchanged without more evidence for the other order.
 */
export function orderAsTransmissionPrints(p: PatientFacts, lines: Line[]): PatientFacts {
  const first = p.given?.[0];
  if (!first || !p.family || p.given!.length !== 1 || first.toLowerCase() === p.family.toLowerCase()) return p;
  const [g, f] = [first.toLowerCase(), p.family.toLowerCase()];
  let asRead = 0;
  let reversed = 0;
  for (const l of lines) {
    // A name in capitals in a sentence's place ("... STATEMENT FOR JESSICA DOE, DOB 11/15/1951", a cover's comment)
    // prints the given name first as a mixed-case one does. A mixed-case pair is one cell's ("Catherine Stubfield",
    // one space): two cells of a form row ("Draftwell   Eric", under Last Name / First Name) are no name's order.
    for (const m of l.text.matchAll(/\b([A-Z][A-Za-z'’-]{2,}),\s*([A-Z][A-Za-z'’-]+)\b|\b([A-Z][a-z'’-]{2,}) ([A-Z][a-z'’-]{2,})\b|\b(?:for|FOR|For|regarding|REGARDING|Regarding)\s+([A-Z][A-Z'’-]{2,})\s+([A-Z][A-Z'’-]{2,}),?\s+(?:DOB|D\.O\.B\.?|born|BORN)\b/g)) {
      const [family, given] = (m[1] ? [m[1], m[2]!] : m[3] ? [m[4]!, m[3]] : [m[6]!, m[5]!]).map((w) => w.toLowerCase());
      if (family === f && given === g) asRead++;
      else if (family === g && given === f) reversed++;
    }
  }
  // No print of the fax tells the order (a remittance's "RECIP NAME: SYNTHINGTON VIRGINIA", a slip's "PATIENT:
  // MADEUPEZ FATIMA", capitals without a comma, printed nowhere else): a common given name read as the family name
  // beside a word that is none is the given name (given-names.ts). o-2302, s-2701 (OCR and GT). Session 20.
  const byTable = asRead === 0 && reversed === 0 && isCommonGivenName(p.family) && !isCommonGivenName(first);
  if (reversed <= asRead && !byTable) return p;
  const [given, family] = [titleCase(p.family), titleCase(first)];
  return { ...p, given: [given], family, name: `${given} ${family}` };
}

/** How often each word printed with a capital (a name's copies; counted in lower case) appears in a text. */
export function capitalisedWordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.match(/(?<![A-Za-z'’-])[A-Z][A-Za-z'’-]{2,}/g) ?? []) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
  return counts;
}

/** How often each word (lower case, letters, 3+ long) is printed in a text: for `spellAsPrinted`. */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[a-z][a-z'’-]{2,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/**
 * A patient's name as the transmission prints it most often. A fax repeats the name in headers,
 * footers and each document, and OCR garbles one copy here and another there ("Fukesington" once,
 * "Fakesingtan" once, "Fakesington" four times): a given or family name of 5+ letters is replaced
 * by a spelling one edit away (two from 8 letters) that is printed at least twice and more often.
 */
export function spellAsPrinted(p: PatientFacts, counts: Map<string, number>, nameCounts = counts, text?: string): PatientFacts {
  // With the fax's text, a given name takes another spelling only where that spelling is printed beside the
  // family name (a line printing both): "Christine" is no slip of the "CHRISTIAN" another patient of the fax is
  // named. t-1802 (GT and OCR): a referral's patient.
  const besideFamily = (w: string): boolean => {
    if (!text || !p.family) return true;
    const fam = p.family.toLowerCase().replace(/[^a-z]/g, '');
    const slips = fam.length >= 8 ? 2 : 1;
    return text.split('\n').some((l) => {
      const words = l.toLowerCase().split(/[^a-z]+/);
      return words.includes(w) && words.some((x) => x.length >= fam.length - 1 && editDistance(x, fam, slips) <= slips);
    });
  };
  const fix = (word: string, given = false): string => {
    const k = word.toLowerCase();
    if (k.length < 5 || !/^[a-z'’-]+$/.test(k)) return word;
    const max = k.length >= 8 ? 2 : 1;
    let best = k;
    let bestCount = counts.get(k) ?? 0;
    for (const [w, n] of counts) {
      // At most one letter more or fewer ("ri" read "n"); two lost or added make another word ("Specimenby" is no "Specimen").
      if (n < 2 || n <= bestCount || Math.abs(w.length - k.length) > 1 || editDistance(k, w, max) > max || (given && !besideFamily(w))) continue;
      best = w;
      bestCount = n;
    }
    const voted = lettersVoted(best, nameCounts);
    if (voted && (!given || besideFamily(voted))) best = voted;
    const centre = centreOfCopies(best, nameCounts, max);
    if (centre && (!given || besideFamily(centre))) best = centre;
    if (best === k) return word;
    return word === word.toUpperCase() ? best.toUpperCase() : titleCase(best.toUpperCase());
  };
  if (!p.family || !p.given?.length) return p;
  const family = fix(p.family);
  const given = [fix(p.given[0]!, true), ...p.given.slice(1)];
  if (family === p.family && given[0] === p.given[0]) return p;
  return { ...p, family, given, name: [...given, family].join(' ') };
}

/**
 * A name garbled differently in every copy the fax prints ("Stubfieid", "Stuhfield", "Sfubfield"):
 * its copies printed with a capital of the same length within a slip or two of it (one letter in a name of five, two from
 * six) vote letter by letter: each printed once (a spelling printed twice is a name, perhaps another
 * person's, and left to the count of spellings), three at least, and every letter must have a single
 * most-voted reading; else undefined.
 */
export function lettersVoted(word: string, counts: Map<string, number>): string | undefined {
  const max = word.length >= 6 ? 2 : 1;
  const copies = [...counts].filter(([w]) => w.length === word.length && [...w].filter((c, i) => c !== word[i]).length <= max);
  // Garbles differ from copy to copy: a spelling printed twice or more is a name (another person's,
  // "Mockwood" beside "Mockford"), left to the count of spellings.
  if (copies.some(([, c]) => c > 1)) return undefined;
  if (copies.length < 3) return undefined;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const tally = new Map<string, number>();
    for (const [w, c] of copies) tally.set(w[i]!, (tally.get(w[i]!) ?? 0) + c);
    const ranked = [...tally].sort((a, b) => b[1] - a[1]);
    if (ranked[1] && ranked[1][1] === ranked[0]![1]) return undefined;
    out += ranked[0]![0];
  }
  // The copies mend the word; they do not make another of it.
  return [...out].filter((c, i) => c !== word[i]).length <= max ? out : undefined;
}

/**
 * A name whose copies OCR garbled in several ways, one garble printed twice ("MocKkcott" twice on the
 * cover, "Mockcoft", "Mockoott" and "Mockcott" once each in the document): the printed spelling the
 * copies within reach of the word are fewest slips from, each copy counted as often as it is
 * printed ("Mockcott": 4 slips in all, "MocKkcott": 5). Three spellings at least (garbles differ from
 * copy to copy) and a single such spelling; else undefined.
 */
export function centreOfCopies(word: string, counts: Map<string, number>, max: number): string | undefined {
  const copies = [...counts].filter(([w]) => Math.abs(w.length - word.length) <= 1 && editDistance(word, w, max) <= max);
  if (copies.length < 3) return undefined;
  const slips = copies.map(([c]) => copies.reduce((sum, [w, n]) => sum + n * editDistance(c, w, 2 * max), 0));
  const least = Math.min(...slips);
  const centres = copies.filter((_, i) => slips[i] === least);
  return centres.length === 1 && centres[0]![0] !== word ? centres[0]![0] : undefined;
}

/**
 * The given name as the fax prints it beside the family name most often ("Regarding: Lab results
 * for Nei Pseudomore" once, "Mei Pseudomore" twice: Mei). OCR misreads a short given name's letter
 * in one copy; spellAsPrinted leaves names under five letters alone, having nothing to tell them from
 * other words, but the family name beside it does. The copies counted are the capitalised word
 * before the family name and the one after its comma ("PSEUDOMORE, MEI"), one letter off the given
 * name at most, of three letters or more; one must be printed more often than the name as read,
 * which must be printed so once at most.
 */
export function givenAsPrintedBeside(p: PatientFacts, text: string): PatientFacts {
  const given = p.given?.[0];
  if (!given || !p.family || given.length < 3 || !/^[A-Za-z]+$/.test(given) || !/^[A-Za-z'’-]{3,}$/.test(p.family)) return p;
  const fam = p.family.replace(/[^A-Za-z]/g, (c) => `\\${c}`);
  const counts = new Map<string, number>();
  // Two passes, within a line: one match must not swallow the family name the other form needs
  // (a heading's last word before a line opening "Sampleworth, Svetlana" would hide her given name).
  const before = new RegExp(`(?<![A-Za-z])([A-Z][A-Za-z]{2,})[ \\t]+${fam}(?![A-Za-z])`, 'gi');
  const after = new RegExp(`(?<![A-Za-z])${fam}[ \\t]*,[ \\t]*([A-Z][A-Za-z]{2,})(?![A-Za-z])`, 'gi');
  for (const m of [...text.matchAll(before), ...text.matchAll(after)]) {
    const w = m[1]!.toLowerCase();
    if (/^[A-Z]/.test(m[1]!)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const k = given.toLowerCase();
  // A name printed so twice or more is no slip (a relative or a physician of the same family name prints another).
  if ((counts.get(k) ?? 0) >= 2) return p;
  let best = k;
  for (const [w, n] of counts) {
    if (w !== k && n > (counts.get(best) ?? 0) && w.length === k.length && editDistance(w, k, 1) <= 1 && !NOT_NAME.has(w)) best = w;
  }
  if (best === k) return p;
  const spelled = given === given.toUpperCase() ? best.toUpperCase() : titleCase(best.toUpperCase());
  const givenAll = [spelled, ...p.given!.slice(1)];
  return { ...p, given: givenAll, name: [...givenAll, p.family].join(' ') };
}
