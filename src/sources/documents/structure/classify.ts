/**
 * Document type from keyword evidence. Each type has title phrases (strong, looked for in the
 * top lines of the first page) and body phrases (weaker, anywhere); scores are summed.
 * The keyword tables are data in ./keywords.json.
 */
import keywords from './keywords.json' with { type: 'json' };
import { dateAfter } from './dates.js';
import { editDistance } from './fuzzy.js';
import type { Line } from './lines.js';
import { ADMISSION_CAPTION, DISCHARGE_CAPTION, dateUnderCaption, flatStayCaptionDate, STAY_RANGE } from './service-date.js';
import { parseDate } from './dates.js';

export const DOC_TYPES = [
  'lab_report',
  'discharge_summary',
  'office_visit_note',
  'medication_list',
  'immunization_record',
  'radiology_report',
  'referral_letter',
  'fax_cover_sheet',
  'insurance_billing',
  'other',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

interface TypeKeywords {
  title: string[];
  body: string[];
}
const TABLE = keywords as Record<string, TypeKeywords>;

function compile(words: string[]): RegExp[] {
  return words.map((w) => new RegExp(`(?:^|[^a-z])${w.replace(/ /g, '\\s+')}(?:$|[^a-z])`, 'i'));
}
/** Title phrases as they read in a letter-spaced title closed up: no spaces, so no word boundaries either. */
function compileClosedUp(words: string[]): RegExp[] {
  return words.map((w) => new RegExp(w.replace(/ /g, ''), 'i'));
}
/**
 * Title phrases as they read with their first letter lost (a shifted margin or skew cut it: "rogress Notes"),
 * at the start of a cell only, for phrases opening with two letters and eight characters long or more: a
 * short phrase cut by a letter matches too many words. q-1211 (OCR): a progress note whose title lost its P
 * was taken for the medication list its "Current Medications" section looks like.
 */
function compileCut(words: string[]): Array<RegExp | undefined> {
  return words.map((w) => (/^[a-z]{2}/i.test(w) && w.length >= 8 ? new RegExp(`^${w.slice(1).replace(/ /g, '\\s+')}(?:$|[^a-z])`, 'i') : undefined));
}
/**
 * Plain title phrases (letters and spaces, ten characters or more) as OCR misspells them: a run of as many
 * words in a head cell within two edits (one below 18 characters: "patient record" is two from "patient report"),
 * case and spacing aside ("Discharge insirucions" is discharge instructions). Long phrases only: short ones
 * have too many neighbours.
 * Session 16; no set's figure changes, a guard for held-out layouts through OCR.
 */
function fuzzyTitles(words: string[]): Array<((cell: string) => boolean) | undefined> {
  return words.map((w) => {
    if (!/^[a-z ]{10,}$/i.test(w)) return undefined;
    const phrase = w.toLowerCase();
    const n = phrase.split(' ').length;
    const max = phrase.length < 18 ? 1 : 2;
    return (cell: string) => {
      const ws = cell.toLowerCase().split(/\s+/).filter(Boolean);
      for (let i = 0; i + n <= ws.length; i++) {
        const run = ws.slice(i, i + n).join(' ');
        if (/[^a-z ]/.test(run)) continue;
        if (editDistance(run, phrase, max) <= max) return true;
      }
      return false;
    };
  });
}
const FUZZY = Object.fromEntries(Object.entries(TABLE).map(([k, v]) => [k, fuzzyTitles(v.title)]));
const COMPILED = Object.fromEntries(
  Object.entries(TABLE).map(([k, v]) => [k, { title: compile(v.title), body: compile(v.body), closedUp: compileClosedUp(v.title), cut: compileCut(v.title) }]),
) as Record<string, { title: RegExp[]; body: RegExp[]; closedUp: RegExp[]; cut: Array<RegExp | undefined> }>;

/** A cell naming an organisation: its last word is one such names end with. */
const ORGANISATION_NAME = /\s(?:associates|group|cent(?:er|re)|clinic|hospital|institute|partners|llc|inc|p\.?c|pllc)\.?$/i;

/** A grid header naming the medications' (or drugs') column. */
const MEDICATION_DAY_GRID = /\b(?:medications?|drugs?|medicines?)\b/i;

/** The longest run of the day numbers 1, 2, 3 ... printed one after another on a line (a month's days across a grid). */
function dayRun(text: string): number {
  let best = 0;
  let run = 0;
  for (const w of text.trim().split(/\s+/)) {
    run = /^\d{1,2}$/.test(w) && Number(w) === run + 1 ? run + 1 : w === '1' ? 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** A stay's admission date after its label ("Admitted: Mar 10, 2022", "Admission date 03/10/2022", "Adm: 3/10/22"). */
const ADMITTED = /\b(?:admitted(?:\s+on)?|admission(?:\s+date)?|admit(?:\s+date)?|date\s+of\s+(?:admission|election)|election\s+date|start\s+of\s+care(?:\s+date)?|adm\.?(?:\s*dt\.?)?)\s*[:#]?\s*(?=\d|[A-Za-z]{3,9}\.?\s+\d)/i;
/** The stay's discharge date after its label ("Discharged: Mar 12, 2022", "Discharge date 03/12/2022", "D/C: 3/12/22"). */
const DISCHARGED = /\b(?:discharged(?:\s+on)?|(?:transfer\s*\/\s*)?discharge(?:\s*\/\s*transfer)?(?:\s+date)?|date\s+of\s+(?:live\s+)?discharge|d(?:i)?sch\.?(?:\s*dt\.?)?|D\/C(?:\s+date)?)\s*[:#]?\s*(?=\d|[A-Za-z]{3,9}\.?\s+\d)/i;

/**
 * A hospital stay's two dates, each after its label, near the head of the document (the first 25 lines): an
 * admission date and a discharge date on or after it. Session 20. Also as captions over their values, in their
 * columns (a head's grid of fields: "Date of Election" / "Date of Live Discharge" over the two dates), and a hospice
 * election or a start of care as the stay's start (held-out m-2501).
 */
function stayDates(lines: Line[]): boolean {
  const top = lines.slice(0, 25);
  const head = top.map((l) => l.text).join('\n');
  const admitted = dateAfter(head, ADMITTED, 4) ?? dateUnderCaption(top, ADMISSION_CAPTION, () => undefined) ?? flatStayCaptionDate(top, ADMISSION_CAPTION);
  const discharged = dateAfter(head, DISCHARGED, 4) ?? dateUnderCaption(top, DISCHARGE_CAPTION, () => undefined) ?? flatStayCaptionDate(top, DISCHARGE_CAPTION);
  return !!admitted && !!discharged && admitted <= discharged;
}

/** The stay's course told in a section of its own: "Hospital course", "Course in hospital", "Reason for hospitalization". */
const STAY_COURSE = /\b(?:hospital\s+course|course\s+in\s+(?:the\s+)?hospital|(?:reason\s+for|cause\s+of)\s+(?:hospitali[sz]ation|admission))\b/i;

/**
 * A hospital stay as a labelled range of two dates on one line near the head (the first 25 lines), the start on or
 * before the end, and a section telling the stay's course: that line's index. Session 21 (set-j).
 */
function stayRangeWithCourse(lines: Line[]): number | undefined {
  if (!lines.some((l) => STAY_COURSE.test(l.text))) return undefined;
  for (const [i, l] of lines.slice(0, 25).entries()) {
    const m = STAY_RANGE.exec(l.text);
    const [a, b] = m ? [parseDate(m[1]!), parseDate(m[2]!)] : [null, null];
    if (a && b && a <= b) return i;
  }
  return undefined;
}

/**
 * A letter whose writer thanks the reader for the patient sent ("Thank you for referring Mr. Doe, who was seen in our
 * office today", "Thanks for the referral of ...", "Thank you for allowing me to see ..."): the consultant's report back
 * to the referring doctor (a therapist's, a specialist's, an imaging practice's letter), not a referral: its "Dear Dr",
 * its referral words and its thanks are no referral's evidence, and the visit, study or results it reports speak for
 * its type. Session 22 (set-g: physical-therapy / behavioral-health progress letters typed referral letters, 4 of 4).
 */
const REPORT_BACK = /\bthanks?(?:\s+you)?\s+(?:so\s+much\s+|very\s+much\s+)?for\s+(?:(?:your|the|this)\s+(?:kind\s+)?referral\b|referring\b|(?:allowing|asking|permitting)\s+(?:me|us)\s+to\s+(?:see|evaluate|participate))/i;
/** The referral's evidence that a report-back letter also prints: the salutation, the referral words, the thanks. */
const REPORT_BACK_SHARED = new Set(['dear dr\\.?', 'dear', 'referring', 're[ft]er(?:red)?', 'thank you for (?:seeing|evaluating|your)']);

const NO_MEDICATIONS = /\b(?:current\s+|active\s+|home\s+)?medications?\s*:\s*(?:none|nil|no\s+(?:current\s+)?medications?)\b\.?/i;

/** An e-mail's header field ("From:", "Sent:", "To:", "Cc:", "Subject:") opening its line. */
const EMAIL_FIELD = /^\s*(?:from|sent|to|cc|bcc|subject|date|attachments?)\s*:/i;

/**
 * A printed e-mail (a referral or a request sent by mail and faxed on): its header block, From / Sent / To / Cc /
 * Subject, is the message's, not a fax cover's fields. Read as such when the page's head prints a Subject and a
 * From that gives an e-mail address or a Sent line, among three fields or more: the From / Sent / To / Cc lines
 * are left out and the subject stands as the page's title, its parts apart ("Referral - DOE, JANE - Cardiology").
 * Session 19 (set-p class 8).
 */
function emailPrint(lines: Line[]): Line[] {
  const head = lines.slice(0, 20);
  const fields = head.filter((l) => EMAIL_FIELD.test(l.text));
  const subject = fields.find((l) => /^\s*subject\s*:/i.test(l.text));
  const sender = fields.some((l) => (/^\s*from\s*:/i.test(l.text) && /@/.test(l.text)) || /^\s*sent\s*:/i.test(l.text));
  if (fields.length < 3 || !subject || !sender) return lines;
  return lines
    .filter((l) => !head.includes(l) || !EMAIL_FIELD.test(l.text) || l === subject)
    .map((l) => (l === subject ? { ...l, text: l.text.replace(/^\s*subject\s*:\s*/i, '').replace(/^(?:re|fw|fwd)\s*:\s*/i, '').replace(/\s+[-–—|]\s+/g, '   ') } : l));
}

/**
 * A cover sheet's fields in the page's first 30 lines: a From (or Sender) cell and a To (Recipient, Attn) cell, each a
 * caption with its colon or standing alone over its value, a fax number (`Fax` then ten digits or more), and a page
 * count (`Pages: 3`, `Number of pages 2`, `Document pages 4 (plus this page)`, `5 pages`). Session 20 (set-k).
 */
function coverFields(lines: Line[]): boolean {
  const head = lines.slice(0, 30);
  // A form's fields may be numbered ("3. Sent by", "B) Recipient"): the item number is no part of the caption.
  // Session 24 (set-c: a clinic's numbered outgoing-transmission form typed as the document after it).
  const cellsOf = (t: string) => t.split(/\s{2,}/).map((c) => c.trim().replace(/^(?:\d{1,2}|[A-Ha-h])[.)]\s+(?=[A-Za-z])/, '')).filter(Boolean);
  const cellHas = (re: RegExp) => head.some((l) => cellsOf(l.text).some((c) => re.test(c)));
  const from = cellHas(/^(?:from|sender|sent\s+by)\b\s*(?::|$)/i);
  const to = cellHas(/^(?:to|recipient|attn)\b\s*(?::|$)/i);
  // The number as printed: its area code may open with a parenthesis ("Fax (864) 555-0144"), the commonest US style.
  // Session 23 (set-d: an e-fax service's delivery cover typed a lab report).
  const fax = head.some((l) => /\bfax\b\s*(?:no\.?|number|#)?\s*:?\s*\+?\(?(?:\d[\s().-]*){10,}/i.test(l.text));
  // Sheets count as pages ("No. of sheets", "Sheets in this transmission 3"), and the count may stand under its caption
  // in the caption's column (a grid's "NO. OF SHEETS" over "4"). Session 24 (set-c).
  const pages = head.some((l) => /\b(?:pages?|sheets?)\b(?:\s+(?:sent|total|(?:in|of)\s+(?:this|the)\s+(?:transmission|fax|packet)))?\s*(?:\([^)]*\))?\s*[:#]?\s*\d{1,3}\b|\b\d{1,3}\s+(?:pages?|sheets?)\b/i.test(l.text)) || countUnderCaption(head);
  return from && to && fax && pages;
}

/**
 * A page-count caption ("No. of sheets", "Number of pages", "# Pages") with the count alone in a cell under it or to its
 * right on one of the two lines below (a cover's grid of captioned boxes: the count under its caption, or beside a
 * caption wrapped over two lines, on the second).
 */
function countUnderCaption(head: Line[]): boolean {
  for (const [i, l] of head.entries()) {
    const m = /(?:\b(?:no\.?|number)\s+of\s+|#\s*)(?:pages|sheets)\b/i.exec(l.text);
    if (!m) continue;
    for (const below of head.slice(i + 1, i + 3)) {
      const cell = /(?:^|\s{2,})(\d{1,3})(?=\s{2,}|\s*$)/g;
      for (let c = cell.exec(below.text); c; c = cell.exec(below.text)) {
        if (c.index + c[0].indexOf(c[1]!) >= m.index - 4) return true;
      }
    }
  }
  return false;
}

export interface TypeScore {
  type: DocType;
  score: number;
  /** Margin over the runner-up, 0..1. */
  confidence: number;
}

/**
 * Scores the types for a run of lines. `topLines` = lines of the first page's head, where a
 * title lives. `labRows` = number of lab result rows parsed in these lines (table evidence).
 */
export function classify(lines: Line[], labRows = 0): TypeScore {
  const scores = new Map<string, number>();
  // A page saying its patient takes none ("Current medications: none.") lists no medication: no medication list's
  // evidence (a referral form's line). y-1815 (OCR): a referral form read as a medication list.
  const nonEmpty = emailPrint(lines.map((l) => (NO_MEDICATIONS.test(l.text) ? { ...l, text: l.text.replace(NO_MEDICATIONS, ' ') } : l)).filter((l) => l.text.trim()));
  // Title lines: short cells near the top of the first page (not a sentence that mentions "lab results").
  const headCells = nonEmpty
    .slice(0, 14)
    // Not a cover's "RE:   Imaging report for ..." line: it names what is enclosed, not this page.
    .filter((l) => !/^\s*(?:re|regarding|subject)\s*:/i.test(l.text))
    // Nor a table row of charges: a statement's "04/20/2024  90471  Immunization administration  $31.07  $19.13"
    // names a service, not the document (two sums of money: no title line prints them).
    .filter((l) => (l.text.match(/\$\s?\d[\d,]*\.\d\d/g)?.length ?? 0) < 2)
    .flatMap((l, line) => {
      // A letterhead's middle dot or bar parts cells as wide gaps do ("Health Information Management · Release of Information Fax Transmittal").
      const cells = l.text.split(/\s{3,}|\s[·•|]\s/).map((c) => ({ text: c.trim(), line }));
      // A letter-spaced title puts three spaces or more between its words ("A F T E R   V I S I T   S U M M A RY"):
      // its words are cells of their own, so the title is also read closed up, word by word.
      const words = cells.filter((c) => c.text);
      let run: string[] = [];
      const merged: Array<{ text: string; line: number }> = [];
      for (const c of [...words, { text: '', line }]) {
        if (/^(?:[A-Za-z]{1,3} )+[A-Za-z]{1,3}$/.test(c.text)) run.push(c.text.replace(/ /g, ''));
        else {
          if (run.length >= 2) merged.push({ text: run.join(' '), line });
          run = [];
        }
      }
      // A capitals title whose words OCR (or a justified layout) set apart by wide gaps ("DISCHARGE           LETTER"):
      // each word a cell of its own, so neighbouring one-word capitals cells are also read as one title. Session 21
      // (p-2104, OCR: two discharge letters read as referral letters, their "Dear Dr" left to speak).
      let spread: string[] = [];
      for (const c of [...words, { text: '', line }]) {
        if (/^[A-Z]{3,}$/.test(c.text)) spread.push(c.text);
        else {
          if (spread.length >= 2 && spread.length <= 4) merged.push({ text: spread.join(' '), line });
          spread = [];
        }
      }
      return [...cells, ...merged];
    })
    .filter((c) => c.text && c.text.length <= 60 && !/[.,;]\s+\w+\s+\w+/.test(c.text))
    // Nor a letterhead's organisation name ("Bluebell Radiology Associates", "Stonebridge Imaging Center"): it
    // names who sent the page, whatever the page is (their cover sheet too); its words count as the body's.
    // t-9723 (OCR): a routing sheet whose field labels OCR lost was taken for a radiology report.
    .filter((c) => !ORGANISATION_NAME.test(c.text))
    // Nor a form field naming a party ("Company Aspen Park Diagnostic Imaging", "From: Radiology Department"): the
    // value names who sends or receives, not the page. y-1815 (GT): a cover sheet taken for a radiology report.
    .filter((c) => !/^(?:company|sender|from|to)\b\s*:?\s+\S/i.test(c.text))
    // Nor a subject counting its patients ("medication list (3 patients)"): a document is about one patient, a cover
    // sheet announces a batch. u-1803 (OCR): a cover whose other words OCR garbled was taken for a medication list.
    .filter((c) => !/\(\s*\d+\s+patients\s*\)/i.test(c.text))
    // A title printed letter-spaced ("F A X", "FAC S I M I L E", "R E C O R D S D E L I V E RY – FA X
    // T R A N S M I T TA L") also read without its spaces; closed up, its words run together, so
    // title phrases are looked for in it without word boundaries.
    // A long run (six pieces or more) is tried first: a title of several words letter-spaced one space apart ("FA C S I
    // M I L E T R A N S M I T TA L", a government form's tracked capitals) closes up into one word with none of its
    // boundaries, and read with them no phrase was found in it; the short form is for one spaced word ("F A X").
    // Session 25 (e-7900: a DoD transmittal typed a referral letter by its sender's "Referral Management Center").
    .flatMap((c) => {
      if (/^(?:[A-Za-z]{1,3} (?:[–—-] )?){5,}[A-Za-z]{1,3}$/.test(c.text)) return [c, { ...c, text: c.text.replace(/[ –—-]/g, ''), closedUp: true }];
      if (/^(?:[A-Za-z]{1,3} )+[A-Za-z]{1,3}$/.test(c.text)) return [c, { ...c, text: c.text.replace(/ /g, '') }];
      return [c];
    });
  const all = nonEmpty.map((l) => l.text).join('\n');
  // A document's own title is printed above the section headings inside it: when two types score
  // alike, the one whose title comes first wins (a referral form's "Current Medications" list
  // comes after "REFERRAL REQUEST").
  const firstTitle = new Map<string, number>();
  const reportBack = REPORT_BACK.test(all);
  for (const [type, re] of Object.entries(COMPILED)) {
    let s = 0;
    const shared = (phrase: string) => reportBack && type === 'referral_letter' && REPORT_BACK_SHARED.has(phrase);
    // A cell is one title: "Fox Run Diagnostic Imaging" counts once, not for "imaging" and "diagnostic imaging" both.
    const credited = new Set<(typeof headCells)[number]>();
    for (const [i, r] of re.title.entries()) {
      if (shared(TABLE[type]!.title[i]!)) continue;
      const cut = re.cut[i];
      const head =
        headCells.find((c) => !credited.has(c) && ('closedUp' in c ? re.closedUp[i]!.test(c.text) : r.test(c.text))) ??
        (cut ? headCells.find((c) => !credited.has(c) && !('closedUp' in c) && cut.test(c.text)) : undefined) ??
        (FUZZY[type]?.[i] ? headCells.find((c) => !credited.has(c) && !('closedUp' in c) && FUZZY[type]![i]!(c.text)) : undefined);
      if (head) {
        credited.add(head);
        s += 4;
        firstTitle.set(type, Math.min(firstTitle.get(type) ?? Infinity, head.line));
      } else if (r.test(all)) s += 1.5;
    }
    for (const [i, r] of re.body.entries()) if (!shared(TABLE[type]!.body[i]!) && r.test(all)) s += 1;
    scores.set(type, s);
  }
  // An administration grid (a nursing home's MAR): a header row naming the medications' column and the days of the
  // month across the page ("Medication / Directions   Hour   1 2 3 ... 31") is a medication list's own layout, a
  // title's worth of evidence whatever its title says (or when OCR lost it).
  if (nonEmpty.some((l) => MEDICATION_DAY_GRID.test(l.text) && dayRun(l.text) >= 20)) scores.set('medication_list', (scores.get('medication_list') ?? 0) + 4);
  // A stay's admission and discharge dates under a title speaking of the discharge ("DISCHARGE MEDICATION
  // RECONCILIATION", "Discharge Medication List"): the papers of a discharge, a discharge summary however much of
  // it a medication grid takes up (its "Continue / Stop / New" columns, its sig phrases, a medication title's
  // words): it wins over the best other type. The title: a head cell, no label nor date in it (not "Discharge
  // Date" captioning a column), whose letters, spaces closed up (a letter-spaced title), hold "discharge". Not
  // over a report its lab rows speak for (a hospital's lab print heads its results with the stay).
  // Session 20 (set-n discharge.n1: a pharmacy's discharge reconciliation).
  const dischargeTitle = headCells.find((c) => {
    const closed = c.text.replace(/\s+/g, '');
    return !/[:\d]/.test(c.text) && /discharge/i.test(closed) && !/^discharged?(?:date|dt|time|to|disposition)?$/i.test(closed);
  });
  if (dischargeTitle && labRows < 3 && stayDates(nonEmpty)) {
    const best = Math.max(...scores.values());
    scores.set('discharge_summary', Math.max((scores.get('discharge_summary') ?? 0) + 4, best + 2));
    firstTitle.set('discharge_summary', Math.min(firstTitle.get('discharge_summary') ?? Infinity, dischargeTitle.line));
  } else if (labRows < 3 && stayRangeWithCourse(nonEmpty) !== undefined) {
    // A hospital stay printed as a range in the head ("Hospital stay 02/06/2023 → 02/09/2023") and the stay's course
    // told below it: the summary of that stay, sent on to whoever takes over the care (a home-health agency, a
    // nursing facility), whatever its title calls the sending ("Home Health Referral & Transfer Summary", "Transfer
    // to Skilled Nursing"). Session 21 (set-j discharge.j1: typed a referral letter, 3 of 3).
    const best = Math.max(...scores.values());
    scores.set('discharge_summary', Math.max((scores.get('discharge_summary') ?? 0) + 4, best + 2));
    // The stay's line stands as the summary's head, so a title above it does not take the lead back.
    firstTitle.set('discharge_summary', Math.min(firstTitle.get('discharge_summary') ?? Infinity, stayRangeWithCourse(nonEmpty)!));
  }
  const topmost = [...firstTitle.entries()].sort((x, y) => x[1] - y[1]);
  if (topmost.length && (topmost.length === 1 || topmost[0]![1] < topmost[1]![1])) scores.set(topmost[0]![0], scores.get(topmost[0]![0])! + 1);
  scores.set('lab_report', (scores.get('lab_report') ?? 0) + Math.min(labRows, 12) * 0.75);
  // A type whose title heads the page, a point behind at most, wins over one only the body's phrases speak for: a
  // visit summary's medication table ("Medication   Strength   Directions   Status ... Active") outweighed the note's
  // section headings OCR garbled ("U.Subjecte"). t-1802 (OCR): classification.
  // Not over a report its lab rows speak for: rows are the document itself, not phrases (a
  // hospitalist's progress note printing the day's results three across is a lab report, as the
  // results are its content). y-1815: a lab report and its 22 results lost to that rule.
  const untitledBest = [...scores.entries()].sort((a, b) => b[1] - a[1])[0];
  const rowsSpeak = untitledBest?.[0] === 'lab_report' && labRows >= 3;
  if (untitledBest && !rowsSpeak && !firstTitle.has(untitledBest[0])) {
    const titled = [...scores.entries()].filter(([t, v]) => firstTitle.has(t) && v >= untitledBest[1] - 1).sort((a, b) => b[1] - a[1])[0];
    if (titled) scores.set(titled[0], untitledBest[1] + 0.5);
  }
  // A page carrying a cover's four fields, who from, to whom, a fax number and a page count, is a cover sheet whatever
  // its subject or its sender's name says, after the title rules above ("Imaging report for …" from "… Diagnostic
  // Imaging": what is enclosed, and who sends it).
  // Session 20 (set-k: an e-fax gateway's delivery page, its From / To captions over their values).
  if (labRows < 3 && coverFields(nonEmpty)) {
    const best = Math.max(...scores.values());
    // At least the score a type needs to be named at all, whether or not a cover phrase was found: four cover fields
    // are enough evidence on their own (a notification page whose title and text name no fax word). Session 24 (set-c;
    // the phrase condition dropped after the held-out c-3602 showed such a page typed 'other').
    scores.set('fax_cover_sheet', Math.max(scores.get('fax_cover_sheet') ?? 0, best + 1, 2.5));
  }
  const sorted = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [bestType, best] = sorted[0] ?? ['other', 0];
  const second = sorted[1]?.[1] ?? 0;
  if (best < 2.5) return { type: 'other', score: best, confidence: 0.3 };
  const confidence = Math.max(0.3, Math.min(1, (best - second) / Math.max(best, 1) + 0.4));
  return { type: bestType as DocType, score: best, confidence: Math.round(confidence * 100) / 100 };
}
