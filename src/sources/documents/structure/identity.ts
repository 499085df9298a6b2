/**
 * Who a document is about (patient name, date of birth, MRN, sex, age): `findPatient` weighs what
 * the name, birth-date and demographics readers find on each line of one document; `toPersonHints`
 * hands it on. Pure; never throws.
 */
import type { PersonHints } from '../../../core/types.js';
import { birthDatesOnLine } from './birth-date.js';
import { unfoldColumnLabels } from './column-labels.js';
import { findDates } from './dates.js';
import { ageOnLine, genderOnLine, mrnOnLine } from './demographics.js';
import { editDistance, lettersOnly } from './fuzzy.js';
import { pageMarker, type Line } from './lines.js';
import { CAPS_NAME_AFTER_LABEL, headerCapsName, lineNameCands, NAME_BEFORE_DATE, orderAsCommaForm } from './patient-name.js';
import { NOT_NAME, parseName, titleCase } from './person-name.js';

export interface PatientFacts {
  name?: string;
  given?: string[];
  family?: string;
  birthDate?: string;
  mrn?: string;
  gender?: string;
  /** Age in years as printed beside the birth date ("(19Y)", "Age: 64", "64 Y F"). */
  age?: number;
  /** Strength of the evidence, 0..1. */
  score: number;
  /** Every birth date the document prints as read, with its copies (page weights; a two-digit year counts half). */
  birthDateCopies?: Map<string, number>;
}

interface Cand {
  key: string;
  parsed: { name: string; given: string[]; family: string };
  score: number;
}

function nameKey(p: { given: string[]; family: string }): string {
  return `${p.given[0]!.toLowerCase()}|${p.family.toLowerCase()}`;
}

