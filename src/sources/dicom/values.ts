/**
 * DICOM value conversions to FHIR: DA/TM/DT → FHIR date/dateTime keeping precision and never
 * inventing a time zone; PN → name parts; CS sex → FHIR gender. Pure.
 */

const pad = (s: string) => s.padStart(2, '0');

/** DA (YYYYMMDD, also old YYYY.MM.DD, or partial YYYY / YYYYMM) → FHIR date, or undefined. */
export function dicomDate(da: string | undefined): string | undefined {
  if (!da) return undefined;
  const s = da.trim().replace(/[.\-/]/g, '');
  const m = /^(\d{4})(\d{2})?(\d{2})?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (y === '0000') return undefined;
  if (!mo) return y;
  const month = Number(mo);
  if (month < 1 || month > 12) return y;
  if (!d) return `${y}-${mo}`;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (day < 1 || day > last) return `${y}-${mo}`;
  return `${y}-${mo}-${d}`;
}

/** TM (HH, HHMM, HHMMSS.FFFFFF, or old HH:MM:SS) → FHIR time `HH:MM:SS[.fff]`, or undefined. */
export function dicomTime(tm: string | undefined): string | undefined {
  if (!tm) return undefined;
  const m = /^(\d{2}):?(\d{2})?:?(\d{2})?(?:\.(\d{1,6}))?$/.exec(tm.trim());
  if (!m) return undefined;
  const [, h, mi = '00', se = '00', frac] = m;
  if (Number(h) > 23 || Number(mi) > 59 || Number(se) > 60) return undefined;
  return `${h}:${mi}:${se === '60' ? '59' : se}${frac ? '.' + frac : ''}`;
}

/** (0008,0201) Timezone Offset From UTC `+HHMM`/`-HHMM` → `+HH:MM`, or undefined. */
export function dicomZone(z: string | undefined): string | undefined {
  const m = z ? /^([+-])(\d{2})(\d{2})$/.exec(z.trim()) : null;
  return m ? `${m[1]}${m[2]}:${m[3]}` : undefined;
}

/**
 * DA + TM → FHIR dateTime. FHIR requires a zone whenever a time is given, so without a known
 * zone only the date is returned (the local time is reported separately by the caller).
 */
export function dicomDateTime(da: string | undefined, tm?: string, zone?: string): string | undefined {
  const date = dicomDate(da);
  if (!date) return undefined;
  const time = dicomTime(tm);
  const z = dicomZone(zone);
  if (time && z && date.length === 10) return `${date}T${time}${z}`;
  return date;
}

/** DT (YYYYMMDDHHMMSS.FFFFFF&ZZXX) → FHIR dateTime, dropping the time when it has no zone. */
export function dicomDT(dt: string | undefined): string | undefined {
  if (!dt) return undefined;
  const m = /^(\d{4,8})(\d{2,6}(?:\.\d{1,6})?)?([+-]\d{4})?$/.exec(dt.trim());
  if (!m) return undefined;
  return dicomDateTime(m[1], m[2], m[3]);
}

export interface PersonName {
  /** Display text of the first non-empty component group. */
  text: string;
  family?: string;
  given?: string[];
  prefix?: string[];
  suffix?: string[];
}

/** PN `Family^Given^Middle^Prefix^Suffix[=ideographic[=phonetic]]` → name parts. */
export function parsePersonName(pn: string | undefined): PersonName | undefined {
  if (!pn) return undefined;
  const groups = pn.split('=');
  const group = groups.find((g) => g.replace(/\^/g, '').trim()) ?? '';
  const parts = group.split('^').map((p) => p.trim());
  const [family, given, middle, prefix, suffix] = parts;
  const givens = [given, middle].filter((x): x is string => !!x);
  const text = [prefix, ...givens, family, suffix].filter(Boolean).join(' ');
  if (!text) return undefined;
  const out: PersonName = { text };
  if (family) out.family = family;
  if (givens.length) out.given = givens;
  if (prefix) out.prefix = [prefix];
  if (suffix) out.suffix = [suffix];
  return out;
}

/** (0010,0040) Patient's Sex → FHIR administrative gender. */
export function dicomGender(sex: string | undefined): string | undefined {
  switch (sex?.trim().toUpperCase()) {
    case 'M':
      return 'male';
    case 'F':
      return 'female';
    case 'O':
      return 'other';
    default:
      return undefined;
  }
}
