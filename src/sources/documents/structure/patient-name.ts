/**
 * Where a document names its patient: name candidates a line gives (label forms, column blocks,
 * caption grids, letters' phrases, names above a birth date), a page head's caps name, a name
 * before a date, and the order a comma form elsewhere gives a name read without its comma. Pure.
 */
import { DOB_LABEL } from './birth-date.js';
import { mendIdentityLabels, withoutAccents } from './caption-slips.js';
import { datedAgeCell, demographicsRow } from './demographics.js';
import { editDistance } from './fuzzy.js';
import { cells, pageMarker, type Line } from './lines.js';
import { cutName, parseName } from './person-name.js';

// The colon also as OCR reads it: a semicolon ("Patient Name;  DRAFTEZ, ROBERT").
// "Name" also as OCR misreads it: "Narne" (rn for m), "Nane", "Naw", "Nam", "Nae" (a letter lost).
// Who the record is about is also the "Resident" of a nursing home, a "Client" of a clinic, a
// pharmacy's "Customer", an occupational-health record's "Employee", a workers' compensation claim's
// "Claimant" (session 19); an institution's "Student" (student health), "Veteran" (VA), "Inmate" / "Offender" /
// "Detainee" (correctional health) (session 23, set-e); a travel clinic's "Traveler" and an occupational drug test's
// "Donor" (session 24, set-c).
const NAME_LABEL = /\b(?:Patient(?:'s)?\s*(?:Name|Narne)|Pt\.?\s*Name|Patient|Pt|Name|Narne|Nane|Naw|Nam|Nae|Member(?:\s*Name)?|(?:Resident|Client|Customer|Employee|Claimant|Student|Veteran|Inmate|Offender|Detainee|Travell?er|Donor)(?:\s*Name)?|(?:[RH]esults|Report|Records?)\s+[ft]or)\s*(?:\((?:last|first|,|\.|\s|mi|middle)+\))?\s*(?:[:;]|(?<=\S)\s[-–](?=\s))\s*/gi;
/**
 * A name label whose colon OCR lost or read as a point, before a "LAST, First M" name ("Patient
 * Sampleridge, Mary B", "Patient. DOE, JANE"), its comma also read as a point ("Name DOE. JANE").
 * The label in capitals too ("PATIENT SMITH, JOHN | MR# ..."), but not in mixed case. An institution's role captions
 * too, a grid's caption cell before its value ("Student   Doe, Jane", "VETERAN   DOE, JOHN Q"). Session 23 (set-e).
 */
const NAME_LABEL_NO_COLON = /\b(?:Patient(?:'s)?\s*Name|PATIENT(?:'S)?\s*NAME|Pt\.?\s*(?:Name|Nae|Nam|Narne)|PT\.?\s*NAME|Patient|PATIENT|Name|NAME|Student|STUDENT|Veteran|VETERAN|Inmate|INMATE)(?:\s*\((?:[Ll]ast|LAST|[Ff]irst|FIRST|,|\.|\s|MI|[Mm]iddle)+\))?\.?\s+([A-Z][A-Za-z'’-]+(?:,|\.(?=\s))\s*[A-Z][A-Za-z'’-]+(?:\s+[A-Z]\.?)?)(?=\s|$)/;
/** A social security number printed masked but its last four digits ("XXX-XX-1234", "***-**-1234"), or whole. */
// OCR may set a space beside a dash ("XXX -XX-0353"). Session 24 (e-3404 OCR).
const MASKED_SSN = /^(?:[X*]{3} ?- ?[X*]{2}|\d{3} ?- ?\d{2}) ?- ?\d{4}$/i;
/**
 * The same before a "First [M.] Last" name that another label or a date follows ("Patient Jane Q.
 * Doe   DOB 01/02/1960", "Patient. Jane Doe MRN 123", "Patient   Jane Doe 01/02/1960 Sex: F",
 * "Pt WAYNE DRAFTMAN - Birth date 1.27.1959").
 * "Date of birth" also in lower case, as a grid OCR flattened prints it ("Patient Betty D. Proxywright Date of
 * birth Jun 15, 1960"): t-8797 identity OCR, tx-0006's summary.
 */
/**
 * A nursing home's, a clinic's, an employer's and a claim's role caption without its colon, opening its cell before a
 * "LAST, First" cell ("RESIDENT DOE, Jane   ROOM 12"); the comma kept and the cell ended, as such words also open a
 * sentence in capitals ("RESULTS RELEASED TO EMPLOYEE ONLY. EMPLOYER …"). Session 25 (i-7900: a long-term care unit's
 * monthly order recap, its resident read with the birth date only).
 */
const ROLE_LABEL_NO_COLON = /(?:^|\s{2,})(?:Resident|RESIDENT|Client|CLIENT|Employee|EMPLOYEE|Claimant|CLAIMANT)\s+([A-Z][A-Za-z'’-]+,\s*[A-Z][A-Za-z'’-]+(?:\s+[A-Z]\.?)?)(?=\s{2,}|\s*$)/;
const NAME_LABEL_NO_COLON_FIRST_LAST =
  /\b(?:Patient(?:'s)?\s*Name|Patient|Pt|PT|Name|Resident|Client|Customer)\.?\s+([A-Z][A-Za-z'’-]+(?:\s+[A-Z]\.?)?\s+[A-Z][A-Za-z'’-]+)(?=\s*[,·|•–-]?\s*(?:(?:DOB|DOR|D\.O\.B|Date\s+of\s+[Bb]irth|[A-Za-z]?irth\s*[Dd]ate|Born|MRN|MR\s*#|Sex|Gender|Age)\b|Claim\s*(?:#|No\.?|Number)|\d{1,2}\/\d{1,2}\/\d{4}\b|\([A-Za-z]{3,10}\)(?:\s{2,}|\s*$)))/;

const CARET_NAME = /(?<![A-Za-z^])([A-Z][A-Za-z'’-]+)\^([A-Z][A-Za-z'’-]+)(?:\^([A-Z][A-Za-z'’.-]*))?(?:\^[^\s^]*)*(?![A-Za-z^])/g;
const SLASH_NAME = /(?<=\b(?:Patient(?:'s)?(?:\s*Name)?|PATIENT(?:'S)?(?:\s*NAME)?|Pt|PT|Name|NAME)\.?\s*[:;]?\s*)([A-Z][A-Za-z'’-]+)\/([A-Z][A-Za-z'’-]+(?:\s[A-Z]\.?)?)(?=\s|$)/g;

/** Name candidates on one line of text (several label forms). */
export function lineNameCands(line: string, next: string | undefined, prev: string | undefined, afterNext?: string): Array<{ raw: string; score: number }> {
  const out: Array<{ raw: string; score: number }> = [];
  // A space OCR read as an underscore ("Dummylli, Maria P_DOB: 08/21/1953"); no name holds one.
  // The Patient label with a letter lost or misread ("Patent Thomas Doe DOB ...", "Patlent:").
  // A speck beside a name's comma ("NAME: STUBFORD,. STEPHANIE"): the comma alone.
  // A name label before LAST/FIRST, the airline-style slash form of ticket slips and analyzer print-outs
  // ("PT: TESTWELL/DENNIS", "Name: DOE/JANE M"): the slash is the comma of "LAST, FIRST".
  // A DICOM / HL7 person name, its components split by carets ("DOE^JANE^Q", a PACS worklist's or a teleradiology
  // report's patient field): family^given^middle, read as "DOE, JANE Q". No other word prints a caret. Session 23 (set-f).
  const text = mendIdentityLabels(line.replace(/_/g, ' ').replace(/([A-Za-z])(?:,\s?\.|\.\s?,)(?=\s*[A-Z])/g, '$1,')).replace(SLASH_NAME, '$1, $2').replace(CARET_NAME, (_m, f: string, g: string, mi?: string) => `${f}, ${g}${mi ? ` ${mi}` : ''}`);
  const bare = NAME_LABEL_NO_COLON.exec(text) ?? NAME_LABEL_NO_COLON_FIRST_LAST.exec(text) ?? ROLE_LABEL_NO_COLON.exec(text);
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
  // A payer's member caption ("Insured: HAROLD J TESTBURY", "Subscriber Name:", "Beneficiary:", "Enrollee:",
  // "Policyholder:"): an EOB's member is whom the claim's services were for. Weaker than a Patient caption (1.5 against
  // 3): a claim form that prints both names the insured apart from the patient. Session 20.
  // Also a health-savings or spending account's holder ("Account holder:", "Cardholder:"), whose claims these are.
  // Session 21 (set-j: an HSA plan's claim summary, "Account holder: … Patient: Self").
  const MEMBER_LABEL = /\b(?:insured|subscriber|beneficiary|enrollee|policy\s?holder|(?:account|card)\s?holder|covered\s+(?:member|person))(?:['’]s)?(?:\s+name)?\s*[:;]\s*(?=[A-Za-z])/gi;
  for (let m = MEMBER_LABEL.exec(text); m; m = MEMBER_LABEL.exec(text)) out.push({ raw: cutName(text.slice(m.index + m[0].length)), score: 1.5 });
  // A certificate's attestation names its holder: "This is to certify that John Doe", also with the name in a cell of
  // its own after a caption that holds the phrase ("This is to certify that [name] / Nous certifions que [nom]   JOHN DOE").
  const certify = /\bcertif(?:y|ies|ied)\s+that\b/i.exec(text);
  if (certify) {
    const direct = /^\s+([A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’.-]*){1,3})(?=\s*[,(]|\s{2,}|\s*$|\s+(?:born|DOB|of|has|was|is|who|date)\b)/.exec(text.slice(certify.index + certify[0].length));
    const end = certify.index + certify[0].length;
    const cell = cells(text).find((c) => c.start >= end && /^[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’.-]*){1,3}$/.test(c.text));
    const raw = direct?.[1] ?? cell?.text;
    if (raw) out.push({ raw: cutName(raw), score: 2 });
  }
  // "NAME DOB: ..." / "NAME (MRN ...)" / "NAME, DOB ..." / "NAME Birth date: ..." at the start of a cell, or a first cell followed by a DOB cell.
  const cs = cells(text);
  // A banner's fields parted by a middle dot or bar standing between wide gaps ("MyChart      Kimberly Protova      ·
  // DOB: 9/27/2004   ·   MRN: ..."): the dot parts the fields of one cell, as it does one space apart. Session 20.
  const dotted = cells(text.replace(/\s{2,}([·•|])\s{2,}/g, ' $1 '));
  for (const c of dotted) {
    // The DOB label also as OCR misreads it ("008", "D0B") when a date follows it.
    // A middle dot between the fields may read as a plus ("Sharon Protoby + DOB Jun 27, 2009").
    // A DOB that lost its D after such a dot ("Madison Fictridge - OB Aug 9, 1964").
    // A caption whose colon OCR lost opens the cell ("Pt WAYNE DRAFTMAN - Birth date ..."): no part of the name.
    // "Birth" garbled as the birth-date label reads it ("Susan Testington Date of bith 12.26.1951"). Session 19.
    const m = /^(?:(?:Patient|Pt|Name)\.?\s+)?([A-Za-z][A-Za-z'’ ,.-]{2,50}?)\s*[,(·|•+-]?\s*(?:\(?\s*(?:DOB|D\.O\.B\.?|MRN|B(?:irth|[il1r][a-z]{0,2}h)\s*date|Date\s+of\s+b(?:irth|[a-z]{1,3}th|[a-z]{0,3}h))\b|[D0O][O0][B8]\.?:?\s*\d{1,2}[/.-]\d)/i.exec(c.text) ?? /^([A-Za-z][A-Za-z'’ ,.]{2,50}?)\s+[-–·•+]\s?OB\s+(?=[A-Z][a-z]{2}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})/.exec(c.text);
    if (m) out.push({ raw: cutName(m[1]!), score: 2 });
    // A banner opening with the name, its birth date after a separator and the word "born" instead of a DOB label
    // ("Jane Q. Doe · Born 4 Mar 1950 · Female · Chart 0012345", "DOE, JANE — born 03/04/1950"): a results summary's or
    // a patient portal's header, no name caption on it. Capitals open each word of the name and a date follows the word.
    // Session 25 (c-7900 and four other sets: a results summary's patient read with its birth date and no name).
    const born = /^([A-Z][A-Za-z'’-]+,?(?:\s+[A-Z][A-Za-z'’.-]*){1,3})\s*[,·|•–—-]\s*[Bb]orn:?\s+(?=\d{1,2}[\s/.-]|[A-Z][a-z]{2,8}\.?\s+\d)/.exec(c.text);
    if (born) out.push({ raw: cutName(born[1]!), score: 2 });
    // The birth date in a bracket after the name, behind an identifier ("JANE DOE (id #0012345, dob: 03/04/1950)", "Doe,
    // Jane (MRN 5521; DOB 3/4/1950)"): a results print's patient line. Session 25 (t-7900: the name lost, the date kept).
    const bracketed = /^([A-Z][A-Za-z'’-]+,?(?:\s+[A-Z][A-Za-z'’.-]*){1,3})\s*\((?:[^()]{0,40}?[,;]\s*)?(?:DOB|D\.O\.B\.?|dob|[Bb]orn|[Bb]irth\s*[Dd]ate|[Dd]ate\s+of\s+[Bb]irth)\s*[:#]?\s*\d/.exec(c.text);
    if (bracketed) out.push({ raw: cutName(bracketed[1]!), score: 2 });
  }
  // Its caption, the colon OCR lost, is no part of the name ("Patient Peter S. Demoson   Date of birth: ..."). Session 19.
  // A masked SSN cell between the name and the birth date ("DOE,JANE Q   XXX-XX-1234   DOB-MAR 4,1950", VA and military
  // prints): an identifier like the MRN, passed over. Session 23 (set-e).
  const dobCell = cs.length >= 3 && MASKED_SSN.test(cs[1]!.text) ? 2 : 1;
  // With the SSN cell between them the row is the patient's whatever its indent (a skewed page shifts OCR's margin:
  // "         FAUXRIDGE, DANIELLE   XXX -XX-0353   DOB~JUN 27,2003"). Session 24 (e-3404 OCR).
  // The birth date's cell captioned "Birth", "Birthdate" or "Born" before its date ("DOE, JANE   Birth 05.22.1944   Sex F",
  // a flowsheet's or a summary's patient row). Session 25 (n-7900, r-7900: lab prints naming the patient on such a row).
  if (cs.length > dobCell && (cs[0]!.start < 8 || dobCell === 2) && (/^(?:DOB|D\.O\.B\.?|Date of Birth)\b/i.test(cs[dobCell]!.text) || /^(?:Birth\s*date|Birth|Born)\s*[:.#-]?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/i.test(cs[dobCell]!.text)) && !/:/.test(cs[0]!.text)) out.push({ raw: cutName(cs[0]!.text.replace(/^(?:patient(?:'s)?(?:\s+name)?|pt|name)\.?\s+(?=[A-Z])/i, '')), score: 2 });
  // A claim's member printed beside its claim or member number (payer EOBs: "Dmitri Madeupcott   Claim number: 5976K30899463").
  if (cs.length >= 2 && cs[0]!.start < 8 && /^(?:claim|member|subscriber)\s*(?:#|no\.?|number|id)\b/i.test(cs[1]!.text) && /^[A-Z][a-z'’-]+(?: [A-Z]\.?)?(?: [A-Z][a-z'’-]+){1,2}$/.test(cs[0]!.text)) out.push({ raw: cs[0]!.text, score: 2 });
  // The same in a text layer that puts one space between the cells ("Jesse Proxyva Claim number: 1337U02243687").
  const memberFlat = /^\s*([A-Z][a-z'’-]+(?: [A-Z]\.?)?(?: [A-Z][a-z'’-]+){1,2}) (?:Claim|Member|Subscriber) ?(?:#|no\.?|number|ID)\b/.exec(text);
  if (memberFlat && cs.length === 1) out.push({ raw: memberFlat[1]!, score: 2 });
  // A payer's running footer naming its member before the claim's number ("Plan Member Harold Notrealberg Claim
  // 1418R51739897   Page 2 of 2"; the claim word OCR may garble: "Clam"). u-1803 (OCR): remittances whose
  // member row OCR lost.
  const memberFooter = /\bMember\s+([A-Z][a-z'’-]+(?: [A-Z]\.?)?(?: [A-Z][a-z'’-]+){1,2}) (?:Cl[a-z]{1,4}|ID)\s*(?:#|No\.?)?\s*[:#]?\s*(?=[A-Z0-9-]*\d)/.exec(text);
  if (memberFooter) out.push({ raw: memberFooter[1]!, score: 2 });
  // A form grid of label cells and value cells ("Patient   Ethan Stubers   MRN   26038001"); the
  // caption may carry a mark of its box's edge ("(Patient", "|Patient", OCR's quote: "\"Patient").
  // A bare "Name" caption opening the line names the patient too (the patient block of a report heads its grid;
  // OCR may add an accent: "Namé"), when the cell after it is a name and no doctor's.
  // A bilingual caption names the field in both languages ("Nombre / Name", "Patient / Paciente"): either part is the
  // caption. Session 23 (set-e).
  cs.forEach((c, i) => {
    const parts = [c.text, ...c.text.split(/\s+\/\s+/)];
    if (parts.some((t) => /^[(\[|"“'‘]?(?:patient(?:'s)?\s+name|pt\.?\s+name|patient)$/i.test(t)) && cs[i + 1]) out.push({ raw: cutName(cs[i + 1]!.text), score: 2 });
    else if (i === 0 && c.start < 12 && parts.some((t) => /^name$/i.test(withoutAccents(t))) && cs[1] && /^[A-Za-z][A-Za-z'’-]+,?(?: [A-Za-z][A-Za-z'’.-]*){1,3}$/.test(cs[1].text) && !/^(?:dr|doctor)\b|,?\s(?:md|do|np|pa|rn)\.?$/i.test(cs[1].text)) out.push({ raw: cutName(cs[1].text), score: 2 });
  });
  // A demographics row under captions OCR garbled past reading: name, birth date, sex.
  const row = demographicsRow(text);
  if (row) out.push({ raw: row.name, score: 2 });
  // Name fields apart: "Last Name: DOE   First Name: JANE".
  const last = /\bLast\s*Name\s*:\s*([A-Za-z][A-Za-z'’-]+(?:\s[A-Za-z][A-Za-z'’-]+)?)/i.exec(text) ?? (next ? /\bLast\s*Name\s*:\s*([A-Za-z][A-Za-z'’-]+)/i.exec(next) : null);
  const first = /\bFirst\s*Name\s*:\s*([A-Za-z][A-Za-z'’-]+)/i.exec(text);
  if (last && first) out.push({ raw: `${last[1]}, ${first[1]}`, score: 3 });
  // A form's name boxes captioned inside, one word before each value, no "Name" nor colon ("Last Doe   First Jane
  // M.I. Q", "Surname DOE   Given JANE"): each caption opening a cell of its own, the family name's first. Session 21
  // (set-j: a camp health form, "Camper / staff name   Last …   First …").
  if (!last) {
    const boxed = /(?:^|\s{2,})(?:Last|Family|Surname)\s+(?!Name\b)([A-Z][A-Za-z'’-]+(?:[ -][A-Z][A-Za-z'’-]+)?)\s{2,}(?:First|Given)\s+(?!Name\b)([A-Z][A-Za-z'’-]+)(?=\s{2,}|\s*$|\s+(?:M\.?I\.?|Middle)\b)/.exec(text);
    if (boxed) out.push({ raw: `${boxed[1]}, ${boxed[2]}`, score: 3 });
  }
  // Name captions over their values, without colons ("Last Name   First Name   MI" over "Draftwell   Eric   A", a
  // vaccination card's or a form's boxes): each value in its caption's column. Session 19 (set-n).
  if (next !== undefined && !last) {
    const caps = cells(text);
    // A caption's first word a letter off as OCR read it ("Furst Name" over "Richard", both captions needed). n-2403 (OCR). Session 20.
    // Also a box's caption without the word "name", its synonyms too ("LAST   FIRST   MI   DATE OF BIRTH" over "DOE   JANE
    // Q   05-11-07", "Family   Given" over their values: a certificate's or a registry card's name boxes), each a cell of
    // its own and both on the line. Session 22 (set-g: a county health department's immunization certificate).
    const BARE: Record<string, RegExp> = { last: /^(?:last|family|surname)(?:\s+name)?$/i, first: /^(?:first|given)(?:\s+names?)?$/i };
    const caption = (t: string, w: string) => (/^[A-Za-z]{3,6}\s*name$/i.test(t) && editDistance(t.replace(/\s*name$/i, '').toLowerCase(), w, 1) <= 1) || BARE[w]!.test(t);
    const lastCap = caps.find((c) => caption(c.text, 'last'));
    const firstCap = caps.find((c) => caption(c.text, 'first'));
    // A row of a date box's part captions between the captions and their values ("MO   DAY   YR" under BIRTHDATE): the
    // values are on the line after it. Session 24 (i-7800: a state registry's lifetime immunization record).
    const partCaptions = /^\s*(?:(?:MO|MM|MON|MONTH|DA|DAY|DD|YR|YY|YYYY|YEAR)\s*)+$/i.test(next) && afterNext !== undefined;
    const values = lastCap && firstCap ? cells(partCaptions ? afterNext! : next) : [];
    const under = (cap: { start: number } | undefined) => (cap ? values.find((v) => Math.abs(v.start - cap.start) <= 4) : undefined);
    const [family, given] = [under(lastCap), under(firstCap)];
    const word = /^[A-Za-z][A-Za-z'’-]+$/;
    if (family && given && word.test(family.text) && word.test(given.text)) out.push({ raw: `${family.text}, ${given.text}`, score: 3 });
  }
  // The next caption one space after the name, its gap lost ("RE: TRIALBROOK, OLUMIDE CHART #: 3991699", a text that
  // kept no columns). Session 21 (i-3001 flattened text).
  // "RE: NAME DOB" in letters and covers; "Medical records - NAME". The caption opening its line
  // with its colon lost, a wide gap after it ("SUBJECT          Medical records - DOE, JANE T"). The middle dot before
  // "born" OCR reads as a colon, and "born" as "bom" ("Re: Your results - Jane Doe : bom 3/26/1968": a colon before
  // a birth word ends the name, it opens no caption). Session 24 (h-3106 OCR).
  // The subject's words may be parted from the name by a middle dot or bar as by a dash ("Re: Your laboratory results ·
  // Jane Doe · born 3/4/1950"). Session 25 (h-7900: a results letter's patient read with its birth date, no name).
  const re = /(?:\b(?:RE|Regarding|Subject)\s*:|^\s*(?:RE|Regarding|Subject)(?=\s{2,}))\s*(?:[A-Za-z ]{0,40}?\s[-–·•|]\s)?([A-Za-z][A-Za-z'’ ,.-]+?)(?=\s+(?:[·•|:]\s+)?(?:DOB|D\.O\.B|\(|,\s*DOB|born|bom(?=\s*\d))|\s{2,}|$|\s+[A-Za-z]+\s*(?:#\s*)?:(?!\s*(?:born|bom|DOB|D\.O\.B)\b))/i.exec(text);
  if (re) out.push({ raw: cutName(re[1]!), score: 1.5 });
  // Letters: "Thank you for seeing my patient, Madison Samplewright, a 75-year-old woman".
  // A payer's notice names its member in its title ("Notice for Jeremy Placeholdercott", "Statement for JANE DOE").
  const noticeFor = /\b(?:notice|statement|summary)\s+for\s+([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]*){1,3})(?=\s{2,}|\s*$)/i.exec(text);
  if (noticeFor && /^[A-Z]/.test(noticeFor[1]!)) out.push({ raw: noticeFor[1]!, score: 1.5 });
  const myPatient = /\b(?:my|our)\s+patient,?\s+([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]*){1,2})(?=,|\s+(?:a|an|who|for|DOB|born)\b|\s*$)/.exec(text);
  if (myPatient) out.push({ raw: myPatient[1]!, score: 1.5 });
  // The birth date also in brackets after the name ("Results for Jane Doe (DOB 3/4/1950)", a patient portal's
  // printed result page). Session 24 (set-d radiology.d1: no patient read on any copy).
  const forDob = /\b(?:for|patient,?|regarding)\s+([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]*){1,3}),?\s+\(?\s*(?:DOB|D\.O\.B|born)/.exec(text);
  if (forDob) out.push({ raw: forDob[1]!, score: 1.5 });
  // The same phrase wrapped between the given and the family name ("... the records you requested for Melissa" /
  // "Protolli, DOB 11/29/1988. 2 pages ..."): the line ends with the given name, the next opens with the family name
  // before the birth-date label. Session 22 (o-2304, OCR): a cover naming the patient of a remittance OCR lost.
  const forWrapped = /\b(?:for|patient,?|regarding)\s+([A-Z][a-z'’-]+(?:\s+[A-Z]\.?)?)\s*$/.exec(text);
  const wrappedFamily = forWrapped && next !== undefined ? /^\s*([A-Z][A-Za-z'’-]+),?\s+(?:DOB|D\.O\.B|born)\b/.exec(next) : null;
  if (forWrapped && wrappedFamily) out.push({ raw: `${forWrapped[1]} ${wrappedFamily[1]}`, score: 1.5 });
  // A form's "Name" caption alone on its line, the value written on the line below, right of it (a patient-filled form:
  // "Name" over "          Jane Doe          Birthdate"): the first cell below, when it is a name's shape and no doctor's
  // and begins past the caption's end.
  // Session 25 (g-7900, i-7900: a "my medicine list" form's patient read with the birth date only).
  if (next !== undefined && /^\s*(?:(?:patient(?:'s)?|full|your)\s+)?name\s*:?\s*$/i.test(text)) {
    // Past the caption's end (a box to write in), not under it as a table's "Name" column head's values are.
    const capAt = text.search(/\S/);
    const capEnd = text.trimEnd().length;
    const first = cells(next)[0];
    if (first && first.start >= capEnd && first.start - capAt <= 40 && /^[A-Z][A-Za-z'’-]+(?:,\s?|\s)(?:[A-Z]\.?\s)?[A-Z][A-Za-z'’-]+(?:\s[A-Z]\.?)?$/.test(first.text) && !/^(?:dr|doctor)\b|,?\s(?:md|do|np|pa|rn)\.?$/i.test(first.text)) out.push({ raw: cutName(first.text), score: 2 });
  }
  // Column block: a "Patient" / "Patient Information" heading, the name below it in the same column.
  if (next !== undefined) {
    // Also a form's numbered caption ("6. Patient's Name and Address" over "NOTREALHURST, CATHERINE").
    // Its number also without a point, a letter after it (a claim form's locators: "8 PATIENT NAME", "3a"). Session 19.
    const hm = /(?:\b\d{1,2}[a-z]?\.?\s)?\bpatient(?:'s)?(?:\s+(?:information|details|name(?:\s+and\s+address)?|demographics|info))?\b(?!\s*[:#])/i.exec(text);
    // The heading is a cell of its own: not "my patient, ..." in a letter, nor "Patient 1D. 00123" (an ID label).
    const heading = hm && cells(text).some((c) => c.start === hm.index && c.text.length === hm[0].length);
    if (hm && heading && !/:\s*\S/.test(text.slice(hm.index, hm.index + hm[0].length + 3))) {
      const starts = [...next.matchAll(/\S+/g)].map((w) => w.index ?? 0);
      const at = starts.reduce((b, x) => (Math.abs(x - hm.index) < Math.abs(b - hm.index) ? x : b), starts[0] ?? 0);
      // Headings over as many cells as they are ("Specimen Details   Patient Details   Physician Details" over
      // "Specimen ID: ...   Doe, Jane   SMITH, JOHN"): the cell below is the one in the heading's place, though
      // OCR squeezed the columns apart (the physician's name had come nearer the heading). x-1805 (OCR): identity.
      const heads = cells(text);
      const below = cells(next);
      const k = heads.findIndex((c) => c.start === hm.index);
      if (heads.length >= 3 && heads.length === below.length && k >= 0) out.push({ raw: cutName(below[k]!.text), score: 2 });
      else if (Math.abs(at - hm.index) <= 8 || hm.index === 0) out.push({ raw: cutName(next.slice(hm.index === 0 ? starts[0] ?? 0 : at)), score: 2 });
    }
  }
  // A cell of its own opening a line that is a "Last, First M" name with its middle initial
  // (report headers: "Proxyworth, Jacob N      Patient Report"); addresses and labels never take that shape.
  // Not under a header row of the ordering physician's columns ("Ordering Physician   Collection Date").
  // A header row that also captions the patient ("Resident   Room / Bed   Birthdate ...   Attending") is the patient's. Session 19.
  const lead = cs[0];
  const underPhysician = !!prev && /\b(?:ordering|referring|attending|physician|provider|doctor)\b/i.test(prev) && !/\b(?:patient|name|resident|client|member)\b/i.test(prev);
  if (lead && lead.start < 8 && !underPhysician && /^[A-Z][A-Za-z'’-]+,\s?[A-Z][A-Za-z'’-]+\s[A-Z]\.?$/.test(lead.text)) out.push({ raw: lead.text, score: 1 });
  // A demographics line opening with the patient's "Last, First M", its fields after it one space apart, their
  // labels OCR garbled ("Triaimore, Christine MAN: 5473066 DOB: 9/27/1978", "MADEUPINGTON, DORIS N Birth Dace:
  // 0411377 Age: 44years Sex Female"): the name, when a label with its colon follows it and the line prints the
  // birth date's label or the age's or sex's. t-1802, x-1805 (OCR): identity.
  // A running footer of the same shape before its page marker ("Proxyz II, Steven Specimen ID: 2163281450 Page 1 of 2")
  // counts as an unlabelled name. x-1805 (text flattened to single spaces, as OCR prints it): identity.
  // A caps family name's comma OCR read as a point ("SPECIMENSKI. BOBBY A. Bath Date: ..."): the comma. s-2701 (OCR). Session 20.
  const commaMended = text.replace(/^(\s{0,7}[A-Z][A-Z'’-]{2,})\.(?=\s[A-Z][A-Z'’-]+\b)/, '$1,');
  const demoLead = /^\s{0,7}([A-Z][A-Za-z'’-]+(?:\s(?:Jr|JR|Sr|SR|I{2,3}|IV|[Il1]{2,3})\.?)?,\s?[A-Z][A-Za-z'’-]+(?:\s[A-Z]\.?)?)\s+[A-Z][A-Za-z#]*(?:\s[A-Za-z]+)?\s?:/.exec(commaMended);
  if (demoLead && (DOB_LABEL.test(text.slice(demoLead[1]!.length)) || /\b(?:Age|Sex|Gender)\s*:/.test(text))) out.push({ raw: demoLead[1]!, score: 2 });
  else if (demoLead && pageMarker(text)) out.push({ raw: demoLead[1]!, score: 1 });
  // A caps "LAST, FIRST M" right before the record number's label and number ("FAKESHOLT, WALTER A MR E3134841", a
  // form's footer after its form number). t-1802 (flattened text): identity.
  const capsBeforeMrn = /(?:^\s*|\s)([A-Z][A-Z'’-]{2,},\s?[A-Z][A-Z'’-]+(?:\s[A-Z])?)\s+(?:MRN?|MR\s*#|#\s*MR)[\s:#-]*(?=[A-Z]{0,3}-?\d)/.exec(text);
  if (capsBeforeMrn) out.push({ raw: capsBeforeMrn[1]!, score: 1 });
  // "LAST, FIRST M" opening a line right above a date-of-birth line.
  const agedNext = next !== undefined && !DOB_LABEL.test(next) ? datedAgeCell(next) : undefined;
  if (next !== undefined && (DOB_LABEL.test(next) || agedNext)) {
    const m = /^\s*([A-Z][A-Za-z'’-]+,\s*[A-Z][A-Za-z'’-]+(?:\s+[A-Z]\.?)?)(?=\s|$)/.exec(text);
    if (m) out.push({ raw: m[1]!, score: 1 });
    // A name alone in the cell right above the birth date (letterheads: "Clinic ...   Larry Sample" over "DOB: ...").
    // Or over a birth-date cell without a label ("5/19/1996 · 27 yrs · Female").
    const at = agedNext ? agedNext.start : DOB_LABEL.exec(next)!.index;
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
  // A name opening its cell with the age and sex in brackets after it ("Doe, Jane M (74 y.o. F) · DOB …", an EHR's patient
  // banner): whose age that is, the patient. Session 22 (set-h: an eConsult request's patient line).
  for (const c of dotted) {
    const aged = /^([A-Z][A-Za-z'’-]+(?:,\s?|\s)[A-Z][A-Za-z'’-]+(?:\s[A-Z]\.?)?)\s*\(\s*\d{1,3}\s*(?:y\.?\s?o\.?|yo|y\/o|yrs?|years?(?:\s+old)?|Y)\s*,?\s*(?:M|F|Male|Female)?\s*\)/.exec(c.text);
    if (aged) out.push({ raw: cutName(aged[1]!), score: 2 });
  }
  // A city and state before a ZIP code ("Peoria, IL 61602" in an address block over the birth date) has a
  // "Last, First" shape: no name is followed by a ZIP code. u-1803 (OCR): a results letter's patient.
  return out.filter((c) => !/,\s*[A-Z]{2}$/.test(c.raw) || !new RegExp(`${c.raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+\\d{5}(?:-\\d{4})?(?!\\d)`).test(text));
}

/**
 * A "Last First" name whose comma OCR lost reads as "First Last" ("Pseudohursi James DOB ..."):
 * when the document prints the same two words as "Last, First" elsewhere ("Pseudohurst, James"),
 * that order is the name's.
 */
export function orderAsCommaForm(p: { name: string; given: string[]; family: string }, lines: Line[]): { name: string; given: string[]; family: string } {
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
 * A reference lab's page head prints its patient top right, without a caption: a caps
 * "LAST, FIRST M" cell ending one of the page's first lines, after the lab's name ("Bayside
 * Reference Laboratory      FAUXCOMBE, MARILYN H"). Not after a label cell ("Physician:
 * PSEUDOMAN, AMY" or "TO   SMITH, JOHN"): the cell before it must not end in a colon nor be one caps word.
 * Counts as an unlabelled name (score 1); it tells one patient's report from the next.
 */
export function headerCapsName(text: string): string | undefined {
  const cs = cells(text);
  const last = cs[cs.length - 1];
  // Its middle initial OCR may read as a symbol ("PROXYSHAW, TIMOTHY &"); parseName drops it.
  if (!last || !/^[A-Z][A-Z'’-]{2,},\s?[A-Z][A-Z'’-]{1,}(?:\s(?:[A-Z]\.?|[&%$#@*+]))?$/.test(last.text)) return undefined;
  const before = cs[cs.length - 2];
  if (before && (/[:#]\s*$/.test(before.text) || /^[A-Z]{1,12}$/.test(before.text) || !/[a-z]{3}/.test(before.text))) return undefined;
  if (last.start < 30) return undefined;
  return last.text;
}

/** A caps name of two words right after a Patient/Name label without its colon, ending its cell. */
export const CAPS_NAME_AFTER_LABEL = /^\s*(?:PATIENT(?:\s+NAME)?|NAME)\s*[;.]?\s+([A-Z][A-Z'’-]+)\s+([A-Z][A-Z'’-]+)(?:\s+[A-Z]\.?)?(?=\s{2,}|$)/;

/**
 * "First [M.] Last 03/26/2008" opening a line or a cell: a name, then a full date (also "23 AUG 1947", "1947-08-23":
 * t-1802, flattened text). Or a caps
 * "LAST, FIRST M" cell with the date in the next cell: a demographics row whose captions above
 * ("Date ct Bee") OCR garbled past reading.
 */
export const NAME_BEFORE_DATE = /(?:^|\s{2,})([A-Z][a-z'’-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][A-Za-z'’-]+){1,2}|[A-Z][A-Z'’-]+,\s*[A-Z][A-Z'’-]+(?:\s+[A-Z]\.?)?),?\s+(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}|\d{1,2}\s[A-Z][A-Za-z]{2}\s(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?!\d)/;
