/**
 * The structuring half of the fax channel: from page texts (OCR or text layer) to documents
 * (split, labelled, attached to a patient) and FHIR resources (lab results, medications,
 * immunizations, diagnoses), each with its page and box. Pure; never throws.
 */
import { createHash } from 'node:crypto';
import type { Patient, Reference } from '@medplum/fhirtypes';
import type { DocumentSegment, ExtractedPage, ExtractedResource, Extraction, ExtractionIssue, PersonHints } from '../../../core/types.js';
import { ageCheckedBirthDate } from './birth-date.js';
import { locate } from './boxes.js';
import { classify } from './classify.js';
import { parseDiagnoses, toCondition } from './conditions.js';
import { findDates } from './dates.js';
import { dayFirstDotted, dayFirstSlashed, dottedOrder } from './dotted-dates.js';
import { findAuthor, findFacility } from './facility-author.js';
import { editDistance, lettersOnly } from './fuzzy.js';
import { findPatient, toPersonHints, type PatientFacts } from './identity.js';
import { parseImmunizations, toImmunization } from './immunizations.js';
import { labResultRows } from './lab-results.js';
import { cleanPage, type CleanPage, type Line } from './lines.js';
import { parseMedications, toMedicationStatement } from './meds.js';
import { capitalisedWordCounts, givenAsPrintedBeside, orderAsTransmissionPrints, spellAsPrinted, wordCounts } from './name-spelling.js';
import { toDiagnosticReport, toObservation } from './observations.js';
import { findServiceDate } from './service-date.js';
import { pageFacts, splitPages } from './split.js';
import { faxSenderName } from './fax-sender.js';

export { classify } from './classify.js';
export { parseLabRows } from './labs.js';

const TITLES: Record<string, string> = {
  lab_report: 'Lab report',
  discharge_summary: 'Discharge summary',
  office_visit_note: 'Office visit note',
  medication_list: 'Medication list',
  immunization_record: 'Immunization record',
  radiology_report: 'Radiology report',
  referral_letter: 'Referral letter',
  fax_cover_sheet: 'Fax cover sheet',
  insurance_billing: 'Insurance / billing',
  other: 'Document',
};

