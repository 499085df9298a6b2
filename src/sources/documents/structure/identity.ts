/**
 * Who a document is about (patient name, date of birth, MRN) and its labels (date of service,
 * facility, author), found by label variants common on US records. Pure; never throws.
 */
import type { PersonHints } from '../../../core/types.js';
import { dateAfter, findDates, garbledMonthDate, lettersAsDigits, slashlessDate } from './dates.js';
import { editDistance, lettersOnly, respellNear } from './fuzzy.js';
import { cells, pageMarker, type Line } from './lines.js';

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

const NOT_NAME = new Set(
  ('patient name information details report dob date birth sex gender male female age mrn fax phone page specimen account acct ' +
    'final results result lab laboratory laboratories medical records record clinic hospital health center services service ' +
    'provider physician ordering referring attending client member plan claim exam history immunization official registry ' +
    'summary discharge medication medications list note notes progress visit to from re subject pages cover sheet confidential ' +
    'urgent review comments message department the and of for with attn attention requested request test tests address ' +
    'insurance billing statement explanation benefits collected received reported printed status id chart total radiology imaging ' +
    'primary care family internal medicine associates group diagnostics dear sincerely no none unknown registry customer resident').split(' '),
);
const SUFFIX = /^(?:jr|sr|ii|iii|iv|md|do|np|pa|rn|phd|mbbs|dds|pa-c|fnp|aprn)\.?$/i;

