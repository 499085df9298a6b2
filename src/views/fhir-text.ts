/** Pure helpers that turn FHIR elements into the short words a list shows. */
import type { CodeableConcept, Quantity } from '@medplum/fhirtypes';

export const LOINC = 'http://loinc.org';

export function conceptText(cc: CodeableConcept | undefined): string | undefined {
  if (!cc) return undefined;
  if (cc.text?.trim()) return cc.text.trim();
  for (const c of cc.coding ?? []) if (c.display?.trim()) return c.display.trim();
  const c = cc.coding?.[0];
  return c?.code ? `${c.code}` : undefined;
}

export function codeIn(cc: CodeableConcept | undefined, system: string): string | undefined {
  return cc?.coding?.find((c) => c.system === system && c.code)?.code;
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}

export function quantityText(q: Quantity | undefined): string | undefined {
  if (!q || q.value === undefined) return undefined;
  const unit = q.unit ?? q.code;
  return `${q.comparator ?? ''}${formatNumber(q.value)}${unit ? ` ${unit}` : ''}`;
}

/** Lower-case words only: "Glucose, serum" and "GLUCOSE SERUM" group together. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** First status-like code of a CodeableConcept (clinicalStatus, verificationStatus). */
export function statusCode(cc: CodeableConcept | undefined): string | undefined {
  return cc?.coding?.find((c) => c.code)?.code ?? cc?.text;
}
