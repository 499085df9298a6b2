/**
 * Diagnoses printed with ICD-10-CM codes ("Essential hypertension (I10)", "1. N10 - Acute
 * pyelonephritis", "ICD-10: E11.9 Type 2 diabetes") become Condition resources.
 */
import type { Condition } from '@medplum/fhirtypes';
import type { Line } from './lines.js';

export interface DiagnosisRow {
  code: string;
  text: string;
  line: Line;
}

const ICD = '([A-TV-Z]\\d[0-9AB](?:\\.[0-9A-TV-Z]{1,4})?)';
const IN_PARENS = new RegExp(`\\(\\s*(?:ICD-?10(?:-CM)?\\s*:?\\s*)?${ICD}\\s*\\)`, 'g');
const CODE_FIRST = new RegExp(`^\\s*(?:\\d+[.)]\\s*|[-•*]\\s*)?(?:ICD-?10(?:-CM)?\\s*:?\\s*)?${ICD}\\s*[-–:]\\s*([A-Za-z].{2,120})$`);

function cleanDesc(s: string): string {
  return s
    .replace(/^\s*(?:\d+[.)]\s*|[-•*]\s*)/, '')
    .replace(/^.*?(?:diagnos[ie]s|assessment|problems?|dx)\s*:\s*/i, '')
    .replace(/\s*[-–]\s*(?:principal|primary|secondary)\s*$/i, '')
    .replace(/[\s,;:-]+$/, '')
    .trim();
}

/** ICD-10 coded diagnoses in a run of lines. Billing lines (CPT) are skipped. */
export function parseDiagnoses(lines: Line[]): DiagnosisRow[] {
  const out: DiagnosisRow[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const t = line.text;
    if (/\bCPT\b|\$\s?\d/.test(t)) continue;
    IN_PARENS.lastIndex = 0;
    let last = 0;
    for (let m = IN_PARENS.exec(t); m; m = IN_PARENS.exec(t)) {
      const desc = cleanDesc(t.slice(last, m.index).split(/[;]|\s{3,}/).pop() ?? '');
      last = m.index + m[0].length;
      if (desc.length < 3 || !/[a-z]/i.test(desc)) continue;
      if (!seen.has(m[1]!)) {
        seen.add(m[1]!);
        out.push({ code: m[1]!, text: desc, line });
      }
    }
    const cf = CODE_FIRST.exec(t);
    if (cf && !seen.has(cf[1]!)) {
      seen.add(cf[1]!);
      out.push({ code: cf[1]!, text: cleanDesc(cf[2]!), line });
    }
  }
  return out;
}

export function toCondition(d: DiagnosisRow, subject: Condition['subject'], recordedDate?: string): Condition {
  return {
    resourceType: 'Condition',
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: d.code }], text: d.text },
    subject,
    ...(recordedDate ? { recordedDate } : {}),
  };
}
