/**
 * OCR's slips in identity captions, mended or folded before the caption rules read them: the Name
 * and Patient labels a letter off, accents OCR adds to letters, digits read for look-alike letters. Pure.
 */
import { respellNear } from './fuzzy.js';

/**
 * The line with the Name and Patient labels OCR misread by one letter spelled right again
 * ("Nome:", "Patent", "Patlent:", and "Pauent": a "ti" read as one "u"): same first letter, one
 * edit, four letters or more.
 */
export function mendIdentityLabels(line: string): string {
  // A label's dot leader before its colon ("PATIENT....: DOE, JANE", "CHART #....:"): the label and its colon.
  line = line.replace(/([A-Za-z#])\.{2,}\s?:/g, '$1:');
  // A speck read as a letter glued before the label opening the line ("Mpatient: Doe, Jane"), its colon kept.
  // a-1801 (OCR): a medication list's patient.
  line = line.replace(/^(\s*)[A-Za-z|]([Pp]atient|PATIENT)(?=\s?:)/, '$1$2');
  // The Patient or Name label's colon read as a quote or backtick ("Patient’ Peter S. Demoson"): the colon. Session 19.
  line = line.replace(/\b((?:[Pp]atient|PATIENT)(?:\s+(?:[Nn]ame|NAME))?|[Nn]ame|NAME)[’'`‘"”](?=\s+[A-Z])/g, '$1:');
  // A person caption's colon read as a point before a capitals name ("Insured. CHRISTOPHER P   Date of Birth: ..."): the
  // colon. The caption had been read as the family name of a "LAST. FIRST" name. Session 23 (m-2506 OCR: a payer's EOB).
  line = line.replace(/(^\s*|\s{2,})(Insured|INSURED|Subscriber|SUBSCRIBER|Member|MEMBER|Patient|PATIENT|Name|NAME|Client|CLIENT|Resident|RESIDENT|Employee|EMPLOYEE|Claimant|CLAIMANT)\.(?=\s+[A-Z][A-Z'’-]+\b)/g, '$1$2:');
  // A role caption's colon lost before a "First [M.] Last" name that a birth-date caption follows ("Traveler Mary
  // Protowell   Date of birth  5 May 1932"): the colon, so the caption is no given name. The role words the name
  // captions know (patient-name.ts NAME_LABEL); Patient / Name / Resident / Client / Customer were read without their
  // colon already. Session 25 (c-3604 OCR: a travel clinic's vaccination record).
  line = line.replace(/(^\s*|\s{2,})(Travell?er|TRAVELL?ER|Donor|DONOR|Member|MEMBER|Employee|EMPLOYEE|Claimant|CLAIMANT|Student|STUDENT|Veteran|VETERAN|Inmate|INMATE|Offender|OFFENDER|Detainee|DETAINEE)(?=\s+[A-Z][A-Za-z'’-]+(?:\s+[A-Z]\.?)?\s+[A-Z][A-Za-z'’-]+\s*[,·|•–-]?\s+(?:DOB|D\.O\.B|Date\s+of\s+[Bb]irth|DATE\s+OF\s+BIRTH|Birth\s*[Dd]ate|BIRTH\s*DATE|Born|BORN)\b)/g, '$1$2:');
  // The order words in a Name caption's brackets a letter off ("Name (First Lost): Maria Fokesley"): spelled right, so
  // the caption reads. Session 23 (m-2506 OCR: a referral form's patient line).
  line = line.replace(/\b((?:[Nn]ame|NAME)\s*)\(([^()]{3,24})\)(?=\s*[:;])/g, (_m, label: string, inner: string) => `${label}(${respellNear(inner, /\b[A-Za-z]{4,6}\b/g, ['first', 'last', 'middle'])})`);
  // The MRN caption a letter off in capitals before the record number ("Patient: Jane Doe MAN 2234492 Sex: F", "MRM
  // 00123456"): MRN, so it ends the name instead of joining it. Session 24 (h-3106 OCR).
  line = line.replace(/\bM[A-Z][NM]\b(?=\s*[:#]?\s*[A-Z]{0,2}\d{5,}\b)/g, (w) => (w[1] === 'R' || w[2] === 'N' ? 'MRN' : w));
  // Words of the language a letter from a label are no slips of it ("the addressee NAMED ABOVE. IF YOU ..." read as
  // the caption "NAME" before "ABOVE, IF"). Session 19 (set-p class 7).
  return respellNear(line, /\b(?!(?:named|names)\b)[A-Za-z1|]{4,8}\b/gi, ['name', 'patient'], (w) => w.toLowerCase().replace(/[1|]/g, 'l'), (w) => w.replace(/ti/g, 'u'));
}

/** Text with the accents OCR adds to letters removed ("Namé" is Name). */
export const withoutAccents = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Letters OCR reads as digits, for label cells (a label prints no digits). */
export const LETTER_LOOKALIKE: Record<string, string> = { '0': 'o', '1': 'l', '5': 's', '8': 'b', '6': 'g' };
