/**
 * FHIR Provenance for exported resources, made at export time from what the provenance table
 * and the document already hold (nothing extra is stored per resource): the target is the
 * exported resource, the entity is the original document Vessel received (its id names the
 * file under originals/ in `vessel export`), the agents are the document's author and
 * organization, `occurred` is the document's date, `recorded` when Vessel received it, and
 * where in the document the fact was read (XPath, entry id, page, line, segment) is an
 * extension on the entity. Pure.
 */
import { createHash } from 'node:crypto';
import type { Provenance, ProvenanceAgent, Extension } from '@medplum/fhirtypes';
import type { SourceLocation } from '../core/types.js';
import { FHIR_DATETIME } from '../sources/ccda/dates.js';

/** Identifier system of Vessel's documents (the value is the document id). */
export const DOCUMENT_SYSTEM = 'urn:vessel:document';
/** Where in the source document the resource was read. */
export const SOURCE_LOCATION_EXTENSION = 'urn:vessel:source-location';

const PARTICIPANT = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
const ENTITY_ROLE = 'source';

/** What is known about the source of one resource. */
export interface ProvenanceSource {
  documentId: string;
  filename: string;
  title?: string;
  /** The document's own date (its label). */
  date?: string;
  author?: string;
  /** Facility or custodian organization. */
  organization?: string;
  /** When Vessel received the document (an instant). */
  receivedAt: string;
  location: SourceLocation;
}

function locationExtension(l: SourceLocation): Extension | undefined {
  const parts: Extension[] = [];
  if (l.xpath) parts.push({ url: 'xpath', valueString: l.xpath });
  if (l.entryId) parts.push({ url: 'entryId', valueString: l.entryId });
  if (l.page != null) parts.push({ url: 'page', valueInteger: l.page });
  if (l.line != null) parts.push({ url: 'line', valueInteger: l.line });
  if (l.segment) parts.push({ url: 'segment', valueString: l.segment });
  if (l.path) parts.push({ url: 'path', valueString: l.path });
  if (l.box) parts.push({ url: 'box', valueString: JSON.stringify(l.box) });
  return parts.length ? { url: SOURCE_LOCATION_EXTENSION, extension: parts } : undefined;
}

function agents(src: ProvenanceSource): ProvenanceAgent[] {
  const type = (code: string, display: string) => ({ coding: [{ system: PARTICIPANT, code, display }] });
  if (src.author) {
    const a: ProvenanceAgent = { type: type('author', 'Author'), who: { display: src.author } };
    if (src.organization && src.organization !== src.author) a.onBehalfOf = { display: src.organization };
    return [a];
  }
  if (src.organization) return [{ type: type('author', 'Author'), who: { display: src.organization } }];
  // Nobody is named in the source: Vessel, which assembled the record from it, is the agent R4 requires.
  return [{ type: type('assembler', 'Assembler'), who: { display: 'Vessel' } }];
}

/** A Provenance id for a resource id, within R4's 64 characters. */
export function provenanceId(resourceId: string): string {
  const id = `prov-${resourceId}`;
  return id.length <= 64 && /^[A-Za-z0-9\-.]+$/.test(id) ? id : `prov-${createHash('sha256').update(resourceId).digest('hex').slice(0, 40)}`;
}

/** The Provenance of one resource (`targetReference`: how the export refers to it, e.g. `Observation/<id>` or a urn). */
export function provenanceFor(id: string, targetReference: string, src: ProvenanceSource): Provenance {
  const entity: NonNullable<Provenance['entity']>[number] = {
    role: ENTITY_ROLE,
    what: { identifier: { system: DOCUMENT_SYSTEM, value: src.documentId }, display: src.title ? `${src.title} (${src.filename})` : src.filename },
  };
  const where = locationExtension(src.location);
  if (where) entity.extension = [where];
  const p: Provenance = { resourceType: 'Provenance', id, target: [{ reference: targetReference }], recorded: src.receivedAt, agent: agents(src), entity: [entity] };
  if (src.date && FHIR_DATETIME.test(src.date)) p.occurredDateTime = src.date;
  return p;
}

/** A document's label as a ProvenanceSource (without the location). */
export function sourceOfDocument(d: { id: string; filename: string; createdAt: string; label: Record<string, unknown> }): Omit<ProvenanceSource, 'location'> {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const out: Omit<ProvenanceSource, 'location'> = { documentId: d.id, filename: d.filename, receivedAt: d.createdAt };
  const title = str(d.label.title);
  const date = str(d.label.date);
  const author = str(d.label.author);
  const organization = str(d.label.facility) ?? str(d.label.custodian);
  if (title) out.title = title;
  if (date) out.date = date;
  if (author) out.author = author;
  if (organization) out.organization = organization;
  return out;
}
