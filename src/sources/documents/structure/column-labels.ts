/**
 * Header rows whose values are printed under their labels ("Patient Name   DOB   MRN" over
 * "DOE, JANE M   01/02/1960   00123456") rewritten as "Label: value" lines, and the header cells
 * read as column labels (also as OCR garbles them). Pure.
 */
import { LETTER_LOOKALIKE } from './caption-slips.js';
import { findDates } from './dates.js';
import { editDistance } from './fuzzy.js';
import { cells, type Line } from './lines.js';

/** A label cell of a header row whose values sit on the line below ("Patient Name   DOB   MRN"). */
const COLUMN_LABEL =
  /^(?:patient(?:'s)?\s+name|pt\.?\s+name|patient|name|(?:resident|client|customer|member|employee)(?:\s+name)?|(?:member|employee|emp\.?)\s*(?:id|#|no\.?|number)|(?:notice|statement|print(?:ed)?)\s+date|date\s+printed|resident\s*#|room(?:\s*\/\s*bed)?|attending|code\s+status|dob|d[o0][b8]|[0o][o0]b|d\.o\.b\.?|date\s+of\s+birth|[a-z]{1,3}\s+birth|birth\s*date|mrn|mr\s*#|mr\s+no\.?|patient\s+id|acct\.?\s*#?|account(?:\s+(?:#|no\.?|number))?|sex|gender|age|(?:date\s+)?collected|collection\s+date(?:\/time)?|date\s+of\s+collection|date\s+of\s+service|service\s+date|dos|visit\s+date|date\s+(?:received|reported)|received|reported|report\s+date|specimen(?:\s+(?:id|number|no\.?|#))?|accession(?:\s*(?:#|number|no\.?))?|requisition(?:\s*(?:#|number|no\.?))?|(?:ordering|referring|attending)\s+(?:physician|provider)|referring|ordering|physician|provider|phone|location|room|exam(?:ination)?\s+date|exam|study\s+date|procedure\s+date|cpt(?:\s+code)?|modality)$/i;

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
const COLUMN_LABEL_WORDS = [
  'patient name', 'date of birth', 'birth date', 'patient id', 'specimen number', 'specimen id', 'accession number',
  'requisition number', 'ordering physician', 'ordering provider', 'referring physician', 'attending physician',
  'collection date', 'date of collection', 'date collected', 'date of service', 'service date', 'visit date',
  'report date', 'date reported', 'date received', 'received', 'reported', 'account number', 'gender',
  // Also alone, so a letter OCR slipped of it or a space into it is still read ("CO LECTED"). Session 19 (fresh sets).
  'collected',
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
