/**
 * Dates as FHIR gives them, precision kept: '2015' stays a year. For matching, the local
 * calendar day and wall-clock minute are read off the text as written: no time zone is
 * assumed or converted (two sources writing 10:05-05:00 and 10:05-04:00 for one
 * measurement are the same wall-clock time; converting would invent a disagreement).
 */
export function dayOf(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return undefined;
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** YYYY-MM-DDTHH:MM (wall clock as written), or undefined when the date has no time. */
export function minuteOf(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(date);
  if (!m) return undefined;
  // A midnight time with no seconds given is how many vendors write "date only".
  return `${m[1]}T${m[2]}:${m[3]}`;
}

/** Number of meaningful characters: a rough precision rank (year 4 < month 7 < day 10 < time). */
export function precisionOf(date: string | undefined): number {
  if (!date) return 0;
  return date.length >= 16 ? 16 : date.length;
}
