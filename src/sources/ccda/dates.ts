/**
 * CDA TS (HL7 v3 timestamps) to FHIR date / dateTime, keeping the precision given and never
 * inventing a time zone: `2019` stays `2019`, `20190304` becomes `2019-03-04`,
 * `201903041230-0500` becomes `2019-03-04T12:30:00-05:00`, and a time without a zone is
 * reduced to its date.
 */

const TS = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:T?(\d{2})(?::?(\d{2})(?::?(\d{2})(\.\d+)?)?)?)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

export const FHIR_DATE = /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$/;
export const FHIR_DATETIME =
  /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]{1,9})?)?)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)?)?)?$/;
export const FHIR_INSTANT = /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]{1,9})?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/;

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

interface Parts {
  y: string;
  mo?: string;
  d?: string;
  h?: string;
  mi?: string;
  s?: string;
  frac?: string;
  zone?: string;
}

function parts(ts: string | undefined): Parts | undefined {
  if (!ts) return undefined;
  const m = TS.exec(ts.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (y === '0000') return undefined;
  if (mo && (+mo < 1 || +mo > 12)) return undefined;
  if (d && (+d < 1 || +d > daysIn(+y, +mo!))) return undefined;
  return { y, mo, d, h, mi, s, frac, zone };
}

/** FHIR `date` (YYYY, YYYY-MM or YYYY-MM-DD) from a CDA TS; undefined when unreadable. */
export function toFhirDate(ts: string | undefined): string | undefined {
  const p = parts(ts);
  if (!p) return undefined;
  return [p.y, p.mo, p.d].filter(Boolean).join('-');
}

/** FHIR `dateTime` from a CDA TS, keeping its precision; times without a zone keep only the date. */
export function toFhirDateTime(ts: string | undefined): string | undefined {
  const p = parts(ts);
  if (!p) return undefined;
  const date = [p.y, p.mo, p.d].filter(Boolean).join('-');
  if (!p.d || !p.h || !p.zone) return date;
  const h = +p.h;
  const mi = p.mi ? +p.mi : 0;
  const s = p.s ? +p.s : 0;
  if (h > 23 || mi > 59 || s > 59) return date;
  const zone = p.zone === 'Z' ? 'Z' : `${p.zone.slice(0, 3)}:${p.zone.slice(-2)}`;
  if (zone !== 'Z' && (+zone.slice(1, 3) > 14 || +zone.slice(4) > 59)) return date;
  const frac = p.frac ? p.frac.slice(0, 10) : '';
  return `${date}T${p.h}:${p.mi ?? '00'}:${p.s ?? '00'}${frac}${zone}`;
}
