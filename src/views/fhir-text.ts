/** Pure helpers that turn FHIR elements into the short words a list shows. */
import type { CodeableConcept, Quantity, Range } from '@medplum/fhirtypes';
import { readableAmount, unitLabel } from './unit-label.js';
import { withoutSemanticTag } from '../record/normalize/text.js';

export const LOINC = 'http://loinc.org';

export function conceptText(cc: CodeableConcept | undefined): string | undefined {
  if (!cc) return undefined;
  if (cc.text?.trim()) return withoutSemanticTag(cc.text.trim());
  for (const c of cc.coding ?? []) if (c.display?.trim()) return withoutSemanticTag(c.display.trim());
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
  const shown = readableAmount(q.value, q.code ?? q.unit);
  const unit = shown.value !== q.value ? unitLabel(shown.unit) : unitLabel(q.unit ?? q.code);
  return `${q.comparator ?? ''}${formatNumber(shown.value)}${unit ? ` ${unit}` : ''}`;
}

/**
 * A result given as a span ("0-2 /HPF" urine sediment counts, an interval from an EHR): "0–2 /HPF";
 * one end alone reads as a bound ("≥ 5", "≤ 2").
 */
export function rangeValueText(r: Range | undefined): string | undefined {
  const lo = r?.low?.value;
  const hi = r?.high?.value;
  if (lo === undefined && hi === undefined) return undefined;
  const unit = unitLabel(r?.high?.unit ?? r?.high?.code ?? r?.low?.unit ?? r?.low?.code);
  return `${spanText(lo, hi)}${unit ? ` ${unit}` : ''}`;
}

/** "3.5–5.1", or one end as a bound ("≥ 60", "≤ 200"); call with at least one end. */
export function spanText(lo: number | undefined, hi: number | undefined): string {
  if (lo !== undefined && hi !== undefined) return `${formatNumber(lo)}–${formatNumber(hi)}`;
  return lo !== undefined ? `≥ ${formatNumber(lo)}` : `≤ ${formatNumber(hi!)}`;
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