function uuid(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The sender named in the fax header line: what is left after dates, times, numbers and markers. */
export function senderFromHeader(header: string): string | undefined {
  let t = header;
  for (const d of findDates(t)) t = t.replace(d.text, ' ');
  t = t
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M?\b)?/gi, ' ')
    .replace(/(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}/g, ' ')
    .replace(/\b(?:P(?:AGE|G)?\.?\s*#?\s*\d+(?:\s*(?:\/|of)\s*\d+)?)\b/gi, ' ')
    .replace(/\b(?:T|F)-\d+\b|#\d+|\bFAX\b|\bFROM\b[-:]?|\bTO\b[-:]?/gi, ' ')
    .replace(/\s{2,}/g, '  ')
    .trim();
  const parts = t.split(/\s{2,}/).map((s) => s.replace(/^[-:]+|[-:]+$/g, '').trim()).filter((s) => /[A-Za-z]{3,}/.test(s));
  return parts.sort((a, b) => b.length - a.length)[0];
}

interface Person {
  key: string;
  facts: PatientFacts;
  hints: PersonHints;
  /** Birth dates the person's documents read, with the copies each printed. */
  dobVotes: Map<string, number>;
}

/** A document's reading of the birth date, counted for the person. */
function voteBirthDate(person: Person, p: PatientFacts): void {
  if (!p.birthDate) return;
  // The document's other birth dates only when a character off its own (misread copies), not another
  // person's (a subscriber's, a parent's).
  // One vote per document, shared among its readings by their copies: a document's page heads are one
  // print repeated, and OCR misreads a repeated print alike (three page heads' "JUL 17,1957" against the
  // cover's "JUL 17,1937" are one reading against one).
  const near = [...(p.birthDateCopies ?? [[p.birthDate, 1] as const])].filter(([d]) => d === p.birthDate || editDistance(d, p.birthDate!, 1) <= 1);
  const total = near.reduce((n, [, c]) => n + c, 0) || 1;
  for (const [d, n] of near) person.dobVotes.set(d, (person.dobVotes.get(d) ?? 0) + n / total);
}

/** Letters a standard fax's lost horizontal strokes leave looking alike. */
const BARS_LOST = /[efli]/g;

/** The person already seen that these facts describe (exact, or within one OCR slip per field). */
function matchPerson(people: Person[], p: PatientFacts): Person | undefined {
  // Names compare by their letters: OCR splits a name in two ("DUMMY LEY") or glues a point to it.
  // Two slips are allowed when both are letters whose crossbars a standard fax drops (E, F, L read
  // as I: "I XAMPIEWELL" for EXAMPLEWELL).
  const near = (a?: string, b?: string) => {
    if (!a || !b) return false;
    const [x, y] = [lettersOnly(a), lettersOnly(b)];
    const d = editDistance(x, y, 2);
    return d <= 1 || (d === 2 && x.length === y.length && x.replace(BARS_LOST, 'i') === y.replace(BARS_LOST, 'i'));
  };
  const nearDate = (a?: string, b?: string) => !!a && !!b && editDistance(a, b, 1) <= 1;
  const exact = people.find((x) => {
    if (x.facts.birthDate && p.birthDate && x.facts.birthDate !== p.birthDate) return false;
    if (x.facts.family && p.family) return lettersOnly(x.facts.family) === lettersOnly(p.family) && (!x.facts.given?.[0] || !p.given?.[0] || x.facts.given[0][0]!.toLowerCase() === p.given[0][0]!.toLowerCase());
    return !!(x.facts.birthDate && p.birthDate);
  });
  if (exact) return exact;
  const nearPerson = people.find((x) => {
    if (!near(x.facts.family, p.family)) return false;
    const sameGiven = x.facts.given?.[0]?.toLowerCase() === p.given?.[0]?.toLowerCase();
    const sameDob = !!x.facts.birthDate && x.facts.birthDate === p.birthDate;
    const oneDobMissing = !x.facts.birthDate || !p.birthDate;
    return (sameGiven && (oneDobMissing || nearDate(x.facts.birthDate, p.birthDate))) || (sameDob && near(x.facts.given?.[0], p.given?.[0])) || (near(x.facts.given?.[0], p.given?.[0]) && nearDate(x.facts.birthDate, p.birthDate));
  });
  if (nearPerson) return nearPerson;
  // The same given name (three letters or more) and the same whole birth date: the same person however OCR read the
  // family name in one copy, past the slips `near` allows ("Traibold, Dennis DOB 14 JUN 1997" in a footer beside
  // "TRIALFIELD, Dennis N." of the same birth date; "Synthel" cut from "Synthelli"). Only when one person fits.
  // Session 21 (o-2303, p-2104, OCR).
  const given = lettersOnly(p.given?.[0] ?? '');
  const sameBirth = people.filter((x) => !!p.birthDate && x.facts.birthDate === p.birthDate && given.length >= 3 && lettersOnly(x.facts.given?.[0] ?? '') === given && !!x.facts.family && !!p.family);
  return sameBirth.length === 1 ? sameBirth[0] : undefined;
}

/** How often the transmission prints a family name: its least printed word's count (`wordCounts`, lower case). */
function printedCount(family: string | undefined, counts: Map<string, number>): number {
  const words = (family ?? '').toLowerCase().match(/[a-z][a-z'’-]{2,}/g) ?? [];
  return words.length ? Math.min(...words.map((w) => counts.get(w) ?? 0)) : 0;
}

/**
 * The person whose family name these facts print exactly, with the same middle initial, whose given name of six
 * letters or more these read two letters off, as long ("SPECIMENMORE, WIROSMI N" beside "Hiroshi N Specimenmore"),
 * the birth dates not disagreeing: OCR misread two letters of one copy. The name stays as the person's. a-1801 (OCR).
 */
function givenTwoSlipsOff(people: Person[], p: PatientFacts): Person | undefined {
  const [g, m] = [p.given?.[0], p.given?.[1]];
  if (!g || !m || !p.family || g.length < 6 || !/^[A-Za-z]\.?$/.test(m)) return undefined;
  const hits = people.filter((x) => {
    const [xg, xm] = [x.facts.given?.[0], x.facts.given?.[1]];
    if (!xg || !xm || !x.facts.family || lettersOnly(x.facts.family) !== lettersOnly(p.family!)) return false;
    if (xm[0]!.toLowerCase() !== m[0]!.toLowerCase() || xg.length !== g.length) return false;
    if (x.facts.birthDate && p.birthDate && x.facts.birthDate !== p.birthDate) return false;
    return [...xg.toLowerCase()].filter((c, i) => c !== g.toLowerCase()[i]).length <= 2;
  });
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * The one person whose family name these lines print as a word (within one OCR slip for names of
 * five letters or more), or undefined when none or several do.
 */
function personNamedIn(people: Person[], lines: Line[]): Person | undefined {
  const words = lines.flatMap((l) => l.text.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= 3);
  const printed = (family: string) => {
    const parts = family.toLowerCase().split(/[^a-z]+/).filter(Boolean);
    const target = parts.join('');
    if (target.length < 4) return false;
    const slips = target.length >= 5 ? 1 : 0;
    for (let i = 0; i + parts.length <= words.length; i++) {
      if (editDistance(words.slice(i, i + parts.length).join(''), target, slips) <= slips) return true;
    }
    return false;
  };
  const named = people.filter((p) => p.facts.family && printed(p.facts.family));
  return named.length === 1 ? named[0] : undefined;
}

/** No fax header dates from before this: faxes were not stamped so then. */
const FAX_HEADERS_SINCE = '1990-01-01';

/**
 * The date the fax was sent, from the header lines of these pages: the latest date they print,
 * since a re-faxed page also carries the older header of its first sending. A date after today
 * is a misread year and is ignored.
 */
function sentDate(pages: CleanPage[]): string | undefined {
  const today = new Date().toISOString().slice(0, 10);
  // Nor was anything faxed before fax headers carried dates: a date that old is a birth date on a
  // running header taken for a fax header ("TRIALBERG,KATHERINE C ID 0049406258 JUL 17,1937").
  const dates = pages.flatMap((c) => c.faxHeaders).map((h) => findDates(h)[0]?.date).filter((d): d is string => !!d && d <= today && d >= FAX_HEADERS_SINCE);
  return dates.sort().pop();
}

/** The date a cover sheet opening one of these documents prints, when not after today. */
function coverDate(clean: CleanPage[], facts: Array<{ page: number; cover: boolean }>, ranges: Array<[number, number]>): string | undefined {
  const today = new Date().toISOString().slice(0, 10);
  for (const [first, last] of ranges) {
    if (!facts.find((f) => f.page === first)?.cover) continue;
    const d = findServiceDate(clean.filter((c) => c.page >= first && c.page <= last).flatMap((c) => c.lines), 'fax_cover_sheet');
    if (d && d <= today && d >= FAX_HEADERS_SINCE) return d;
  }
  return undefined;
}

/** The later of two ISO dates, either of which may be missing. */
function latestDate(a: string | undefined, b: string | undefined): string | undefined {
  return a && b ? (a > b ? a : b) : (a ?? b);
}

/**
 * Structure a fax transmission from its pages: documents (segments), patients (subjects),
 * FHIR resources with locations, a label for the whole transmission, and issues.
 */
export function structureTransmission(pages: ExtractedPage[]): Partial<Extraction> {
  const issues: ExtractionIssue[] = [];
  try {
    return run(pages ?? [], issues);
  } catch (e) {
    issues.push({ severity: 'error', code: 'structure-failed', message: `Could not structure the document: ${(e as Error).message}` });
    return { resources: [], issues };
  }
}

function run(pages: ExtractedPage[], issues: ExtractionIssue[]): Partial<Extraction> {
  const ordered = [...pages].filter((p) => p && typeof p.page === 'number').sort((a, b) => a.page - b.page);
  if (!ordered.length) return { resources: [], issues };
  const byNo = new Map(ordered.map((p) => [p.page, p]));
  // A page that writes its dotted dates day first has its ambiguous ones read so (dotted-dates.ts).
  // Dates the transmission prints in forms without the question (not dotted) tell an all-ambiguous page's order.
  const undotted = new Set(ordered.flatMap((p) => findDates(p.text ?? '').filter((d) => !/^\d{1,2}\.\d{1,2}\./.test(d.text)).map((d) => d.date)));
  // And the transmission's pages that decide their own order tell an all-ambiguous page's.
  const orders = ordered.map((p) => dottedOrder(p.text ?? ''));
  const transmission = { dayFirst: orders.reduce((n, o) => n + o.dayFirst, 0), monthFirst: orders.reduce((n, o) => n + o.monthFirst, 0) };
  // So does a page whose slashed dates, one at least, can only be day first (dotted-dates.ts `dayFirstSlashed`).
  const clean: CleanPage[] = ordered.map((p) => cleanPage(p.page, dayFirstSlashed(dayFirstDotted(p.text ?? '', undotted, transmission))));
  const facts = clean.map(pageFacts);
  const ranges = splitPages(clean, facts);
  const people: Person[] = [];
  const segments: DocumentSegment[] = [];
  const resources: ExtractedResource[] = [];
  const lineCount = new Map(clean.map((c) => [c.page, c.lines.length]));

  const allLines = clean.flatMap((c) => c.lines);
  const allText = allLines.map((l) => l.text).join('\n');
  const printedWords = wordCounts(allText);
  const printedNames = capitalisedWordCounts(allText);
  // Every page went out in the same transmission: its latest header date bounds every document's
  // dates (a page's own older header, re-faxed, may carry a year OCR garbled into the past).
  // Header lines OCR garbled past reading: the date the cover sheet says it was sent ("Date sent: Nov 21, 2022").
  // The latest of the two: the date is an upper bound, and a header year OCR garbled into the past
  // ("8 SEP 2001" for 18-SEP-2023) would otherwise push every later date of the fax out of bounds,
  // the cover's own "Date/Time: September 18, 2023" too.
  const sentOn = latestDate(sentDate(clean), coverDate(clean, facts, ranges));
  // First every document's own facts and person (a later document may name the person an earlier
  // one could not), then the documents and their resources.
  const found = ranges.map(([first, last]) => {
    const segPages = clean.filter((c) => c.page >= first && c.page <= last);
    const lines: Line[] = segPages.flatMap((c) => c.lines);
    const labRows = labResultRows(lines);
    const cls = facts.find((f) => f.page === first)?.cover ? { type: 'fax_cover_sheet' as const, confidence: 0.9 } : classify(lines, labRows.length);
    const type = cls.type;
    const patient = givenAsPrintedBeside(orderAsTransmissionPrints(spellAsPrinted(findPatient(lines, first), printedWords, printedNames, allText), allLines), allText);
    const facility = findFacility(lines) ?? undefined;
    const author = type === 'fax_cover_sheet' ? undefined : findAuthor(lines);
    let date = findServiceDate(lines, type, patient.birthDate, sentOn);
    // A cover sheet is dated the day it was sent: its own header line, else the date the transmission's headers print.
    if (type === 'fax_cover_sheet' && !date) date = findDates(segPages[0]?.faxHeaders[0] ?? '')[0]?.date ?? sentOn;
    const checked = ageCheckedBirthDate(patient.birthDate, patient.age, date ?? findDates(segPages[0]?.faxHeaders[0] ?? '')[0]?.date);
    // The year as read stands when an earlier document of the fax prints it in the same patient's
    // birth date (the cover's "Carl Doe, DOB 07/06/1954" beside "DOB: 07/08/1954 (87 yo M)"): the age is the misread.
    const yearPrintedBefore = !!patient.birthDate && !!patient.family && people.some((p) => p.hints.family?.toLowerCase() === patient.family!.toLowerCase() && [...p.dobVotes.keys()].some((d) => d.slice(0, 4) === patient.birthDate!.slice(0, 4)));
    if (checked !== patient.birthDate && !yearPrintedBefore) {
      // The copies read as the misread year vote for the mended date.
      const copies = new Map(patient.birthDateCopies);
      if (patient.birthDate && checked) {
        copies.set(checked, (copies.get(checked) ?? 0) + (copies.get(patient.birthDate) ?? 1));
        copies.delete(patient.birthDate);
      }
      patient.birthDateCopies = copies;
      patient.birthDate = checked;
      // The date of service was chosen while the misread birth date was excluded: choose again.
      date = findServiceDate(lines, type, checked, sentOn);
    }
    let person: Person | undefined;
    if (patient.name || patient.birthDate) {
      person = matchPerson(people, patient);
      const loose = person ? undefined : givenTwoSlipsOff(people, patient);
      if (loose) {
        person = loose;
        voteBirthDate(person, patient);
        if (patient.birthDate && !person.hints.birthDate) person.hints.birthDate = person.facts.birthDate = patient.birthDate;
      } else if (!person) {
        const hints = toPersonHints(patient, facility);
        if (hints) {
          person = { key: `patient-${people.length + 1}`, facts: patient, hints, dobVotes: new Map() };
          voteBirthDate(person, patient);
          people.push(person);
        }
      } else {
        // Same person seen again: fill in what the earlier document did not say.
        voteBirthDate(person, patient);
        const h = toPersonHints(patient, facility);
        if (h) {
          // The name as the clearer document reads it (OCR garbles one copy more than another).
          // A copy that cut a name short ("CHRISTO" of "CHRISTOPHER": a narrow cell, letters lost) never
          // replaces the whole name, whatever its score; the whole name replaces a cut one.
          const nameLetters = (x: { given?: string[]; family?: string }) => `${x.given?.[0] ?? ''} ${x.family ?? ''}`.toLowerCase().replace(/[^a-z ]/g, '');
          const cut = (a: string, b: string) => a !== b && a.split(' ').every((w, i) => (b.split(' ')[i] ?? '').startsWith(w));
          const [had, got] = [nameLetters(person.facts), nameLetters(patient)];
          // Else the family name the transmission prints more often: OCR garbles one copy, the fax repeats the name
          // (a footer's "Traibold" once against "Trialfield" on the cover, the document's row and the next document).
          // Only where the two counts differ; else the clearer document's reading. Session 21.
          const [gotCount, hadCount] = [printedCount(patient.family, printedWords), printedCount(person.facts.family, printedWords)];
          const clearer = cut(had, got) || (!cut(got, had) && (gotCount !== hadCount && lettersOnly(patient.family ?? '') !== lettersOnly(person.facts.family ?? '') ? gotCount > hadCount : patient.score > person.facts.score + 0.1));
          if (h.family && (!person.hints.family || clearer)) {
            Object.assign(person.hints, { name: h.name, given: h.given, family: h.family });
            Object.assign(person.facts, { name: patient.name, given: patient.given, family: patient.family, score: Math.max(person.facts.score, patient.score) });
          }
          // A birth date after the date of service is a misreading: take the other document's.
          const implausible = (d?: string) => !!d && !!date && d > date;
          if (h.birthDate && (!person.hints.birthDate || (implausible(person.hints.birthDate) && !implausible(h.birthDate)))) person.hints.birthDate = person.facts.birthDate = h.birthDate;
          if (!person.hints.gender && h.gender) person.hints.gender = h.gender;
          for (const id of h.identifiers ?? []) {
            if (!person.hints.identifiers?.some((i) => i.value === id.value)) person.hints.identifiers = [...(person.hints.identifiers ?? []), id];
          }
        }
      }
    }
    return { first, last, lines, labRows, cls, type, patient, facility, author, date, person };
  });

  // A document whose only patient reading is doubtful, a name without a birth date whose words the fax prints nowhere
  // else (a footer OCR garbled: "Feromal Medication Tit for Xbcal TS DOB OS 1197"), while the document prints the
  // family name of the one person of the fax another document names with a birth date ("... List For Abigail J.
  // Stubson, D("): that person, and the user is asked to check it. Session 21 (n-2404, OCR).
  for (const f of found) {
    const p = f.person;
    if (!p || p.hints.birthDate || f.type === 'fax_cover_sheet' || found.some((g) => g !== f && g.person === p)) continue;
    if (printedCount(p.facts.family, printedWords) > 1 || printedCount(p.facts.given?.[0], printedWords) > 1) continue;
    const named = personNamedIn(people.filter((x) => x !== p && !!x.hints.birthDate), f.lines);
    if (!named) continue;
    f.person = named;
    people.splice(people.indexOf(p), 1);
    issues.push({ severity: 'warning', code: 'patient-from-transmission', message: `The patient name read in the ${TITLES[f.type]!.toLowerCase()} on pages ${f.first}-${f.last} (${p.hints.name ?? 'no name'}) is printed nowhere else; it was given to ${named.hints.name ?? 'the patient'}, whose family name it prints, named in another document of this fax: check it.`, location: { page: f.first } });
  }

  // A document whose patient OCR could not read is about the person the cover sheet before it
  // names; without a cover, about the one person another document of this fax names whose family
  // name this document prints somewhere (a footer, a running header OCR read without its label).
  // Either way the user is asked to check it.
  let coverPerson: Person | undefined;
  for (const f of found) {
    const { first, last, type } = f;
    if (type === 'fax_cover_sheet') coverPerson = f.person;
    else if (!f.person && type !== 'other') {
      const named = coverPerson ? undefined : personNamedIn(people, f.lines);
      const person = coverPerson ?? named;
      if (!person) continue;
      f.person = person;
      const from = coverPerson ? 'named on the cover sheet' : 'whose family name it prints, named in another document of this fax';
      issues.push({ severity: 'warning', code: coverPerson ? 'patient-from-cover' : 'patient-from-transmission', message: `No patient name or birth date could be read in the ${TITLES[type]!.toLowerCase()} on pages ${first}-${last}; it was given to ${person.hints.name ?? 'the patient'} ${from}: check it.`, location: { page: first } });
    }
  }

  // A fax prints a patient's birth date in several documents (cover RE: line, page heads, labels)
  // and OCR misreads a digit in one copy here, another there: the reading printed in more copies
  // wins over the first document's (a birth date after a document's date of service is none).
  for (const p of people) {
    const cur = p.hints.birthDate;
    const [top, n] = [...p.dobVotes.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    const dated = found.filter((f) => f.person === p && f.date).map((f) => f.date!);
    if (top && cur && top !== cur && n! > (p.dobVotes.get(cur) ?? 0) && !dated.some((d) => top > d)) p.hints.birthDate = p.facts.birthDate = top;
  }

  // The patient's birth date as another document reads it is no date of service either (this one's
  // label OCR garbled: "0OOB 03/16/2006 (17 yo F)").
  for (const f of found) {
    const dob = f.person?.hints.birthDate;
    if (dob && f.date === dob && f.patient.birthDate !== dob) f.date = findServiceDate(f.lines, f.type, dob, sentOn);
  }

  for (const { first, last, lines, labRows, cls, type, patient, facility, author, date, person } of found) {
    const idConf = person ? patient.score : 0;
    const seg: DocumentSegment = {
      firstPage: first,
      lastPage: last,
      type,
      ...(date ? { date } : {}),
      ...(facility ? { facility } : {}),
      ...(author ? { author } : {}),
      title: TITLES[type] ?? 'Document',
      ...(person ? { subject: person.key } : {}),
      confidence: Math.round(Math.min(cls.confidence, type === 'fax_cover_sheet' ? 1 : Math.max(idConf, 0.3)) * 100) / 100,
    };
    segments.push(seg);
    if (!person && type !== 'fax_cover_sheet' && type !== 'other') {
      issues.push({ severity: 'warning', code: 'no-patient', message: `No patient name or birth date found in the ${TITLES[type]!.toLowerCase()} on pages ${first}-${last}; choose the person by hand.`, location: { page: first } });
    }
    const subjectRef: Reference<Patient> | undefined = person ? { reference: `Patient/${person.key}`, ...(person.hints.name ? { display: person.hints.name } : {}) } : undefined;
    const subjectRequired: Reference<Patient> = subjectRef ?? { display: 'Unknown patient' };
    const withSubject = (r: ExtractedResource): ExtractedResource => (person ? { ...r, subject: person.key } : r);
    const loc = (page: number, tokens: string[], lineIndex?: number) => locate(byNo.get(page), page, tokens, lineIndex, lineCount.get(page));

    if (type === 'lab_report' && labRows.length) {
      const results: string[] = [];
      for (const [ri, row] of labRows.entries()) {
        const fullUrl = uuid('obs', String(first), String(ri), row.name, row.value, date ?? '');
        results.push(fullUrl);
        resources.push(withSubject({ resource: toObservation(row, subjectRef, ('effective' in row && row.effective) || date), fullUrl, location: loc(row.page, row.tokens, row.lineIndex) }));
      }
      const panels = [...new Set(labRows.map((r) => r.panel).filter((p): p is string => !!p))];
      resources.push(withSubject({ resource: toDiagnosticReport(panels, results, subjectRef, date, facility), fullUrl: uuid('dr', String(first), date ?? ''), location: { page: first } }));
    }
    if (['medication_list', 'discharge_summary', 'office_visit_note', 'referral_letter'].includes(type)) {
      for (const m of parseMedications(lines)) {
        resources.push(withSubject({ resource: toMedicationStatement(m, subjectRequired, date), location: loc(m.line.page, m.tokens, m.line.index) }));
      }
    }
    if (type === 'immunization_record') {
      for (const r of parseImmunizations(lines)) {
        resources.push(withSubject({ resource: toImmunization(r, subjectRequired), location: loc(r.line.page, r.tokens, r.line.index) }));
      }
    }
    if (['discharge_summary', 'office_visit_note', 'referral_letter', 'radiology_report', 'lab_report', 'medication_list'].includes(type)) {
      for (const d of parseDiagnoses(lines)) {
        resources.push(withSubject({ resource: toCondition(d, subjectRequired, date), location: loc(d.line.page, [d.code, ...d.text.split(/\s+/)], d.line.index) }));
      }
    }
  }

  const subjects: Record<string, PersonHints> = {};
  for (const p of people) subjects[p.key] = p.hints;
  const header = clean.map((c) => c.faxHeaders[0]).find(Boolean);
  const txDate = header ? findDates(header)[0]?.date : undefined;
  const cover = segments.find((s) => s.type === 'fax_cover_sheet');
  const sender = faxSenderName(header ? senderFromHeader(header) : undefined, [cover?.facility, ...segments.map((s) => s.facility)]);
  const docs = segments.filter((s) => s.type !== 'fax_cover_sheet');
  const label: NonNullable<Extraction['label']> = {
    type: docs.length === 1 ? docs[0]!.type! : 'fax_transmission',
    ...(txDate ? { date: txDate } : docs.length === 1 && docs[0]!.date ? { date: docs[0]!.date } : {}),
    ...(cover?.facility ?? sender ? { facility: cover?.facility ?? sender } : {}),
    title: `Fax${sender ? ` from ${sender}` : ''}: ${docs.length} document${docs.length === 1 ? '' : 's'}${txDate ? ` (${txDate})` : ''}`,
  };
  return {
    resources,
    issues,
    segments,
    ...(people.length ? { subjects } : {}),
    label,
  };
}
