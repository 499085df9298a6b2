/**
 * Splitting a fax transmission into documents. A page starts a new document when it is a
 * cover sheet or follows one, when its own page marker says "page 1 of N" (or the previous
 * page said it was the last), or when the patient or the date of service changes.
 */
import { classify } from './classify.js';
import { unfoldColumnLabels } from './column-labels.js';
import { mendDateLabels } from './date-slips.js';
import { findDates } from './dates.js';
import { allowedEdits, editDistance, lettersOnly } from './fuzzy.js';
import { findPatient, type PatientFacts } from './identity.js';
import { labResultRows } from './lab-results.js';
import type { CleanPage, Line } from './lines.js';

export interface PageFacts {
  page: number;
  cover: boolean;
  pageOf?: { k: number; n: number };
  /** The page marker stands on the page's top line. */
  pageOfOnTopLine?: boolean;
  patient: PatientFacts;
  /** Dates printed after a service-date label (collected, exam date, visit date, admitted...). */
  serviceDates: string[];
  /** Type whose title appears in the page head, if any. */
  headType?: string;
  /** Type of the page taken alone. */
  pageType: string;
  labRows: number;
  /** A letter's salutation ("Dear Dr. Protoson,") opens a paragraph on the page. */
  salutation?: boolean;
  /** The page says its report ends here ("End of report", "*** END OF REPORT ***"). */
  endsReport?: boolean;
  /** Opening sections a report states once (INDICATION, TECHNIQUE, CHIEF COMPLAINT...), as headings on this page. */
  openings: string[];
  /** A running footer's page number without a total ("Doe, Jane   DOB: ...   Page 2"). */
  barePage?: number;
}

/**
 * A footer's page number printed without the total ("DOE,JANE   DOB: 01/02/1950   Page 2   FORM 10-1000"): a cell "Page N"
 * after a wide gap, ending its line or followed by another wide gap, in the page's last three printed lines. Not "Page
 * 2 of 3" (pageMarker's), nor prose ("see page 2").
 */
function barePageNumber(lines: Line[]): number | undefined {
  const tail = lines.filter((l) => l.text.trim()).slice(-3);
  for (const l of tail.reverse()) {
    const m = /(?:^\s*|\S\s{2,})(?:page|pg\.?)\s*(\d{1,3})(?=\s{2,}|\s*$)/i.exec(l.text);
    if (m && !/^\s*(?:of|\/)/i.test(l.text.slice(m.index + m[0].length))) return Number(m[1]);
  }
  return undefined;
}

/**
 * Sections that open a report and that it states once: a page printing one the document has
 * already printed starts another report (a batch of imaging reports whose headers OCR garbled).
 * Sections that run on over pages (FINDINGS, IMPRESSION, results tables) are not among them.
 */
// Also as a heading alone on its line ("Chief Complaint" over the complaint).
// A visit summary's "Visit type:" opening its line too (t-1802 (OCR): two visit summaries whose heads OCR lost).
const OPENING_SECTION = /^\s*(indication|clinical\s+(?:history|indication)|technique|chief\s+complaint|history\s+of\s+present\s+illness|reason\s+for\s+(?:referral|visit|exam)|visit\s+type(?=\s*:))\s*(?:[:;]|$)/i;

function openingSections(lines: Line[]): string[] {
  const out = new Set<string>();
  for (const l of lines) {
    const m = OPENING_SECTION.exec(l.text);
    if (m) out.add(m[1]!.toLowerCase().replace(/\s+/g, ' '));
  }
  return [...out];
}

