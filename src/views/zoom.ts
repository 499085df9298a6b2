/** Timeline zoom: which granularity a range gets, and the range a bucket stands for. Pure, shared with the web app. */
import type { Granularity } from './types.js';

export const KEY_LENGTH: Record<Granularity, number> = { year: 4, month: 7, day: 10 };

/** Years for long ranges (or none), months up to about two years, days below two months. */
export function granularityFor(from?: string, to?: string): Granularity {
  if (!from || !to) return 'year';
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!Number.isFinite(days) || days > 800) return 'year';
  if (days > 62) return 'month';
  return 'day';
}

/** `2019` → [2019, 2020); `2019-03` → the month; `2019-03-14` → the day. Undefined for bad input. */
export function rangeOfKey(key: string): { from: string; to: string } | undefined {
  if (/^\d{4}$/.test(key)) return { from: key, to: String(Number(key) + 1) };
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { from: key, to: mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}` };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
    return { from: key, to: d.toISOString().slice(0, 10) };
  }
  return undefined;
}

/** Every bucket key from `first` to `last` (inclusive), so empty years and months show as gaps. */
export function keysBetween(first: string, last: string, g: Granularity): string[] {
  const out: string[] = [];
  let k: string | undefined = first;
  for (let i = 0; k && k <= last && i < 400; i++) {
    out.push(k);
    const r = rangeOfKey(k);
    k = r ? r.to.slice(0, KEY_LENGTH[g]) : undefined;
    if (k && k.length < KEY_LENGTH[g]) k = undefined;
  }
  return out;
}
