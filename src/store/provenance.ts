/** Provenance rows ↔ SourceLocation: the one mapping between the table's columns and the type. */
import type { ProvenanceTable } from './schema.js';
import type { SourceLocation } from '../core/types.js';

type LocationColumns = Pick<ProvenanceTable, 'page' | 'box_json' | 'xpath' | 'entry_id' | 'segment' | 'line' | 'path'>;

/** The provenance columns to select when a location is wanted. */
export const LOCATION_COLUMNS = ['provenance.page', 'provenance.box_json', 'provenance.xpath', 'provenance.entry_id', 'provenance.segment', 'provenance.line', 'provenance.path'] as const;

export function locationColumns(l: SourceLocation): LocationColumns {
  return {
    page: l.page ?? null,
    box_json: l.box ? JSON.stringify(l.box) : null,
    xpath: l.xpath ?? null,
    entry_id: l.entryId ?? null,
    segment: l.segment ?? null,
    line: l.line ?? null,
    path: l.path ?? null,
  };
}

/** Only the fields a row actually holds (nulls from a left join are absent, not null). */
export function locationOf(r: { [K in keyof LocationColumns]: LocationColumns[K] | null }): SourceLocation {
  const location: SourceLocation = {};
  if (r.page != null) location.page = r.page;
  if (r.box_json) location.box = JSON.parse(r.box_json);
  if (r.xpath) location.xpath = r.xpath;
  if (r.entry_id) location.entryId = r.entry_id;
  if (r.segment) location.segment = r.segment;
  if (r.line != null) location.line = r.line;
  if (r.path) location.path = r.path;
  return location;
}