// `COLL:` too, the collection's abbreviation before its date (an occupational-health slip's `COLL: 07/18/2021 09:02`):
// two such reports of one patient in a row had run together. Session 23 (j-2905 OCR, also its GT text).
const SERVICE_LABEL =
  /\b(?:collected|coll\b\.?(?=\s*:?\s*\d)|collection\s+date(?:\s*\/\s*time)?|date(?:\s*\/\s*time)?\s+collected|exam\s+date|date\s+of\s+(?:service|exam|visit|collection|procedure|admission|discharge)|visit\s+date|service\s+date|admitted|admission\s+date|discharged|discharge\s+date|accession|acc#|specimen\s+(?:id|[1lI]D)|specimen|claim\s*(?:#|number|no\.?|id)|enc(?:ounter)?\b(?:\s*(?:#|number|no\.?|id))?)\s*#?\s*[:#]?\s*/gi;

function serviceKeys(lines: Line[]): string[] {
  const out: string[] = [];
  // Labels printed over their values ("Patient Name   DOB   Collection Date/Time") read as "Label: value".
  for (const u of unfoldColumnLabels(lines)) {
    // Label words OCR misread a letter off ("Colloctod:") read as the labels. t-9723 (OCR): split.
    const l = { ...u, text: mendDateLabels(u.text) };
    SERVICE_LABEL.lastIndex = 0;
    for (let m = SERVICE_LABEL.exec(l.text); m; m = SERVICE_LABEL.exec(l.text)) {
      const rest = l.text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      // An encounter number is one visit's: a page printing another is another visit's report. The ID of a
      // specimen's label also with its I read as a 1 ("Specimen 1D: 7550328388"). a-1801 (OCR): split.
      if (/accession|acc#|specimen|claim|enc/i.test(m[0])) {
        // An identifier carries a digit: the next caption of a grid ("ACCESSION   REFERRING") is no number,
        // and two reports reading the same caption word would otherwise look like one accession.
        const id = /^(?=[A-Z-]*\d)([A-Z0-9][A-Z0-9-]{4,})/.exec(rest);
        if (id) out.push(`id:${id[1]}`);
        continue;
      }
      const d = findDates(rest)[0];
      if (d && d.index < 6) out.push(`date:${d.date}`);
    }
  }
  return out;
}

/** A letter's salutation at a line's start ("Dear Dr. Megan Protoson,", "Dear Colleague:"). */
const SALUTATION = /^\s*(?:DEAR|[Dd]ear)\s+(?:(?:[Dd]r|DR|[Mm]rs?|MRS?|[Mm]s|MS|[Dd]octor|[Cc]olleague)\b\.?|[A-Z][a-z]+\b)[^\n]{0,40}[,:]\s*$/;

/**
 * A report's closing line, also through OCR slips in its words ("Fnd of roport"): what follows it on the
 * next page is another document.
 */
const END_OF_REPORT = /\b[ef]nd\s+of\s+(?:the\s+)?(?:r[eo]p[eo]rt|document)\b/i;

/**
 * What a fax cover sheet keeps through OCR that garbled its field labels past classification: the fax service's
 * own name, a word glued to "Fax" at the page's head ("CloudLineFax", "SnapFax", "CioudlineFax": the service prints
 * its cover, not the documents after it), or its URGENT mark a letter off ("JRGENT", "VRGENT", "JUrgent").
 * Looked for on a transmission's first page only, and only when no type's evidence spoke for the page: a first page
 * that reads as a report stays one. u-1803 tx-0002, tx-0010, x-1805 tx-0008 (OCR): covers read as 'other'.
 */
function garbledCoverMarks(lines: Line[]): boolean {
  const head = lines.filter((l) => l.text.trim()).slice(0, 8);
  if (head.some((l) => /(?:^|[^A-Za-z])[A-Za-z]{2,}[a-z](?:Fax|FAX)(?![A-Za-z])/.test(l.text))) return true;
  return lines.some((l) => (l.text.match(/[A-Za-z]{5,7}/g) ?? []).some((w) => /^[A-Za-z]{0,2}(?:rgent|RGENT)$/.test(w) && editDistance(w.toLowerCase(), 'urgent', 1) <= 1));
}

export function pageFacts(p: CleanPage): PageFacts {
  const labRows = labResultRows(p.lines).length;
  const cls = classify(p.lines, labRows);
  const headLines = p.lines.filter((l) => l.text.trim()).slice(0, 12);
  const head = classify(headLines, 0);
  return {
    page: p.page,
    cover: (cls.type === 'fax_cover_sheet' || (p.page === 1 && cls.type === 'other' && garbledCoverMarks(p.lines))) && labRows < 3,
    ...(p.pageOf ? { pageOf: p.pageOf } : {}),
    ...(p.pageOfOnTopLine ? { pageOfOnTopLine: true } : {}),
    patient: findPatient(p.lines, p.page),
    serviceDates: serviceKeys(p.lines),
    ...(head.type !== 'other' && head.score >= 4 ? { headType: head.type } : {}),
    pageType: cls.type,
    labRows,
    openings: openingSections(p.lines),
    ...(p.lines.some((l) => SALUTATION.test(l.text)) ? { salutation: true } : {}),
    ...(p.lines.some((l) => END_OF_REPORT.test(l.text)) ? { endsReport: true } : {}),
    ...(barePageNumber(p.lines) !== undefined ? { barePage: barePageNumber(p.lines) } : {}),
  };
}

/** A birth date no living patient has (over 115 years back) is an OCR misreading: no evidence either way. */
function plausibleBirthDate(d: string | undefined): string | undefined {
  return d && Number(d.slice(0, 4)) >= new Date().getFullYear() - 115 ? d : undefined;
}

function samePerson(pa: PatientFacts, pb: PatientFacts): boolean | undefined {
  const a = { ...pa, birthDate: plausibleBirthDate(pa.birthDate) };
  const b = { ...pb, birthDate: plausibleBirthDate(pb.birthDate) };
  if (a.birthDate && b.birthDate && a.birthDate !== b.birthDate) {
    // A birth date a digit off where one page's family name was not read: a digit OCR misread ("08/11/1995" for
    // 08/13/1995 on a page's footer), no evidence either way. t-1802 (OCR): a discharge summary split at its last page.
    const digitsOff = [...a.birthDate].filter((c, i) => c !== b.birthDate![i]).length;
    if (digitsOff === 1 && a.birthDate.length === b.birthDate.length && !(a.family && b.family)) return undefined;
    return false;
  }
  if (a.family && b.family) {
    const fa = a.family.toLowerCase();
    const fb = b.family.toLowerCase();
    // One page's family name is the other's given name: the name read in the other order ("Fakesson Christina" for
    // Christian R Fakesson), its other half garbled: no other patient by name. t-1802 (OCR): a lab report split.
    const firstOf = (p: PatientFacts) => p.given?.[0]?.toLowerCase();
    const ga = firstOf(a);
    const gb = firstOf(b);
    const close = (x: string | undefined, y: string | undefined, extra = 0) => !!x && !!y && editDistance(lettersOnly(x), lettersOnly(y), allowedEdits(Math.max(x.length, y.length)) + extra) <= allowedEdits(Math.max(x.length, y.length)) + extra;
    if (fa !== fb && ((close(fa, gb) && close(fb, ga, 1)) || (close(fb, ga) && close(fa, gb, 1)))) return undefined;
    // A family name OCR garbled by a letter or two is no other patient ("Preucoworth" for Pseudoworth).
    const slips = allowedEdits(Math.max(fa.length, fb.length));
    const near = editDistance(lettersOnly(fa), lettersOnly(fb), slips) <= slips;
    if (fa !== fb && !fa.includes(fb) && !fb.includes(fa) && !near) return a.birthDate && b.birthDate ? undefined : false;
    return true;
  }
  if (a.birthDate && b.birthDate) return true;
  return undefined;
}

/** A row's cells as words alone, for comparing header rows OCR spaced differently. */
const rowKey = (text: string) =>
  text
    .trim()
    .split(/\s{2,}/)
    .map((c) => c.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean)
    .join('|');

/**
 * The page opens on a table's header row (three cells or more, words only) that the page before printed too:
 * the table runs on over the page break ("Medication   Instructions   Status" repeated), so the page's
 * phrases are that table's, not a new document's. t-9723 (OCR): a discharge summary's second page was taken
 * for a medication list.
 */
function tableContinues(prev: CleanPage, page: CleanPage): boolean {
  // On the top line, or under a header line OCR garbled past being set aside.
  const top = page.lines.filter((l) => l.text.trim()).slice(0, 2);
  const keys = top.filter((l) => !/\d/.test(l.text)).map((l) => rowKey(l.text)).filter((k) => k.split('|').length >= 3);
  return keys.some((key) => prev.lines.some((l) => rowKey(l.text) === key));
}

/** Page ranges [first, last] of the documents in a transmission. */
export function splitPages(pages: CleanPage[], facts: PageFacts[]): Array<[number, number]> {
  if (!pages.length) return [];
  // Page markers that merely count transmission pages belong to the fax header, not to a document.
  const total = pages.length;
  const ttiLike = facts.filter((f) => f.pageOf).every((f) => f.pageOf!.n === total && f.pageOf!.k === f.page) && facts.filter((f) => f.pageOf).length > 1;
  // So does a marker alone on a page's top line that counts this page of the whole transmission
  // ("P. 3/3" in a header OCR garbled past recognition as one).
  const counter = (f: PageFacts) => !!f.pageOfOnTopLine && f.pageOf!.k === f.page && f.pageOf!.n === total && total > 1;
  const marker = (f: PageFacts) => (ttiLike || counter(f) ? undefined : f.pageOf);
  const starts: number[] = [0];
  let segStart = 0;
  for (let i = 1; i < facts.length; i++) {
    const f = facts[i]!;
    const prev = facts[i - 1]!;
    const m = marker(f);
    const pm = marker(prev);
    let boundary = false;
    if (f.cover || prev.cover) boundary = true;
    else if (m && m.k === 1) boundary = true;
    else if (pm && pm.k === pm.n && !(m && m.k > 1)) boundary = true;
    // After a page that closes its report, unless this page is marked as that report's next one. t-9723 (OCR):
    // three reference-lab reports whose "Page 1 of 2" markers OCR garbled ("Pago 20f2").
    else if (prev.endsReport && !(m && m.k > 1)) boundary = true;
    else if (m && m.k > 1 && pm && pm.k === m.k - 1 && pm.n === m.n) boundary = false;
    // A running footer numbering its pages without a total ("... Page 1", then "... Page 2"), the same patient's: the
    // document goes on, whatever the continuation page's own words (its last sections, a signature's date) suggest.
    // Session 24 (y-7800: a discharge summary's second page split off as a radiology report for "Repeat chest x-ray").
    else if (!m && !pm && f.barePage !== undefined && f.barePage > 1 && prev.barePage === f.barePage - 1 && samePerson(prev.patient, f.patient) !== false) boundary = false;
    else {
      // Compare with what the current document has said so far.
      const seg = facts.slice(segStart, i);
      const segPatient = seg.map((x) => x.patient).find((p) => p.family || p.birthDate);
      const same = segPatient ? samePerson(segPatient, f.patient) : undefined;
      // A page marked as a later page of its document ("Page 2 of 2") after a page whose marker OCR lost
      // continues it, unless the patient differs by a name read with confidence or by birth date: a name
      // OCR garbled ("Tratbuny" for Trialbury) is no other patient. a-8191 (OCR): split 0.989 -> 1.000.
      const continues = !!m && m.k > 1 && !pm && !!segPatient && Math.min(segPatient.score, f.patient.score) < 0.5 && !(segPatient.birthDate && f.patient.birthDate && segPatient.birthDate !== f.patient.birthDate);
      if (same === false && !continues) boundary = true;
      else if (!(m && m.k > 1)) {
        const segKeys = new Set(seg.flatMap((x) => x.serviceDates));
        const mine = f.serviceDates;
        const segDates = [...segKeys].filter((k) => k.startsWith('date:'));
        const myDates = mine.filter((k) => k.startsWith('date:'));
        const segIds = [...segKeys].filter((k) => k.startsWith('id:'));
        const myIds = mine.filter((k) => k.startsWith('id:'));
        const segOpenings = new Set(seg.flatMap((x) => x.openings));
        if (segDates.length && myDates.length && !myDates.some((d) => segKeys.has(d))) boundary = true;
        else if (f.openings.some((o) => segOpenings.has(o))) boundary = true;
        // A letter's salutation on a page of another type than the document so far, which greeted no one: a
        // letter starts there (a referral letter after a medication list, its head a letterhead's address block
        // with no title). w-9412 (OCR and GT): split.
        else if (f.salutation && !seg.some((x) => x.salutation) && f.pageType !== (seg.map((x) => x.headType).find(Boolean) ?? seg[0]!.pageType)) boundary = true;
        // A letter greets once: a page with its own salutation after a page of the document that greeted someone is
        // another letter (a results letter, then a consultation letter, their "Page 1 of 1" footers garbled).
        // u-1803 (OCR): split.
        else if (f.salutation && seg.some((x) => x.salutation)) boundary = true;
        // A results table after pages without any (a lab report without a title after a letter).
        else if (f.pageType === 'lab_report' && f.labRows >= 5 && seg.every((x) => x.labRows < 3 && x.pageType !== 'lab_report')) boundary = true;
        // A page of another type, without a result row, after a lab report every page of which printed its results: the
        // report's own last page carries its comments, not another type's phrases (a referral form after a lab report, both
        // heads OCR garbled). y-1815 (OCR): split.
        else if (f.labRows === 0 && f.pageType !== 'other' && f.pageType !== 'lab_report' && f.pageType !== 'fax_cover_sheet' && seg.every((x) => x.pageType === 'lab_report' && x.labRows >= 5)) boundary = true;
        else if (segIds.length && myIds.length && !myIds.some((d) => segKeys.has(d))) boundary = true;
        else if (f.headType && (f.patient.score >= 0.5 || f.pageType === f.headType) && !tableContinues(pages[i - 1]!, pages[i]!)) {
          // A new title at the top of the page, of another type than the document so far.
          const segType = seg.map((x) => x.headType).find(Boolean) ?? seg[0]!.pageType;
          if (segType && segType !== f.headType) boundary = true;
        }
      }
    }
    if (boundary) {
      starts.push(i);
      segStart = i;
    }
  }
  return starts.map((s, j) => [pages[s]!.page, pages[(starts[j + 1] ?? pages.length) - 1]!.page]);
}
