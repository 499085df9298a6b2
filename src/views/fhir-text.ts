/** Pure helpers that turn FHIR elements into the short words a list shows. */
import type { CodeableConcept, Period, Quantity, Range, Ratio, SampledData } from '@medplum/fhirtypes';
import { readableAmount, unitLabel } from './unit-label.js';
import { withoutSemanticTag } from '../record/normalize/text.js';
import { documentTypeName } from '../core/document-types.js';

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

/** The value[x] choices an Observation or one of its components may carry. */
export interface ValueChoices {
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  valueString?: string;
  valueBoolean?: boolean;
  valueInteger?: number;
  valueRange?: Range;
  valueRatio?: Ratio;
  valueSampledData?: SampledData;
  valueTime?: string;
  valueDateTime?: string;
  valuePeriod?: Period;
}

/** "1:64" for a titer (numerator 1), "3 mg / 1 mL" otherwise. */
export function ratioText(r: Ratio | undefined): string | undefined {
  const n = r?.numerator?.value;
  const d = r?.denominator?.value;
  if (n === undefined || d === undefined) return undefined;
  const nu = unitLabel(r?.numerator?.unit ?? r?.numerator?.code);
  const du = unitLabel(r?.denominator?.unit ?? r?.denominator?.code);
  if (!nu && !du) return `${formatNumber(n)}:${formatNumber(d)}`;
  return `${formatNumber(n)}${nu ? ` ${nu}` : ''} / ${formatNumber(d)}${du ? ` ${du}` : ''}`;
}

/**
 * A value of any of Observation's value[x] types as a person reads it. Each type had to be known
 * by each view: an integer score, a yes/no answer, a titer (Ratio), a date (an estimated due
 * date), a time or period and a waveform (SampledData) showed nothing at all.
 */
export function valueText(v: ValueChoices): string | undefined {
  if (v.valueQuantity) return quantityText(v.valueQuantity);
  if (v.valueCodeableConcept) return conceptText(v.valueCodeableConcept);
  if (typeof v.valueString === 'string' && v.valueString.trim()) return v.valueString.trim();
  if (typeof v.valueBoolean === 'boolean') return v.valueBoolean ? 'Yes' : 'No';
  if (typeof v.valueInteger === 'number') return formatNumber(v.valueInteger);
  if (v.valueRange) return rangeValueText(v.valueRange);
  if (v.valueRatio) return ratioText(v.valueRatio);
  if (typeof v.valueDateTime === 'string') return v.valueDateTime;
  if (typeof v.valueTime === 'string') return v.valueTime;
  if (v.valuePeriod?.start || v.valuePeriod?.end) return `${v.valuePeriod.start ?? '…'} – ${v.valuePeriod.end ?? '…'}`;
  if (v.valueSampledData) {
    const n = typeof v.valueSampledData.data === 'string' ? v.valueSampledData.data.trim().split(/\s+/).filter(Boolean).length : 0;
    return n ? `${n} sampled values` : 'sampled values';
  }
  return undefined;
}

/** A document's type as words: its own text or display, else the name of a bare LOINC document code. */
export function documentTypeText(cc: CodeableConcept | undefined): string | undefined {
  if (!cc) return undefined;
  const named = cc.text?.trim() || cc.coding?.some((c) => c.display?.trim());
  return (!named && documentTypeName(cc.coding)) || conceptText(cc);
}
