/**
 * Who sent a fax, as people name them. The sending machine prints its station ID in the header
 * line, cut to about 20 characters ("JUNIPER HILLS COMMUNIT") and often garbled by OCR ("FOX RUN
 * CUMMUNI 1 1 mcm"). Where that ID is the start of a facility the transmission's documents name
 * (words in order, each a prefix of the facility's word, a slip allowed in longer ones), the
 * facility's own name is the sender; an ID naming someone else (a records department, a fax
 * service) stays as printed.
 */
import { editDistance } from './fuzzy.js';

const words = (s: string) => s.toLowerCase().match(/[a-z]{2,}/g) ?? [];

/** Letters of the station ID that name the facility's words in order, as a share of all its letters. */
function shareNamingFacility(stationId: string, facility: string): number {
  const id = words(stationId);
  const name = words(facility);
  let matched = 0;
  let i = 0;
  for (; i < id.length && i < name.length; i++) {
    const w = id[i]!;
    const f = name[i]!.slice(0, w.length);
    if (editDistance(w, f, 1) > (w.length <= 4 ? 0 : 1)) break;
    matched += w.length;
  }
  const letters = id.reduce((n, w) => n + w.length, 0);
  return i >= 2 && letters ? matched / letters : 0;
}

/** The sender to name: a facility the station ID starts, else the station ID, else the first facility. */
export function faxSenderName(stationId: string | undefined, facilities: Array<string | undefined>): string | undefined {
  const named = facilities.filter((f): f is string => !!f?.trim());
  if (!stationId) return named[0];
  return named.find((f) => shareNamingFacility(stationId, f) >= 0.6) ?? stationId;
}
