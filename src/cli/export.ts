/**
 * `vessel export`: every original plus the record as FHIR NDJSON, one file per resource type.
 * Originals are written decrypted (the user asked for their data); file names carry the
 * document id so two files called "record.xml" never overwrite each other.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Vessel } from '../app/vessel.js';

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
  for await (const r of v.store.resources.iterate(personId)) {
    let s = streams.get(r.resourceType);
    if (!s) {
      s = fs.createWriteStream(path.join(fhirDir, `${r.resourceType}.ndjson`), { mode: 0o600 });
      streams.set(r.resourceType, s);
    }
    if (!s.write(JSON.stringify(r.resource) + '\n')) await new Promise<void>((res) => s!.once('drain', () => res()));
    counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
  }
  await Promise.all([...streams.values()].map((s) => new Promise<void>((res) => s.end(() => res()))));
  await v.store.audit.record({ actor: 'local', action: 'record.export', personId, detail: { originals, resources: counts } });
  return { originals, resources: counts, dir };
}