function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/(^|[\s'’-])([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** Cut a captured string down to the name at its start: stops at wide gaps, labels, digits, brackets. */
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
    const fam = a.trim().split(' ').filter(Boolean);
    // Given name plus at most one initial: anything further is a neighbouring column.
    const gv = b.trim().split(' ').filter((x) => x && !SUFFIX.test(x));
    const giv = gv.slice(0, 1);
    if (gv[1] && /^[A-Za-z]\.?$/.test(gv[1])) giv.push(gv[1]);
    if (!fam.length || !giv.length || fam.length > 3) return null;
    family = fam.join(' ');
    given = giv;
    // "Jean J, Pseudoton": the point after a middle initial read as a comma. No family name ends in
    // one letter, so the name is "First M. Last". t-8797 identity OCR: tx-0005's third report.
    if (fam.length === 2 && /^[A-Z][a-z]/.test(fam[0]!) && /^[A-Z]$/.test(fam[1]!) && gv.length === 1 && /^[A-Z][a-z]/.test(gv[0]!)) [family, given] = [gv[0]!, [fam[0]!, `${fam[1]}.`]];
  } else {
    const toks = t.split(' ').filter((x) => x && !SUFFIX.test(x));
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

// "DOB" also as OCR reads it: "D0B", "DO8", "00B"; and with its D cut off by a shifted left margin
// ("OB / Sex:  04/12/1960" opening the line).
// "DOB / Sex:" also with its slash misread ("DOB /|Sex:", "DOB f Sex:"); "Birth Date" with its B
// misread ("Hirth Date:", "Beth Date:"); "DOR", "DDB", "008:" before a date (a word of its own: not "Doris").
const DOB_LABEL = /\b(?:D[./]?\s?[O0][./]?\s?[B8]\.?|D[O0D]R\b|DDB\b|0[O0]8(?=:?\s*\d{1,2}\/)|B[a-z]{1,3}th\s*Date|B[il1][a-z]{1,2}th\b[^\d\n]{1,8}(?=\d{1,2}[/.-]?\d{1,2}[/.-]\d{2,4}\b)|0\.?\s?[O0]\.?\s?B\.?|0\.[O0]\.8\.?(?=\s*\d{1,2}\/)|Date\s+of\s+B(?:irth|[a-z]{1,3}th\b)|[A-Za-z]?irth\s*Date|Birthdate|Born)(?:\s*[/|lIf1]{1,2}\s*(?:Sex|Gender|Age))?\s*[:#]?|^\s*OB(?:\s*\/\s*(?:Sex|Gender|Age))?\s*:|(?<=\s[-–·•+|]\s?)OB\b(?=\s*(?:[A-Z][a-z]{2}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}))/i;
const MRN_RE =
  /\b(?:MRN|MR\s*#|MR\s*No\.?|Med(?:ical)?\.?\s*Rec(?:ord)?\.?\s*(?:#|No\.?|Number)|Patient\s*ID|Pt\.?\s*ID|Chart\s*(?:#|No\.?|Number))\s*[:#]?\s*(?:#\s*)?([A-Z]{0,3}-?\d[A-Z0-9-]{3,})/i;
// The colon also as OCR reads it: a semicolon ("Patient Name;  DRAFTEZ, ROBERT").
// "Name" also as OCR misreads it: "Narne" (rn for m), "Nane", "Naw".
// Who the record is about is also the "Resident" of a nursing home, a "Client" of a clinic, a
// pharmacy's "Customer".
const NAME_LABEL = /\b(?:Patient(?:'s)?\s*(?:Name|Narne)|Pt\.?\s*Name|Patient|Pt|Name|Narne|Nane|Naw|Member(?:\s*Name)?|(?:Resident|Client|Customer)(?:\s*Name)?|(?:[RH]esults|Report|Records?)\s+[ft]or)\s*(?:\((?:last|first|,|\s|mi|middle)+\))?\s*(?:[:;]|(?<=\S)\s[-–](?=\s))\s*/gi;
/**
 * A name label whose colon OCR lost or read as a point, before a "LAST, First M" name ("Patient
 * Sampleridge, Mary B", "Patient. DOE, JANE"), its comma also read as a point ("Name DOE. JANE").
 */
const NAME_LABEL_NO_COLON = /\b(?:Patient(?:'s)?\s*Name|Pt\.?\s*Name|Patient|Name)\.?\s+([A-Z][A-Za-z'’-]+(?:,|\.(?=\s))\s*[A-Z][A-Za-z'’-]+(?:\s+[A-Z]\.?)?)(?=\s|$)/;
/**
 * The same before a "First [M.] Last" name that another label or a date follows ("Patient Jane Q.
 * Doe   DOB 01/02/1960", "Patient. Jane Doe MRN 123", "Patient   Jane Doe 01/02/1960 Sex: F").
 * "Date of birth" also in lower case, as a grid OCR flattened prints it ("Patient Betty D. Proxywright Date of
 * birth Jun 15, 1960"): t-8797 identity OCR, tx-0006's summary.
 */
const NAME_LABEL_NO_COLON_FIRST_LAST =
  /\b(?:Patient(?:'s)?\s*Name|Patient|Name|Resident|Client|Customer)\.?\s+([A-Z][A-Za-z'’-]+(?:\s+[A-Z]\.?)?\s+[A-Z][A-Za-z'’-]+)(?=\s*[,·|•]?\s*(?:(?:DOB|DOR|D\.O\.B|Date\s+of\s+[Bb]irth|[A-Za-z]?irth\s*Date|Born|MRN|MR\s*#|Sex|Gender|Age)\b|\d{1,2}\/\d{1,2}\/\d{4}\b|\([A-Za-z]{3,10}\)(?:\s{2,}|\s*$)))/;

interface Cand {
  key: string;
  parsed: { name: string; given: string[]; family: string };
  score: number;
}

function nameKey(p: { given: string[]; family: string }): string {
  return `${p.given[0]!.toLowerCase()}|${p.family.toLowerCase()}`;
}

/**
 * The line with the Name and Patient labels OCR misread by one letter spelled right again
 * ("Nome:", "Patent", "Patlent:", and "Pauent": a "ti" read as one "u"): same first letter, one
 * edit, four letters or more.
 */
export function mendIdentityLabels(line: string): string {
  // A label's dot leader before its colon ("PATIENT....: DOE, JANE", "CHART #....:"): the label and its colon.
  line = line.replace(/([A-Za-z#])\.{2,}\s?:/g, '$1:');
  return respellNear(line, /\b[A-Za-z1|]{4,8}\b/g, ['name', 'patient'], (w) => w.toLowerCase().replace(/[1|]/g, 'l'), (w) => w.replace(/ti/g, 'u'));
}

/** Text with the accents OCR adds to letters removed ("Namé" is Name). */
const withoutAccents = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Name candidates on one line of text (several label forms). */
function lineNameCands(line: string, next: string | undefined, prev: string | undefined): Array<{ raw: string; score: number }> {
  const out: Array<{ raw: string; score: number }> = [];
  // A space OCR read as an underscore ("Dummylli, Maria P_DOB: 08/21/1953"); no name holds one.
  // The Patient label with a letter lost or misread ("Patent Thomas Doe DOB ...", "Patlent:").
  // A speck beside a name's comma ("NAME: STUBFORD,. STEPHANIE"): the comma alone.
  const text = mendIdentityLabels(line.replace(/_/g, ' ').replace(/([A-Za-z])(?:,\s?\.|\.\s?,)(?=\s*[A-Z])/g, '$1,'));
  const bare = NAME_LABEL_NO_COLON.exec(text) ?? NAME_LABEL_NO_COLON_FIRST_LAST.exec(text);
  if (bare) out.push({ raw: bare[1]!, score: 2 });
  // The Patient label two letters off ("Patont", "Pafent") before a LAST, FIRST cell: the comma
  // form itself says a name follows.
  const garbledLabel = /^\s*([Pp][A-Za-z]{3,7})[:;.]?\s+([A-Z][A-Za-z'’-]+,\s?[A-Z][A-Za-z'’-]+(?:\s[A-Z]\.?)?)(?=\s{2,}|$)/.exec(text);
  if (!bare && garbledLabel && editDistance(garbledLabel[1]!.toLowerCase(), 'patient', 2) <= 2) out.push({ raw: garbledLabel[2]!, score: 2 });
  NAME_LABEL.lastIndex = 0;
  for (let m = NAME_LABEL.exec(text); m; m = NAME_LABEL.exec(text)) {
    const before = text.slice(0, m.index);
    if (/\b(?:provider|physician|doctor|ordering|referring|attending|printed by|to|from)\s*$/i.test(before)) continue;
    // A name label that names a thing or another party ("Trade name: Fluzone High-Dose", "Facility Name:", "Employer name:").
    if (/\b(?:trade|brand|product|vaccine|drug|medication|generic|test|facility|practice|clinic|hospital|company|employer|insurance|plan|payer|pharmacy|lab(?:oratory)?|file|user|guarantor|subscriber|insured|contact|prescriber)\s*$/i.test(before)) continue;
    const strong = /patient|pt/i.test(m[0]);
    out.push({ raw: cutName(text.slice(m.index + m[0].length)), score: strong ? 3 : 2 });
  }
  // "NAME DOB: ..." / "NAME (MRN ...)" / "NAME, DOB ..." / "NAME Birth date: ..." at the start of a cell, or a first cell followed by a DOB cell.
  const cs = cells(text);
  for (const c of cs) {
    // The DOB label also as OCR misreads it ("008", "D0B") when a date follows it.
    // A middle dot between the fields may read as a plus ("Sharon Protoby + DOB Jun 27, 2009").
    // A DOB that lost its D after such a dot ("Madison Fictridge - OB Aug 9, 1964").
    const m = /^([A-Za-z][A-Za-z'’ ,.-]{2,50}?)\s*[,(·|•+-]?\s*(?:\(?\s*(?:DOB|D\.O\.B\.?|MRN|Birth\s*date|Date\s+of\s+birth)\b|[D0O][O0][B8]\.?:?\s*\d{1,2}[/.-]\d)/i.exec(c.text) ?? /^([A-Za-z][A-Za-z'’ ,.]{2,50}?)\s+[-–·•+]\s?OB\s+(?=[A-Z][a-z]{2}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})/.exec(c.text);
    if (m) out.push({ raw: cutName(m[1]!), score: 2 });
  }
  if (cs.length >= 2 && cs[0]!.start < 8 && /^(?:DOB|D\.O\.B\.?|Date of Birth)\b/i.test(cs[1]!.text) && !/:/.test(cs[0]!.text)) out.push({ raw: cutName(cs[0]!.text), score: 2 });
  // A claim's member printed beside its claim or member number (payer EOBs: "Dmitri Madeupcott   Claim number: 5976K30899463").
  if (cs.length >= 2 && cs[0]!.start < 8 && /^(?:claim|member|subscriber)\s*(?:#|no\.?|number|id)\b/i.test(cs[1]!.text) && /^[A-Z][a-z'’-]+(?: [A-Z]\.?)?(?: [A-Z][a-z'’-]+){1,2}$/.test(cs[0]!.text)) out.push({ raw: cs[0]!.text, score: 2 });
  // The same in a text layer that puts one space between the cells ("Jesse Proxyva Claim number: 1337U02243687").
  const memberFlat = /^\s*([A-Z][a-z'’-]+(?: [A-Z]\.?)?(?: [A-Z][a-z'’-]+){1,2}) (?:Claim|Member|Subscriber) ?(?:#|no\.?|number|ID)\b/.exec(text);
  if (memberFlat && cs.length === 1) out.push({ raw: memberFlat[1]!, score: 2 });
  // A form grid of label cells and value cells ("Patient   Ethan Stubers   MRN   26038001"); the
  // caption may carry a mark of its box's edge ("(Patient", "|Patient", OCR's quote: "\"Patient").
  // A bare "Name" caption opening the line names the patient too (the patient block of a report heads its grid;
  // OCR may add an accent: "Namé"), when the cell after it is a name and no doctor's.
  cs.forEach((c, i) => {
    if (/^[(\[|"“'‘]?(?:patient(?:'s)?\s+name|pt\.?\s+name|patient)$/i.test(c.text) && cs[i + 1]) out.push({ raw: cutName(cs[i + 1]!.text), score: 2 });
    else if (i === 0 && c.start < 8 && /^name$/i.test(withoutAccents(c.text)) && cs[1] && /^[A-Za-z][A-Za-z'’-]+,?(?: [A-Za-z][A-Za-z'’.-]*){1,3}$/.test(cs[1].text) && !/^(?:dr|doctor)\b|,?\s(?:md|do|np|pa|rn)\.?$/i.test(cs[1].text)) out.push({ raw: cutName(cs[1].text), score: 2 });
  });
  // Name fields apart: "Last Name: DOE   First Name: JANE".
  const last = /\bLast\s*Name\s*:\s*([A-Za-z][A-Za-z'’-]+(?:\s[A-Za-z][A-Za-z'’-]+)?)/i.exec(text) ?? (next ? /\bLast\s*Name\s*:\s*([A-Za-z][A-Za-z'’-]+)/i.exec(next) : null);
  const first = /\bFirst\s*Name\s*:\s*([A-Za-z][A-Za-z'’-]+)/i.exec(text);
  if (last && first) out.push({ raw: `${last[1]}, ${first[1]}`, score: 3 });
  // "RE: NAME DOB" in letters and covers; "Medical records - NAME".
  const re = /\b(?:RE|Regarding|Subject)\s*:\s*(?:[A-Za-z ]{0,40}?\s[-–]\s)?([A-Za-z][A-Za-z'’ ,.-]+?)(?=\s+(?:DOB|D\.O\.B|\(|,\s*DOB|born)|\s{2,}|$)/i.exec(text);
  if (re) out.push({ raw: cutName(re[1]!), score: 1.5 });
  // Letters: "Thank you for seeing my patient, Madison Samplewright, a 75-year-old woman".
  // A payer's notice names its member in its title ("Notice for Jeremy Placeholdercott", "Statement for JANE DOE").
  const noticeFor = /\b(?:notice|statement|summary)\s+for\s+([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]*){1,3})(?=\s{2,}|\s*$)/i.exec(text);
  if (noticeFor && /^[A-Z]/.test(noticeFor[1]!)) out.push({ raw: noticeFor[1]!, score: 1.5 });
  const myPatient = /\b(?:my|our)\s+patient,?\s+([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]*){1,2})(?=,|\s+(?:a|an|who|for|DOB|born)\b|\s*$)/.exec(text);
  if (myPatient) out.push({ raw: myPatient[1]!, score: 1.5 });
  const forDob = /\b(?:for|patient,?|regarding)\s+([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]*){1,3}),?\s+(?:DOB|D\.O\.B|born)/.exec(text);
  if (forDob) out.push({ raw: forDob[1]!, score: 1.5 });
  // Column block: a "Patient" / "Patient Information" heading, the name below it in the same column.
  if (next !== undefined) {
    // Also a form's numbered caption ("6. Patient's Name and Address" over "NOTREALHURST, CATHERINE").
    const hm = /(?:\b\d{1,2}\.\s)?\bpatient(?:'s)?(?:\s+(?:information|details|name(?:\s+and\s+address)?|demographics|info))?\b(?!\s*[:#])/i.exec(text);
    // The heading is a cell of its own: not "my patient, ..." in a letter, nor "Patient 1D. 00123" (an ID label).
    const heading = hm && cells(text).some((c) => c.start === hm.index && c.text.length === hm[0].length);
    if (hm && heading && !/:\s*\S/.test(text.slice(hm.index, hm.index + hm[0].length + 3))) {
      const starts = [...next.matchAll(/\S+/g)].map((w) => w.index ?? 0);
      const at = starts.reduce((b, x) => (Math.abs(x - hm.index) < Math.abs(b - hm.index) ? x : b), starts[0] ?? 0);
      if (Math.abs(at - hm.index) <= 8 || hm.index === 0) out.push({ raw: cutName(next.slice(hm.index === 0 ? starts[0] ?? 0 : at)), score: 2 });
    }
  }
  // A cell of its own opening a line that is a "Last, First M" name with its middle initial
  // (report headers: "Proxyworth, Jacob N      Patient Report"); addresses and labels never take that shape.
  // Not under a header row of the ordering physician's columns ("Ordering Physician   Collection Date").
  const lead = cs[0];
  const underPhysician = !!prev && /\b(?:ordering|referring|attending|physician|provider|doctor)\b/i.test(prev) && !/\b(?:patient|name)\b/i.test(prev);
  if (lead && lead.start < 8 && !underPhysician && /^[A-Z][A-Za-z'’-]+,\s?[A-Z][A-Za-z'’-]+\s[A-Z]\.?$/.test(lead.text)) out.push({ raw: lead.text, score: 1 });
  // "LAST, FIRST M" opening a line right above a date-of-birth line.
  if (next !== undefined && DOB_LABEL.test(next)) {
    const m = /^\s*([A-Z][A-Za-z'’-]+,\s*[A-Z][A-Za-z'’-]+(?:\s+[A-Z]\.?)?)(?=\s|$)/.exec(text);
    if (m) out.push({ raw: m[1]!, score: 1 });
    // A name alone in the cell right above the birth date (letterheads: "Clinic ...   Larry Sample" over "DOB: ...").
    const at = DOB_LABEL.exec(next)!.index;
    const mine = cells(text);
    const theirs = cells(next);
    // Same column: starts close, or both the last cell of their line (right-aligned headers).
    const dobCell = theirs.findIndex((c) => c.start <= at && at < c.start + c.text.length);
    // Or the name standing where the cell holding the label starts ("Michael Mockhurst" over
    // "MRN: E7949167 · DOB: 11/11/1992"), also at the line's start once OCR dropped the indent.
    const labelCell = theirs[dobCell];
    const cell = mine.find((c) => Math.abs(c.start - at) <= 10) ?? (labelCell ? mine.find((c) => Math.abs(c.start - labelCell.start) <= 3) : undefined) ?? (dobCell === theirs.length - 1 && dobCell > 0 && mine.length > 1 ? mine[mine.length - 1] : undefined);
    // A speck after the name read as a bracket or bar ("DRAFTFIELD, SANTIAGO )") is no part of it.
    const name = cell?.text.replace(/\s+[)(|\]\[]$/, '');
    if (cell && name && (cell.start > 0 || (!!labelCell && Math.abs(cell.start - labelCell.start) <= 3)) && /^[A-Za-z][A-Za-z'’.,-]*(?: [A-Za-z][A-Za-z'’.,-]*){1,3}$/.test(name)) out.push({ raw: name, score: 1 });
  }
  return out;
}

/**
 * A "Last First" name whose comma OCR lost reads as "First Last" ("Pseudohursi James DOB ..."):
 * when the document prints the same two words as "Last, First" elsewhere ("Pseudohurst, James"),
 * that order is the name's.
 */
function orderAsCommaForm(p: { name: string; given: string[]; family: string }, lines: Line[]): { name: string; given: string[]; family: string } {
  const near = (a: string, b: string) => editDistance(a.toLowerCase(), b.toLowerCase(), 1) <= 1;
  for (const l of lines) {
    for (const m of l.text.matchAll(/\b([A-Z][A-Za-z'’-]{2,}),\s*([A-Z][A-Za-z'’-]+)\b/g)) {
      if (p.given.length && near(m[1]!, p.given[0]!) && near(m[2]!, p.family) && !near(m[1]!, p.family)) {
        return parseName(`${m[1]}, ${m[2]}`) ?? p;
      }
    }
  }
  return p;
}

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
    for (const m of l.text.matchAll(/\b([A-Z][A-Za-z'’-]{2,}),\s*([A-Z][A-Za-z'’-]+)\b|\b([A-Z][a-z'’-]{2,})\s+([A-Z][a-z'’-]{2,})\b/g)) {
      const [family, given] = (m[1] ? [m[1], m[2]!] : [m[4]!, m[3]!]).map((w) => w.toLowerCase());
      if (family === f && given === g) asRead++;
      else if (family === g && given === f) reversed++;
    }
  }
  if (reversed <= asRead) return p;
  const [given, family] = [titleCase(p.family), titleCase(first)];
  return { ...p, given: [given], family, name: `${given} ${family}` };
}

/** A label cell of a header row whose values sit on the line below ("Patient Name   DOB   MRN"). */
const COLUMN_LABEL =
  /^(?:patient(?:'s)?\s+name|pt\.?\s+name|patient|name|(?:resident|client|customer)(?:\s+name)?|resident\s*#|room(?:\s*\/\s*bed)?|attending|code\s+status|dob|d[o0][b8]|[0o][o0]b|d\.o\.b\.?|date\s+of\s+birth|[a-z]{1,3}\s+birth|birth\s*date|mrn|mr\s*#|mr\s+no\.?|patient\s+id|acct\.?\s*#?|account(?:\s+(?:#|no\.?|number))?|sex|gender|age|(?:date\s+)?collected|collection\s+date(?:\/time)?|date\s+of\s+collection|date\s+of\s+service|service\s+date|dos|visit\s+date|date\s+(?:received|reported)|received|reported|report\s+date|specimen(?:\s+(?:id|number|no\.?|#))?|accession(?:\s*(?:#|number|no\.?))?|requisition(?:\s*(?:#|number|no\.?))?|(?:ordering|referring|attending)\s+(?:physician|provider)|referring|ordering|physician|provider|phone|location|room|exam(?:ination)?\s+date|exam|study\s+date|procedure\s+date|cpt(?:\s+code)?|modality)$/i;

/**
 * Header rows whose values are printed under their labels ("Patient Name   DOB   MRN" over
 * "DOE, JANE M   01/02/1960   00123456"), rewritten as "Label: value" lines in the header's
 * place so the label rules read them. Each label takes the value cell starting nearest to it.
 */
export function unfoldColumnLabels(lines: Line[]): Line[] {
  const out: Line[] = [];
  const nonEmpty = lines.filter((l) => l.text.trim());
  // Every cell a label, but one of four or more that OCR garbled past reading ("Pauert ID").
  // A photo's garble ("Pate Name   Date of Bem   Ser   Pavent iO   Specimen Nurter") is read more
  // loosely when the row holds a label read as printed and every other cell is near one.
  const allLabels = (cs: Array<{ text: string }>) => {
    const unknown = cs.filter((c) => !columnLabel(c.text)).length;
    if (cs.length > 0 && unknown <= (cs.length >= 4 ? 1 : 0) && unknown < cs.length) return true;
    if (cs.length < 3 || unknown === cs.length) return false;
    return cs.filter((c) => !columnLabel(c.text) && !columnLabel(c.text, true)).length <= (cs.length >= 4 ? 1 : 0);
  };
  // A patient header whose last cells a stamp printed over ("Patient Name   Date of Birth   Sex   ga -   U24 Specimef"):
  // its leading labels, when they name the patient.
  const leadingLabels = (cs: Array<{ text: string; start: number }>) => {
    const n = cs.findIndex((c) => !columnLabel(c.text));
    const lead = n < 0 ? cs : cs.slice(0, n);
    return lead.length >= 2 && lead.some((c) => /name|birth|dob/i.test(columnLabel(c.text)!)) ? lead : undefined;
  };
  const skip = new Set<Line>();
  for (const l of lines) {
    if (skip.has(l)) continue;
    let labels = inkedCells(l.text);
    let next = nonEmpty[nonEmpty.indexOf(l) + 1];
    // A label pushed onto a line of its own (a stamp sat where it belonged): one header over two lines.
    if (labels.length >= 2 && next && allLabels(labels) && allLabels(cells(next.text))) {
      labels = [...labels, ...cells(next.text)].sort((a, b) => a.start - b.start);
      skip.add(next);
      next = nonEmpty[nonEmpty.indexOf(next) + 1];
    }
    const lead = labels.length >= 3 && !allLabels(labels) ? leadingLabels(labels) : undefined;
    const printed = labels.length;
    if (lead) labels = lead;
    // A stamp's one line between the labels and their values ("MEDICAL RECORD" under the header): the line after it.
    if (labels.length >= 2 && next && cells(next.text).length === 1 && (lead || allLabels(labels))) {
      const after = nonEmpty[nonEmpty.indexOf(next) + 1];
      if (after && cells(after.text).length >= 2) next = after;
    }
    if (labels.length >= 2 && next && (lead || allLabels(labels))) {
      const values = inkedCells(next.text);
      if (values.length >= 2 && values.length <= printed + 1 && !values.every((v) => columnLabel(v.text))) {
        // As many values as labels: by order (OCR spaces the two lines differently); else the nearest start.
        // Leading labels take the leading values in order too (the stamp's cells came after them).
        const byOrder = lead ? values.length >= labels.length : values.length === labels.length;
        const used = new Set<(typeof values)[number]>();
        labels.forEach((c, i) => {
          const label = columnLabel(c.text) ?? columnLabel(c.text, true);
          const v = byOrder ? values[i]! : values.reduce((b, x) => (Math.abs(x.start - c.start) < Math.abs(b.start - c.start) ? x : b));
          if (label && (byOrder || Math.abs(v.start - c.start) <= 12)) {
            out.push({ ...l, text: `${label}: ${v.text}` });
            used.add(v);
          }
        });
        // A values line read whole into its labels is not read again on its own (a physician's
        // name under "Ordering Physician" would be a name at a line's start).
        if (used.size === values.length) skip.add(next);
        continue;
      }
    }
    const flat = next ? unfoldFlat(l.text, next.text) : undefined;
    if (flat) {
      for (const t of flat) out.push({ ...l, text: t });
      continue;
    }
    out.push(l);
  }
  return out;
}

/** A line's cells without the specks OCR read as cells of their own (":", ".", ")"). */
function inkedCells(text: string): Array<{ text: string; start: number }> {
  return cells(text).filter((c) => /[A-Za-z0-9]/.test(c.text));
}

/** Column labels spelled out, for labels OCR misread by a letter or two ("Patent Name", "Ordenng Physician"). */
/** Letters OCR reads as digits, for label cells (a label prints no digits). */
const LETTER_LOOKALIKE: Record<string, string> = { '0': 'o', '1': 'l', '5': 's', '8': 'b', '6': 'g' };

const COLUMN_LABEL_WORDS = [
  'patient name', 'date of birth', 'birth date', 'patient id', 'specimen number', 'specimen id', 'accession number',
  'requisition number', 'ordering physician', 'ordering provider', 'referring physician', 'attending physician',
  'collection date', 'date of collection', 'date collected', 'date of service', 'service date', 'visit date',
  'report date', 'date reported', 'date received', 'received', 'reported', 'account number', 'gender',
  'exam date', 'study date', 'procedure date', 'referring', 'accession',
];

/**
 * A header cell as the label rules read it, or undefined when it is no column label: the cell
 * itself when it is one, a "Date of Birth" OCR garbled ("Jf Birth") as DOB, a label one or two
 * letters off (a fifth of its length at most, and closer to one label than to any other) as that label.
 */
function columnLabel(text: string, loose = false): string | undefined {
  // A caption's format hint ("Name (Last, First, MI)", OCR'd "(Last. Furst, M()") is no part of the label.
  const t = text.replace(/[:#]$/, '').replace(/\s*\([^()]{0,24}(?:\)|\(\)|$)\s*$/, '').trim();
  if (/^[a-z]{1,3}\s+birth$/i.test(t)) return 'DOB';
  if (COLUMN_LABEL.test(t)) return t;
  // A bilingual form's caption with its translation after a slash, which OCR may read as a bar
  // ("Name / Nom", "Date of birth. | Date de naissance"): the label before it, a speck of a point
  // after it dropped. t-8797 identity: tx-0009's certificate (GT and OCR).
  const bilingual = /^(.+?)\.?\s*[/|]\s*[A-Za-z].*$/.exec(t);
  if (bilingual && !/[/|]/.test(bilingual[1]!) && COLUMN_LABEL.test(bilingual[1]!)) return bilingual[1]!;
  // A caption printed letter-spaced ("PAT I E N T N A M E"), read without its spaces.
  if (/^(?:[A-Za-z]{1,3} )+[A-Za-z]{1,3}$/.test(t)) {
    const joined = t.replace(/ /g, '').toLowerCase();
    const w = COLUMN_LABEL_WORDS.find((l) => l.replace(/ /g, '') === joined);
    if (w) return w.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  }
  const k = t.toLowerCase().replace(/\s+/g, ' ');
  // Loosely (a row of labels only): two letters of five may be wrong when every word keeps its
  // first letter ("Pate Name", "Date of Bem"); one in a three-letter label ("Ser").
  // Digits OCR reads for look-alike letters count as those letters ("008" is DOB, "5EX" SEX).
  if (loose && k.length === 3) {
    const folded = k.replace(/[0-9]/g, (c) => LETTER_LOOKALIKE[c] ?? c);
    return ['sex', 'age', 'dob', 'mrn'].find((w) => editDistance(folded, w, 1) <= 1 && [...folded].filter((c, i) => c === w[i]).length === 2)?.toUpperCase();
  }
  if (k.length < 7) return undefined;
  const max = Math.floor(k.length / (loose ? 2.5 : 5));
  const initials = (s: string) => s.split(' ').map((w) => w[0]).join('');
  let best: string | undefined;
  let bestD = max + 1;
  let tie = false;
  for (const w of COLUMN_LABEL_WORDS) {
    if (loose && initials(w) !== initials(k)) continue;
    const d = editDistance(k, w, max);
    if (d < bestD) [best, bestD, tie] = [w, d, false];
    else if (d === bestD) tie = true;
  }
  return best && !tie && bestD <= max ? best.replace(/\b[a-z]/g, (c) => c.toUpperCase()) : undefined;
}

/** Label phrases of a header line printed with single spaces ("Patient Name DOB MRN Collection Date/Time"), else undefined. */
function flatLabels(text: string): string[] | undefined {
  const words = text.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let n = Math.min(4, words.length - i);
    while (n > 0 && !COLUMN_LABEL.test(words.slice(i, i + n).join(' ').replace(/[:#]$/, ''))) n--;
    if (!n) return undefined;
    out.push(words.slice(i, i + n).join(' ').replace(/[:#]$/, ''));
    i += n;
  }
  return out.length >= 2 ? out : undefined;
}

/**
 * The same block when OCR printed both lines with single spaces: the values are read in the
 * labels' order by their shape (the name up to the first number, dates, identifiers, sex, age).
 */
function unfoldFlat(header: string, values: string): string[] | undefined {
  if (cells(header).length > 1) return undefined;
  const labels = flatLabels(header);
  if (!labels) return undefined;
  const toks = values.trim().split(/\s+/);
  const firstNum = toks.findIndex((t) => /\d/.test(t));
  let i = 0;
  const out: string[] = [];
  for (const label of labels) {
    const k = label.toLowerCase();
    if (/name|^patient$/.test(k)) {
      if (i !== 0 || firstNum <= 0) return undefined;
      out.push(`${label}: ${toks.slice(0, firstNum).join(' ')}`);
      i = firstNum;
    } else if (/dob|d[o0][b8]|[0o][o0]b|birth|collect|date|dos|received|reported/.test(k)) {
      const d = toks[i] && findDates(toks[i]!)[0];
      if (!d) return undefined;
      out.push(`${label}: ${toks[i]}`);
      i++;
      if (toks[i] && /^\d{1,2}:?\d{2}$/.test(toks[i]!)) i++;
    } else if (/sex|gender/.test(k)) {
      if (!toks[i] || !/^(?:m|f|male|female)$/i.test(toks[i]!)) return undefined;
      out.push(`${label}: ${toks[i++]}`);
    } else {
      if (!toks[i] || !/\d/.test(toks[i]!)) return undefined;
      out.push(`${label}: ${toks[i++]}`);
    }
  }
  return out;
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
    for (const c of [...lineNameCands(l.text, nonEmpty[i + 1]?.text, nonEmpty[i - 1]?.text), ...(headName ? [{ raw: headName, score: 1 }] : [])]) {
      const p = parseName(c.raw);
      if (!p) continue;
      const k = nameKey(p);
      const cur = cands.get(k);
      if (cur) {
        cur.score += c.score * w;
        if (p.given.length > cur.parsed.given.length) cur.parsed = p;
      } else cands.set(k, { key: k, parsed: p, score: c.score * w });
    }
    const dm = DOB_LABEL.exec(l.text);
    if (dm) {
      // A label ending its line wrapped its date to the next ("... for Jane Doe, DOB" / "03/16/2006. 3 pages").
      const rest = l.text.slice(dm.index + dm[0].length, dm.index + dm[0].length + 40);
      // A format hint between the label and its date ("Date of Birth (YYYY-MM-DD) 1953-10-15", OCR'd "(YYYY-MM-0D)",
      // "DOB (mm/dd/yyyy):") is no part of the value.
      const after = (rest.trim() ? rest : (nonEmpty[i + 1]?.text.trimStart().slice(0, 40) ?? '')).replace(/^\s*[;.]?\s*/, '').replace(/^\((?=(?:[^()]*[YMD]){4})[YMD0-9/.\- ]{4,14}\)\s*:?\s*/i, '');
      const ds = findDates(after);
      // OCR drops a slash now and then or reads it as a 7 ("0807/1931", "08071931", "0870771931");
      // or the dashes of a year-first date ("193209 03" for 1932-09-03).
      // A month's 0 read as an 8 or 6 in a thin typeface ("82/21/1975" for 02/21/1975): no month is 82.
      const monthSlip = /^([86])(\d)([/.-]\d{1,2}[/.-](?:19|20)\d{2})/.exec(after);
      const bare = slashlessDate(after) ?? (monthSlip ? findDates(`0${monthSlip[2]}${monthSlip[3]}`)[0]?.date : undefined);
      const yearFirst = /^((?:19|20)\d{2})[-. ]?(\d{2})[-. ]?(\d{2})\b/.exec(after);
      // A combined caption's values in order ("Patient ID / DOB:   02653241 / 1962-May-04"): the date after the slash.
      const pairedValue = ds.length && /\/\s*$/.test(l.text.slice(0, dm.index)) && /^\s*[A-Z0-9-]{3,}\s*\/\s*$/i.test(after.slice(0, ds[0]!.index));
      // A stamp printed over the field may read as one caps word between label and date ("Birth Date:SCANNED 13-Dec-1972").
      const stamped = ds.length && /^[A-Z]{4,}\s+$/.test(after.slice(0, ds[0]!.index));
      const d = ds.length && (ds[0]!.index < 8 || pairedValue || stamped) ? ds[0]!.date : bare ?? (yearFirst ? findDates(`${yearFirst[2]}/${yearFirst[3]}/${yearFirst[1]}`)[0]?.date : undefined) ?? agelessYearMended(after) ?? lettersAsDigits(after) ?? garbledMonthDate(after);
      // A two-digit year ("05/28/19", often a four-digit one cut off by the margin) counts for less than one printed in full.
      const short = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}(?!\d)/.test(after) ? 0.5 : 1;
      if (d) dobs.set(d, (dobs.get(d) ?? 0) + w * short);
      // A caption cell over its value ("8. Date of Birth      9. Sex" over "05/11/1998      M"): the
      // date opening the cell below it, in its column.
      const cell = cells(l.text).find((c) => c.start <= dm.index && dm.index < c.start + c.text.length);
      if (!d && cell && !findDates(cell.text).length && nonEmpty[i + 1]) {
        const below = cells(nonEmpty[i + 1]!.text).find((c) => Math.abs(c.start - cell.start) <= 10);
        // Its slashes OCR may lose there too ("12 26 1978"), as after a label. t-8797 identity OCR: tx-0008's birth date.
        const bd = below ? findDates(below.text).find((x) => x.index === 0)?.date ?? slashlessDate(below.text) : undefined;
        if (bd) dobs.set(bd, (dobs.get(bd) ?? 0) + w);
      }
    }
    // A form's patient line without a birth-date label: "Patient   Jane Doe 10/12/1984   Sex: F" (the
    // date between the name and the sex is the birth date). Counts for less than a labelled one.
    // Also where the birth date's own caption is there but garbled to a short cell and its slashes
    // read as colons ("(Patient   Fatima Proxyfield     os   10:20:1987 Sex: f"): a colon-separated
    // triple with a four-digit year is no time of day.
    const demographic = /\bPatient(?:'s)?(?:\s+Name)?\s*[:.]?\s+[A-Z][A-Za-z'’.-]+(?:,?\s+[A-Z][A-Za-z'’.-]*){1,2}(?:\s{2,}[^\s\d]{1,4})?\s+(\d{1,2}[/:]\d{1,2}[/:]\d{4})\s+(?:Sex|Gender)\b/.exec(mendIdentityLabels(l.text));
    const dd = demographic && !dm ? findDates(demographic[1]!.replace(/:/g, '/'))[0]?.date : undefined;
    if (dd) dobs.set(dd, (dobs.get(dd) ?? 0) + w * 0.5);
    const am = AGE_RE.exec(l.text);
    if (am && age === undefined) age = Number(am[1] ?? am[2] ?? am[3] ?? am[4] ?? am[5]);
    const mm = MRN_RE.exec(l.text);
    if (mm) mrns.set(mm[1]!, (mrns.get(mm[1]!) ?? 0) + w);
    const g = /\b(?:Sex|Gender)\s*[:/]?\s*(M|F|Male|Female)\b/i.exec(l.text) ?? /\(\s*\d+\s*(?:yo|y\.?o\.?|Y)\s*(M|F)\s*\)/.exec(l.text);
    if (g && !gender) gender = /^m/i.test(g[1]!) ? 'male' : 'female';
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

/**
 * A reference lab's page head prints its patient top right, without a caption: a caps
 * "LAST, FIRST M" cell ending one of the page's first lines, after the lab's name ("Bayside
 * Reference Laboratory      FAUXCOMBE, MARILYN H"). Not after a label cell ("Physician:
 * PSEUDOMAN, AMY" or "TO   SMITH, JOHN"): the cell before it must not end in a colon nor be one caps word.
 * Counts as an unlabelled name (score 1); it tells one patient's report from the next.
 */
function headerCapsName(text: string): string | undefined {
  const cs = cells(text);
  const last = cs[cs.length - 1];
  if (!last || !/^[A-Z][A-Z'’-]{2,},\s?[A-Z][A-Z'’-]{1,}(?:\s[A-Z]\.?)?$/.test(last.text)) return undefined;
  const before = cs[cs.length - 2];
  if (before && (/[:#]\s*$/.test(before.text) || /^[A-Z]{1,12}$/.test(before.text) || !/[a-z]{3}/.test(before.text))) return undefined;
  if (last.start < 30) return undefined;
  return last.text;
}

/** A caps name of two words right after a Patient/Name label without its colon, ending its cell. */
const CAPS_NAME_AFTER_LABEL = /^\s*(?:PATIENT(?:\s+NAME)?|NAME)\s*[;.]?\s+([A-Z][A-Z'’-]+)\s+([A-Z][A-Z'’-]+)(?:\s+[A-Z]\.?)?(?=\s{2,}|$)/;

/**
 * "First [M.] Last 03/26/2008" opening a line or a cell: a name, then a full date. Or a caps
 * "LAST, FIRST M" cell with the date in the next cell: a demographics row whose captions above
 * ("Date ct Bee") OCR garbled past reading.
 */
const NAME_BEFORE_DATE = /(?:^|\s{2,})([A-Z][a-z'’-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][A-Za-z'’-]+){1,2}|[A-Z][A-Z'’-]+,\s*[A-Z][A-Z'’-]+(?:\s+[A-Z]\.?)?),?\s+(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2})(?!\d)/;

// The narrative's "a 67-year-old woman" too: how notes and letters introduce their patient.
// "Sex/Age: M/25" also with its slash lost ("Sex/Age M25").
const AGE_RE = /\bsex\s*\/\s*age\s*[:#]?\s*[MF]\s*\/?\s*(\d{1,3})\b|\bage\s*[:#]?\s*(\d{1,3})\b(?!\s*[/.-]\d)|\(\s*(\d{1,3})\s*(?:y|yo|yrs?|y\.o\.)\s*[MF]?\s*\)|\b(?:dob|birth)\b.{0,30}?\d{4}\s+(\d{1,3})\s*(?:y|yo|yrs?)\b|\b(?:is|was|an?)\s+(\d{1,3})[- ]year[- ]old\b/i;

/**
 * A birth date whose year OCR misread ("11/04/2084 (19Y)"): when the printed age and the
 * date of the document disagree with it by two years or more and the year the age gives
 * differs from the printed one in a single digit, that year is taken.
 */
export function ageCheckedBirthDate(dob: string | undefined, age: number | undefined, on: string | undefined): string | undefined {
  if (!dob || !on) return dob;
  if (age === undefined) return Number(on.slice(0, 4)) - Number(dob.slice(0, 4)) > 120 ? centenarianMisread(dob, on) : dob;
  const [y, md] = [Number(dob.slice(0, 4)), dob.slice(5)];
  const refYear = Number(on.slice(0, 4));
  const had = md <= on.slice(5);
  const asRead = refYear - y - (had ? 0 : 1);
  if (Math.abs(asRead - age) < 2) return dob;
  const want = refYear - age - (had ? 0 : 1);
  const a = String(y);
  const b = String(want);
  const diff = [...a].filter((c, i) => c !== b[i]).length;
  return diff === 1 && b.length === 4 ? `${b}-${md}` : dob;
}

/**
 * A birth year that makes the patient older than anyone lives ("Aug 24, 1888" on a 2024 record):
 * OCR misread one of its digits. The one year a digit away that gives an age of 0–120 is taken;
 * when none or several do, the date stays as read.
 */
function centenarianMisread(dob: string, on: string): string {
  const ref = Number(on.slice(0, 4));
  const fits = yearsOneDigitAway(dob.slice(0, 4)).filter((y) => ref - Number(y) >= 0 && ref - Number(y) <= 120);
  return fits.length === 1 ? `${fits[0]}${dob.slice(4)}` : dob;
}

/**
 * A birth date whose year OCR misread into a century no one alive was born in ("09/27/1847" for
 * 1947): no date reader takes it, so it is read here with the one year a digit away that gives an
 * age of 0–120 today; when none or several do, no date.
 */
function agelessYearMended(after: string): string | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](1[0-8]\d{2})(?![\d/])/.exec(after);
  if (!m) return undefined;
  const today = new Date().toISOString().slice(0, 10);
  const mended = centenarianMisread(`${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`, today);
  return mended.startsWith(m[3]!) ? undefined : findDates(`${m[1]}/${m[2]}/${mended.slice(0, 4)}`)[0]?.date;
}

/** The years OCR could have misread as this one by a single digit ("2043" for 2023, 2013, ...). */
function yearsOneDigitAway(year: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < year.length; i++) {
    for (const digit of '0123456789') {
      const y = year.slice(0, i) + digit + year.slice(i + 1);
      if (y !== year) out.push(y);
    }
  }
  return out;
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
export function spellAsPrinted(p: PatientFacts, counts: Map<string, number>, nameCounts = counts): PatientFacts {
  const fix = (word: string): string => {
    const k = word.toLowerCase();
    if (k.length < 5 || !/^[a-z'’-]+$/.test(k)) return word;
    const max = k.length >= 8 ? 2 : 1;
    let best = k;
    let bestCount = counts.get(k) ?? 0;
    for (const [w, n] of counts) {
      // At most one letter more or fewer ("ri" read "n"); two lost or added make another word ("Specimenby" is no "Specimen").
      if (n < 2 || n <= bestCount || Math.abs(w.length - k.length) > 1 || editDistance(k, w, max) > max) continue;
      best = w;
      bestCount = n;
    }
    best = lettersVoted(best, nameCounts) ?? best;
    if (best === k) return word;
    return word === word.toUpperCase() ? best.toUpperCase() : titleCase(best.toUpperCase());
  };
  if (!p.family || !p.given?.length) return p;
  const family = fix(p.family);
  const given = [fix(p.given[0]!), ...p.given.slice(1)];
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

// ---------------------------------------------------------------- date of service

const DOS_LABELS: Record<string, RegExp[]> = {
  // "collected" also as OCR reads it ("colidcted", "coliected").
  // A results letter's "your blood tests done on February 9, 2022"; a line printer's "COLL: 14MAR2024 0815".
  lab_report: [/\b(?:date\s+)?(?:collected|col[a-z]{2,5}ted)(?:\s+date)?\s*(?:on|:|;)?/i, /\b(?:tests?|blood\s*work|labs?|specimens?|samples?)\s+(?:was\s+|were\s+)?(?:done|drawn|collected|taken)\s+on\s*/i, /\bcoll\.?\s*:/i, /\bCOLL\b\.?/, /\bcollection\s+(?:date|time|dt)\s*[:]?/i, /\bdate\s+of\s+collection\s*:?/i, /\bcoll(?:ection)?\.?\s*(?:date|dt)\s*:?/i, /\bspecimen\s+date\s*:?/i, /\bdrawn\s*:?/i, /\bdate\s+of\s+service\s*:?/i],
  // Session 16: a study is of the day it was performed, not the day it was read or signed ("Date performed",
  // "Performed: ..."); layouts the sets lack, for held-out ones.
  radiology_report: [/\b(?:exam|study|procedure)\s+date\s*[:]?/i, /\bdate\s+of\s+(?:exam|study|service|procedure)\s*:?/i, /\bDOS\s*:?/, /\b(?:date\s+performed|performed(?:\s+on)?\s*:|(?:exam(?:ination)?|study)\s+performed(?:\s+on)?)\s*:?/i],
  // A patient copy's "You were in the hospital from September 22, 2022 to September 25, 2022": the stay's end.
  discharge_summary: [/\bdischarge(?:d)?(?:\s+date)?\s*:/i, /\b(?:in\s+the\s+hospital|hospitali[sz]ed|admitted|stayed?)\s+from\s+[^\n]{6,30}?\s+(?:to|until|through)\s+(?=\S)/i, /\bdate\s+of\s+discharge\s*:?/i, /\bdischarged?\s+(?:on\s+)?/i,
    // The stay in a banner's abbreviations ("Adm 1/27/2022 | D/C 1/30/2022"): the summary is of the day it ends,
    // not of the admission printed first. q-1211 (GT): 2 discharge dates.
    /\bD\/C(?:\s+date)?\s*:?/,
    // Session 16: the same abbreviated ("Disch: 2/5/2023") or as a stay's range ("Adm/Disch: 2/3/2023 - 2/5/2023"):
    // its end. Layouts the sets lack, for held-out ones.
    /\badm(?:it|ission)?\.?\s*\/\s*(?:disch(?:arge)?|d\/?c)\.?(?:\s+dates?)?\s*:?\s*[^\n]{6,24}?\s*(?:[-–—]|to|through)\s*(?=\d|[A-Z][a-z]{2})/i, /\bdisch\.?\s*(?:date|dt)?\s*:/i],
  office_visit_note: [/\b(?:date\s+of\s+(?:service|visit|encounter)|visit\s+date|encounter\s+date|service\s+date|DOS)\s*:?/i],
  // "Run" also with its R read as H ("Hun date").
  // "Run date" through OCR slips: R read as H, its n lost ("Ru date"), d read as g ("Hun gate").
  medication_list: [/\bas\s+of\s*:?/i, /\b(?:list|print(?:ed)?|report|profile|review(?:ed)?)\s+date\s*:?/i, /\b[rh]u[nm]?\s+[dg]ate\s*:?/i, /\bdate\s+(?:generated|reviewed)\s*:?/i, /\b(?:generated|reviewed|reconciled)\s+on\s*:?/i, /\bdate\s+printed\s*:?/i, /\bprinted\s*(?:on)?\s*:?/i, /\bupdated\s*(?:on)?\s*:?/i,
    // A history over a period ("Period: 11-25-22 to 11-01-23") is of the day the period ends, the day it was
    // run, not of its latest fill. u-8494 (GT): 1 medication list date.
    /\b(?:period|date\s+range|dates)\s*:?\s*[^\n]{6,24}?\s(?:to|through|thru|until)\s+(?=\S)/i],
  // A record is of the day it was printed, copied or reviewed, after every dose it lists ("Record copied for
  // transfer on 2025-05-16 by ..."): the date right after "on". u-8494 (GT/OCR): 1 immunization date.
  immunization_record: [/\bprinted\s+(?:by\b.{0,90}?\bon|on)\s*:?/i, /\b(?:copied|certified|reviewed|issued|generated|updated)\b[^\n.]{0,40}?\bon\s*:?/i, /\b(?:print|report|run)\s+date\s*:?/i, /\breport\s+run(?:\s+on)?\s*:?/i, /\bdate\s+printed\s*:?/i, /\bas\s+of\s*:?/i, /\bprinted\s*:?\s*(?=\S)/i,
    // Session 16: "Date reviewed: ...", "Issued: ...": the record's own date too (layouts the sets lack).
    /\b(?:date\s+(?:reviewed|issued|generated|copied|certified)|(?:reviewed|issued|generated|copied|certified)(?:\s+date)?\s*:)\s*:?/i],
  // A claim's "Dates of Service: 4/5/2023" (a summary notice's "Dates of Service" heading over the
  // period its claims were processed in has no date after it).
  insurance_billing: [/\b(?:dates?\s+of\s+service|service\s+dates?|DOS)\s*:?/i],
  referral_letter: [/\bdate\s*:/i],
  // Session 16: a cover is of the day it was sent ("Sent: 03/04/2024" without the word date).
  fax_cover_sheet: [/\bdate\s*:?/i, /\b(?:sent|transmitted)(?:\s+on)?\s*:/i],
};

/**
 * A labelled date years after the fax that carried it, whose year OCR misread in one digit
 * ("Exam Date: 10/19/2043" on a fax of 2024): the same date in the latest year one digit away
 * that is not after the fax (nor 20 years before it), else undefined.
 */
export function yearMisread(date: string, sentOn: string): string | undefined {
  const sent = Number(sentOn.slice(0, 4));
  if (Number(date.slice(0, 4)) <= sent + 1) return undefined;
  const fits = yearsOneDigitAway(date.slice(0, 4))
    .filter((y) => Number(y) > sent - 20)
    .map((y) => `${y}${date.slice(4)}`)
    .filter((candidate) => candidate <= sentOn);
  return fits.sort().pop();
}

/** Words of the labels that date a document, for mending their OCR misreadings. */
// Session 16: also the words of this session's labels (an exam's line, a performed study, a copied record,
// a processed claim, a history's period).
const DATE_LABEL_WORDS = ['printed', 'collected', 'collection', 'received', 'reported', 'discharged', 'discharge', 'admitted', 'admission', 'generated', 'reviewed', 'updated', 'specimen', 'encounter', 'service', 'examination', 'performed', 'copied', 'processed', 'period'];

/**
 * The text with date-label words OCR misread by one letter spelled right again ("Prnted Feb 17,
 * 2022", "Discharqed:"), so the labels below find them. Same first letter, one edit, words of
 * five letters or more: short words have too many neighbours.
 */
export function mendDateLabels(text: string): string {
  // A geometric typeface whose e closes into an o reads every e of a label as o ("Spociman
  // colloctod:"): compared with their o's read as e's too.
  const closedE = (w: string) => w.replace(/o/g, 'e');
  // Folding only brings words closer, so this one pass also mends the plain one-letter slips.
  return respellNear(text, /\b[A-Za-z]{5,}\b/g, DATE_LABEL_WORDS, undefined, closedE);
}

/**
 * A date whose four-digit year OCR garbled in one character ("09/27/20p4") takes the year of the
 * fax that carried it when the other three digits are that year's ("2024"); read as printed, the
 * date would end at "20" and become 2020.
 */
export function mendYearGarbles(text: string, sentOn: string | undefined): string {
  if (!sentOn) return text;
  const year = sentOn.slice(0, 4);
  // The fax's year when the three digits are its; else the one year the garbled character can be
  // that is neither after the fax nor 20 years before it ("2p23" on a fax of 2024 is 2023).
  const mend = (m: string, md: string, y: string) => {
    const odd = [...y].filter((c) => !/\d/.test(c)).length;
    if (odd !== 1) return m;
    if ([...y].every((c, i) => !/\d/.test(c) || c === year[i])) return `${md}${year}`;
    const fits = [...'0123456789'].map((digit) => y.replace(/\D/, digit)).filter((c) => Number(c) <= Number(year) && Number(c) > Number(year) - 20);
    return fits.length === 1 ? `${md}${fits[0]}` : m;
  };
  // Also after a month's name ("As of: May 22, 2p23"), the year starting with a digit.
  return text
    .replace(/(\b\d{1,2}[/-]\d{1,2}[/-])([0-9A-Za-z]{4})(?![0-9A-Za-z])/g, mend)
    .replace(/(\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+)(\d[0-9A-Za-z]{3})(?![0-9A-Za-z])/gi, mend);
}

/**
 * A date whose four-digit year lost its last two digits (a margin or a cell cut it: "Exam Date:
 * 04/26/20" beside "Signed: 04/26/2025"): read with the year the document prints for the same
 * month and day, when that year begins with the two digits left.
 */
export function mendCutYears(text: string, dob?: string): string {
  const full = new Map<string, Set<string>>();
  for (const m of text.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/g)) {
    const k = `${Number(m[1])}/${Number(m[2])}`;
    // Not the birth date's year: a visit on the patient's birthday printed "01/02/19" stays 2019.
    if (dob && dob === `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`) continue;
    full.set(k, (full.get(k) ?? new Set()).add(m[3]!));
  }
  return text.replace(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\d/A-Za-z]|[.:]\d)/g, (m, mo: string, d: string, yy: string) => {
    const years = [...(full.get(`${Number(mo)}/${Number(d)}`) ?? [])].filter((y) => y.startsWith(yy));
    return years.length === 1 ? `${mo}/${d}/${years[0]}` : m;
  });
}

/** The caption of a results table's collection-date column. */
const COLLECTED_CAPTION = /^(?:date\s+)?collected$|^collection\s+date(?:\s*\/\s*time)?$|^date\s+collected$|^coll(?:ection)?\.?\s+date$/i;

/**
 * The first date printed under a column caption, in its column: a cell starting within a few
 * characters of the caption's, on one of the three lines below it, opening with a date (or a date
 * whose slashes OCR lost or read as 1s or 7s).
 */
function dateUnderCaption(lines: Line[], caption: RegExp): string | undefined {
  const nonEmpty = lines.filter((l) => l.text.trim());
  for (const [i, l] of nonEmpty.entries()) {
    const cap = cells(l.text).find((c) => caption.test(c.text.replace(/[:.]$/, '').trim()));
    if (!cap || cells(l.text).length < 3) continue;
    for (const below of nonEmpty.slice(i + 1, i + 4)) {
      const cell = cells(below.text).find((c) => Math.abs(c.start - cap.start) <= 6);
      if (!cell) continue;
      const t = cell.text.replace(/^[^\dA-Za-z]+/, '');
      const found = findDates(t)[0];
      const d = found && found.index === 0 ? found.date : slashlessDate(t);
      if (d) return d;
    }
  }
  return undefined;
}

/** The date column's heading in a claim table ("Date", "Date of Service", "DOS"), a cell of its own. */
const CLAIM_DATE_COLUMN = /^(?:dates?(?:\s+of\s+service)?|service\s+dates?|dos|from)$/i;

/**
 * A claim line's date wrapped in its narrow cell around the line holding the amounts (line `i`
 * of `lines`, `before` its text before the first amount): "Apr 9," ends the line above and its
 * year stands before the amount, or "May 22," ends the line above or stands before the amount
 * and its year sits below it on the next line, in the same column.
 */
function wrappedCellDate(lines: Line[], i: number, before: string): string | undefined {
  const MONTH_DAY = /\b([A-Za-z]{3,9}\.?\s+\d{1,2}),?\s*$/;
  const dated = (monthDay: string, year: string) => findDates(`${monthDay}, ${year}`)[0]?.date;
  const above = MONTH_DAY.exec(lines[i - 1]?.text ?? '');
  // Its year before the amount; or, the month and day alone on the line above, the line's one year
  // cell further along (an amount whose dollar sign OCR read as an S came first: "2023   S234   $9.89";
  // OCR keeps no indentation, so no column tells).
  const years = cells(lines[i]!.text).filter((c) => /^(?:19|20)\d{2}$/.test(c.text));
  const aboveAlone = above && !lines[i - 1]!.text.slice(0, above.index).trim();
  const yearHere = /\b((?:19|20)\d{2})\s*$/.exec(before)?.[1] ?? (aboveAlone && years.length === 1 ? years[0]!.text : undefined);
  if (above && yearHere) return dated(above[1]!, yearHere);
  const here = MONTH_DAY.exec(before);
  const monthDay = here ?? above;
  if (!monthDay) return undefined;
  const below = lines[i + 1]?.text ?? '';
  // In the same column; or, in a text layer that kept no columns, ending the line below as the month and day end theirs.
  const inColumn = cells(below).find((c) => /^(?:19|20)\d{2}$/.test(c.text) && Math.abs(c.start - monthDay.index) <= 4)?.text;
  const atEnd = /\S\s{2,}\S/.test(below) ? undefined : /\b((?:19|20)\d{2})\s*$/.exec(below)?.[1];
  const yearBelow = inColumn ?? atEnd;
  return yearBelow ? dated(monthDay[1]!, yearBelow) : undefined;
}

/**
 * The date a label's copies print most often: a report repeats its label on every page head
 * ("Collected: 05/29/2024") and OCR misreads a digit in one copy. The first copy's date `first`
 * stays unless another date follows more copies of the label.
 */
function labelCopiesVote(text: string, label: RegExp, gap: number, first: string, ok: (d: string) => boolean): string {
  const re = new RegExp(label.source, label.flags.includes('g') ? label.flags : label.flags + 'g');
  const starts = [...text.matchAll(re)].map((m) => m.index!);
  if (starts.length < 3) return first;
  const counts = new Map<string, number>();
  starts.forEach((at, i) => {
    const d = dateAfter(text.slice(at, starts[i + 1] ?? text.length), label, gap);
    if (d && ok(d)) counts.set(d, (counts.get(d) ?? 0) + 1);
  });
  const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [first, 0];
  return n > (counts.get(first) ?? 0) ? top : first;
}

/**
 * Date of service of a document of a given type. `sentOn`, the date its fax header prints, lets
 * the unlabelled fallbacks pass over a date printed 20 or more years before it: a birth date
 * whose label OCR garbled ("Biel Date: 06/16/1947"), far likelier than a visit that old, and
 * over a date years after it.
 */
export function findServiceDate(docLines: Line[], type: string | undefined, dob?: string, sentOn?: string): string | undefined {
  const tooOld = (d: string) => !!sentOn && Number(sentOn.slice(0, 4)) - Number(d.slice(0, 4)) >= 20;
  // Nothing was done after the fax carrying it was sent: a date years later is a misread year
  // ("01/03/2072"). Only years: the header's own date may be misread too ("2/19/2022" for 12/19/2022).
  // Without a header date, nothing was done after today either ("Date/Time: January 26, 2074").
  const latest = sentOn ?? new Date().toISOString().slice(0, 10);
  // (A year of slack after a header's date, which OCR may misread itself; none after today.)
  const afterSent = (d: string) => (sentOn ? Number(d.slice(0, 4)) > Number(sentOn.slice(0, 4)) + 1 : d > latest);
  const lines = unfoldColumnLabels(docLines);
  const text = mendCutYears(mendYearGarbles(mendDateLabels(lines.map((l) => l.text).join('\n')), sentOn), dob);
  for (const re of DOS_LABELS[type ?? ''] ?? []) {
    const gap = re.source.includes('printed\\s+(?:by') || re.source.includes('?\\bon\\s') ? 4 : 30;
    const d = dateAfter(text, re, gap);
    if (d && d !== dob && !afterSent(d)) return labelCopiesVote(text, re, gap, d, (x) => x !== dob && !afterSent(x));
    const repaired = d && d !== dob ? yearMisread(d, latest) : undefined;
    if (repaired) return repaired;
  }
  // A report naming its exam on a line of its own, the exam's date after it ("Examination: CT HEAD WITHOUT
  // CONTRAST – 17 February 2023"): a radiology report is of the day the study was done, not of the letter's
  // date above it (the day it was read and signed) nor of a received stamp. Only on that line: the next
  // line may be the comparison study's. q-1211 (GT): 2 radiology dates.
  if (type === 'radiology_report') {
    // The text with its label words mended ("Examinatlon:").
    for (const l of text.split('\n')) {
      const m = /^\s*(?:exam(?:ination)?|study|procedure|examen)\b[^:\n]{0,12}[:;]/i.exec(l);
      if (!m) continue;
      const d = findDates(l.slice(m[0].length)).map((x) => x.date).find((x) => x !== dob && !afterSent(x) && !tooOld(x));
      if (d) return d;
    }
  }
  // A results table whose first column is the collection date ("Collected   Order   Component ..."):
  // the date under that caption, in its column (a date with its slashes read as 1s too: "0211512025").
  if (type === 'lab_report') {
    const d = dateUnderCaption(lines, COLLECTED_CAPTION);
    if (d && d !== dob && !afterSent(d) && !tooOld(d)) return d;
  }
  if (type === 'immunization_record') {
    // A history is dated the day it was printed, after every dose it lists: with its label garbled
    // past reading ("Puntod May 1.2025"), the latest date it prints.
    // Not the dates of a forecast after the history: doses due, not given. (Its heading comes after
    // a dose's date; a title "History and Forecast" above everything does not count.)
    const firstDated = lines.findIndex((l) => findDates(l.text).some((d) => d.date !== dob));
    const forecast = firstDated < 0 ? -1 : lines.findIndex((l, i) => i > firstDated && /\b(?:forecast|recommended\s+(?:vaccines|immunizations)|vaccines?\s+due|due\s+dates?)\b/i.test(l.text));
    const latest = (forecast >= 0 ? lines.slice(0, forecast) : lines)
      .flatMap((l) => findDates(l.text).map((d) => d.date))
      .filter((d) => d !== dob && !afterSent(d) && !tooOld(d))
      .sort()
      .pop();
    if (latest) return latest;
  }
  if (type === 'insurance_billing') {
    // The first date of a service line of the claim table: a date printed before the line's first amount.
    const nonEmpty = lines.filter((l) => l.text.trim());
    // Amounts above the table's header row are the statement's (amount due beside the statement
    // date): the lines below the header are read first.
    // The header also as a text layer gives it, its columns one space apart ("Date Code Description Charges").
    const header = nonEmpty.findIndex(
      (l) => cells(l.text).some((c) => CLAIM_DATE_COLUMN.test(c.text)) || /^\s*(?:service\s+)?dates?(?:\s+of\s+service)?\s+(?:\w+\s+){0,3}?(?:code|description|service|charges?|billed)\b/i.test(l.text),
    );
    const order = nonEmpty.map((_, i) => i).sort((a, b) => Number(a <= header) - Number(b <= header) || a - b);
    for (const i of order) {
      const l = nonEmpty[i]!;
      const amount = /\$\s?\d/.exec(l.text);
      if (!amount) continue;
      const before = l.text.slice(0, amount.index);
      // Not a date another label names ("Date processed: Jun 2, 2023   $47.88" beside the amount you owe).
      const own = findDates(before).find((x) => !/\b(?:processed|statement|due|printed|paid|issued|received)\b[^\d]{0,6}$/i.test(before.slice(Math.max(0, x.index - 24), x.index)));
      const d = own?.date ?? wrappedCellDate(nonEmpty, i, before);
      if (d && d !== dob && !afterSent(d)) return d;
    }
    const st = dateAfter(text, /\bstatement\s+date\s*:?/i, 30);
    if (st) return st;
  }
  // Generic fallbacks, then the first date that is not a birth date or a "printed" stamp.
  for (const re of [/\b(?:date\s+of\s+service|service\s+date|visit\s+date|DOS|encounter\s+date)\s*:?/i, /\bdate\s*:/i]) {
    const d = dateAfter(text, re, 30);
    if (d && d !== dob && !tooOld(d) && !afterSent(d)) return d;
  }
  // The first unlabelled date; one that is the fax's own date only when no other is printed (a
  // "received" stamp OCR garbled past recognition prints the day the fax came).
  // A received stamp's date ("REC'D" over "DEC 18 2023") is the day the paper came, not the visit:
  // taken only when nothing else is dated either.
  let sentDay: string | undefined;
  let stampDay: string | undefined;
  const head = lines.slice(0, 60);
  // The stamp's word in capitals and without a colon: "Date received: 08/31/2022" and a report's
  // "RECEIVED: 09/29/24" are labels of the specimen's arrival, often the only date a lab report prints.
  const RECEIVED = /\b(?:REC'?D|Rec'd|RECEIVED)\b(?!\s*:)/;
  for (const [i, l] of head.entries()) {
    if (DOB_LABEL.test(l.text) && findDates(l.text).length === 1) continue;
    // A date cell whose slashes OCR lost ("09 16 2024" alone in a form's corner): a date's shape in a cell of its own.
    const spaced = cells(l.text).map((c) => (/^\d{2} \d{2} (?:19|20)\d{2}$/.test(c.text) ? { date: slashlessDate(c.text), index: c.start } : undefined)).filter((x): x is { date: string; index: number } => !!x?.date);
    for (const found of [...findDates(l.text), ...spaced]) {
      // A year years after the fax, one digit misread ("DELIVERED 5/15/2073" on a fax of 2023): the year it can be.
      const d = afterSent(found.date) ? { ...found, date: yearMisread(found.date, latest) ?? found.date } : found;
      if (d.date === dob || tooOld(d.date) || afterSent(d.date)) continue;
      // Nor a prior study's ("COMPARISON: XR KNEE dated 2023-01-04"): the report compares with it.
      if (/\b(?:print|dob|birth|signed|fax|comparison|compared|prior)/i.test(l.text.slice(Math.max(0, d.index - 25), d.index)) || /^\s*comparisons?\b/i.test(l.text)) continue;
      // A claim is of the day of its service, not of the days the payer processed it, issued the notice or
      // wants payment ("Processed Jun 6, 2025" above "Service 1 · Apr 9, 2025"). u-8494 (GT): 1 EOB date.
      if (type === 'insurance_billing' && /\b(?:processed|issued|statement|due|pay\s+by|paid\s+on)\b[^\d]{0,12}$/i.test(l.text.slice(Math.max(0, d.index - 25), d.index))) continue;
      // A cover sheet is dated the day it went out: there the fax's own date is the one.
      if (d.date === sentOn && type !== 'fax_cover_sheet') {
        sentDay ??= d.date;
        continue;
      }
      const above = head[i - 1]?.text.slice(Math.max(0, d.index - 12), d.index + 12) ?? '';
      if (RECEIVED.test(l.text.slice(Math.max(0, d.index - 12), d.index)) || RECEIVED.test(above)) {
        stampDay ??= d.date;
        continue;
      }
      return d.date;
    }
  }
  return sentDay ?? stampDay;
}

// ---------------------------------------------------------------- facility and author

const ORG = /\b(?:clinic|hospital|medical|health|healthcare|laborator(?:y|ies)|labs?|diagnostics|radiology|imaging|center|centre|associates|group|practice|physicians|pediatrics|cardiology|dermatology|orthopedics|oncology|family medicine|internal medicine|specialists|health plan|insurance|mutual|assurance|blue cross|pharmacy|partners|institute|system|services)\b/i;

/** The facility named in the letterhead (first lines of the document). */
export function findFacility(lines: Line[]): string | undefined {
  const top = lines.filter((l) => l.text.trim()).slice(0, 10);
  for (const l of top) {
    for (const c of cells(l.text)) {
      const t = c.text.replace(/\s*[|•·].*$/, '').trim();
      if (t.length < 6 || t.length > 70 || /:/.test(t) || /\d{3}/.test(t)) continue;
      if (/^(?:laboratory services|patient|fax|facsimile|report status)/i.test(t)) continue;
      if (ORG.test(t)) return t.replace(/\s*-\s*$/, '');
    }
  }
  return undefined;
}

const AUTHOR_LABELS = [
  /\b(?:ordering|attending|referring|rendering)(?:\s+(?:physician|provider|md|doctor))?\s*:\s*/i,
  /\belectronically\s+signed\s+by\s*:?\s*/i,
  /\b(?:primary\s+)?provider\s*:\s*/i,
  /\bphysician\s*:\s*/i,
  /\bsigned\s+by\s*:?\s*/i,
];

/** The author / ordering provider of a document. */
export function findAuthor(lines: Line[]): string | undefined {
  for (const re of AUTHOR_LABELS) {
    for (const l of lines) {
      const m = re.exec(l.text);
      if (!m) continue;
      let raw = l.text.slice(m.index + m[0].length).split(/\s{2,}/)[0] ?? '';
      raw = raw.replace(/\s+(?:at|on)\s+\d.*$/i, '').replace(/,\s*(?:radiologist|attending).*$/i, '');
      const cred = /^([A-Za-z][A-Za-z'’. -]+?)(?:,\s*(MD|DO|NP|PA-C|PA|FNP|DNP|RN|MBBS|PhD))\b/.exec(raw);
      const name = cred ? cred[1]! : cutName(raw);
      const p = parseName(name);
      if (p) return cred ? `${p.name}, ${cred[2]}` : p.name;
    }
  }
  return undefined;
}