/** Patient identity from the lines of one document (first page weighted). */
export function findPatient(docLines: Line[], firstPage: number): PatientFacts {
  const lines = unfoldColumnLabels(docLines);
  const cands = new Map<string, Cand>();
  const dobs = new Map<string, number>();
  const mrns = new Map<string, number>();
  let gender: string | undefined;
  let age: number | undefined;
  const nonEmpty = lines.filter((l) => l.text.trim());
  nonEmpty.forEach((l, i) => {
    const w = l.page === firstPage ? 1 : 0.6;
    const headName = l.index <= 4 ? headerCapsName(l.text) : undefined;
    for (const c of [...lineNameCands(l.text, nonEmpty[i + 1]?.text, nonEmpty[i - 1]?.text, nonEmpty[i + 2]?.text), ...(headName ? [{ raw: headName, score: 1 }] : [])]) {
      const p = parseName(c.raw);
      if (!p) continue;
      const k = nameKey(p);
      const cur = cands.get(k);
      if (cur) {
        cur.score += c.score * w;
        if (p.given.length > cur.parsed.given.length) cur.parsed = p;
      } else cands.set(k, { key: k, parsed: p, score: c.score * w });
    }
    for (const b of birthDatesOnLine(l.text, nonEmpty[i + 1]?.text)) dobs.set(b.date, (dobs.get(b.date) ?? 0) + w * b.weight);
    if (age === undefined) age = ageOnLine(l.text);
    const mrn = mrnOnLine(l.text);
    if (mrn) mrns.set(mrn, (mrns.get(mrn) ?? 0) + w);
    gender ??= genderOnLine(l.text);
  });
  // "PATIENT TESTCOTT EDWARD": a caps header whose colon and comma OCR lost. Capitals after the
  // label print LAST FIRST; the narrative says which word is the given name where it can
  // ("Edward is a 14-year-old boy", "Mr. Testcott").
  if (!cands.size) {
    const prose = nonEmpty.map((l) => l.text).join('\n');
    for (const l of nonEmpty) {
      const m = CAPS_NAME_AFTER_LABEL.exec(l.text);
      if (!m || NOT_NAME.has(m[1]!.toLowerCase()) || NOT_NAME.has(m[2]!.toLowerCase())) continue;
      const [a, b] = [titleCase(m[1]!), titleCase(m[2]!)];
      const givenFirst = new RegExp(`(?:^|[.!?]\\s+|\\n\\s*)${a}\\b(?!,)`).test(prose) || new RegExp(`\\b(?:Mr|Mrs|Ms|Miss)\\.?\\s+${b}\\b`).test(prose);
      const p = parseName(givenFirst ? `${a} ${b}` : `${m[1]}, ${m[2]}`);
      if (!p) continue;
      cands.set(nameKey(p), { key: nameKey(p), parsed: p, score: l.page === firstPage ? 2 : 1.2 });
      break;
    }
  }
  let dob = [...dobs.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  // A name printed right before a full date, without a label: the running footer or header of
  // EHR prints ("Jane Doe 03/26/2008   Page 1 of 1"), the patient and their birth date.
  const nameDates: Array<{ parsed: ReturnType<typeof parseName> & object; date: string; w: number; footer: boolean; caps: boolean }> = [];
  for (const l of nonEmpty) {
    const m = NAME_BEFORE_DATE.exec(l.text);
    const date = m ? findDates(m[2]!)[0]?.date : undefined;
    const parsed = m && date ? parseName(m[1]!) : null;
    if (parsed && date) nameDates.push({ parsed, date, w: l.page === firstPage ? 1 : 0.6, footer: !!pageMarker(l.text), caps: m![1]!.includes(',') });
  }
  // Nothing else names the patient: a running footer's ("Jane Doe 03/26/2008   Page 1 of 2")
  // name and birth date, its page marker telling it from a signature's name and date.
  const footer = nameDates.find((nd) => nd.footer);
  if (!cands.size && !dob && footer) {
    cands.set(nameKey(footer.parsed), { key: nameKey(footer.parsed), parsed: footer.parsed, score: footer.w });
    dob = footer.date;
  }
  // Beside the birth date the labels gave, the name counts like an unlabelled one (a labelled copy
  // read as printed still wins); it names the patient when the labelled copy is unreadable (a
  // margin cut its first letter, a stamp covered it).
  for (const nd of nameDates.filter((x) => dob && x.date === dob)) {
    const k = nameKey(nd.parsed);
    const cur = cands.get(k);
    if (cur) cur.score += nd.w;
    else cands.set(k, { key: k, parsed: nd.parsed, score: nd.w });
  }
  const best = [...cands.values()].sort((a, b) => b.score - a.score)[0];
  if (best) best.parsed = orderAsCommaForm(best.parsed, nonEmpty);
  // No birth-date label OCR could read: the date such a line prints beside the patient's own name
  // (its family name a letter off at most, the same initial) is the birth date.
  // The date beside a results header's caps "SMITH, JANE" may be the collection's: there the birth
  // date is a year or more before the latest date the document prints.
  if (!dob && best) {
    const latest = nonEmpty.flatMap((l) => findDates(l.text).map((d) => d.date)).sort().pop() ?? '';
    const olderThanLatest = (d: string) => Number(d.slice(0, 4)) < Number(latest.slice(0, 4));
    const same = nameDates.find((nd) => (!nd.caps || olderThanLatest(nd.date)) && editDistance(lettersOnly(nd.parsed.family), lettersOnly(best.parsed.family), 1) <= 1 && nd.parsed.given[0]?.[0]?.toLowerCase() === best.parsed.given[0]?.[0]?.toLowerCase());
    if (same) dob = same.date;
  }
  const mrn = [...mrns.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const score = Math.min(1, (best ? Math.min(best.score, 4) / 4 : 0) * 0.6 + (dob ? 0.4 : 0));
  return {
    ...(best ? { name: best.parsed.name, given: best.parsed.given, family: best.parsed.family } : {}),
    ...(dob ? { birthDate: dob, birthDateCopies: dobs.size ? dobs : new Map([[dob, 0.5]]) } : {}),
    ...(mrn ? { mrn } : {}),
    ...(gender ? { gender } : {}),
    ...(age !== undefined && age < 130 ? { age } : {}),
    score,
  };
}

/** PersonHints for Extraction.subjects. */
export function toPersonHints(p: PatientFacts, facility?: string): PersonHints | null {
  if (!p.name && !p.birthDate) return null;
  return {
    ...(p.name ? { name: p.name } : {}),
    ...(p.given?.length ? { given: p.given } : {}),
    ...(p.family ? { family: p.family } : {}),
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
    ...(p.gender ? { gender: p.gender } : {}),
    ...(p.mrn ? { identifiers: [{ system: facility ? `urn:vessel:mrn:${slug(facility)}` : 'urn:vessel:mrn', value: p.mrn }] } : {}),
  };
}

export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
