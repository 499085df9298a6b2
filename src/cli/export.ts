/**
 * `vessel export`: every original plus the record as FHIR NDJSON, one file per resource type.
 * Originals are written decrypted (the user asked for their data); file names carry the
 * document id so two files called "record.xml" never overwrite each other. Each resource read
 * from a document also gets a Provenance (Provenance.ndjson) naming that document, its author
 * and organization and where in it the fact was read, made here from the provenance table.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Vessel } from '../app/vessel.js';
import type { StoredResource } from '../store/resources.js';
import { provenanceFor, provenanceId, sourceOfDocument, type ProvenanceSource } from '../share/provenance.js';

export interface ExportSummary {
  originals: number;
  resources: Record<string, number>;
  dir: string;
}

export async function exportRecord(v: Vessel, dir: string, personId?: string): Promise<ExportSummary> {
  const originalsDir = path.join(dir, 'originals');
  const fhirDir = path.join(dir, 'fhir');
  await fsp.mkdir(originalsDir, { recursive: true, mode: 0o700 });
  await fsp.mkdir(fhirDir, { recursive: true, mode: 0o700 });
  let originals = 0;
  for (let offset = 0; ; offset += 1000) {
    const docs = await v.store.documents.list({ personId, limit: 1000, offset });
    for (const d of docs) {
      if (!(await v.vault.has(d.sha256))) continue;
      await pipeline(v.vault.openStream(d.sha256), fs.createWriteStream(path.join(originalsDir, `${d.id}-${d.filename}`), { mode: 0o600 }));
      originals++;
    }
    if (docs.length < 1000) break;
  }
  const streams = new Map<string, fs.WriteStream>();
  const counts: Record<string, number> = {};
  const write = async (type: string, resource: unknown) => {
    let s = streams.get(type);
    if (!s) {
      s = fs.createWriteStream(path.join(fhirDir, `${type}.ndjson`), { mode: 0o600 });
      streams.set(type, s);
    }
    if (!s.write(JSON.stringify(resource) + '\n')) await new Promise<void>((res) => s!.once('drain', () => res()));
    counts[type] = (counts[type] ?? 0) + 1;
  };
  // Provenance per page of resources: one query for their sources, each document read once.
  const documents = new Map<string, Omit<ProvenanceSource, 'location'> | undefined>();
  const sourceDocument = async (id: string) => {
    if (!documents.has(id)) {
      const d = await v.store.documents.get(id);
      documents.set(id, d ? sourceOfDocument(d) : undefined);
    }
    return documents.get(id);
  };
  let page: StoredResource[] = [];
  const writeProvenance = async () => {
    const sources = await v.store.record.sources(page.map((r) => r.id));
    for (const r of page) {
      const src = sources.get(r.id);
      const doc = src && (await sourceDocument(src.documentId));
      if (src && doc) await write('Provenance', provenanceFor(provenanceId(r.id), `${r.resourceType}/${r.id}`, { ...doc, location: src.location }));
    }
    page = [];
  };
  for await (const r of v.store.resources.iterate(personId)) {
    await write(r.resourceType, r.resource);
    page.push(r);
    if (page.length >= 1000) await writeProvenance();
  }
  await writeProvenance();
  await Promise.all([...streams.values()].map((s) => new Promise<void>((res) => s.end(() => res()))));
  await v.store.audit.record({ actor: 'local', action: 'record.export', personId, detail: { originals, resources: counts } });
  return { originals, resources: counts, dir };
}
