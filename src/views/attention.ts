/**
 * What needs the user's attention: documents that could not be read, that Vessel cannot read
 * yet, that are still being read, or that belong to no one yet — each in plain words with
 * what to do about it. Pure.
 */
import type { DocumentRecord } from '../store/documents.js';
import type { AttentionItem } from './types.js';

function failedAction(d: DocumentRecord): string {
  const e = (d.error ?? '').toLowerCase();
  if (d.format === 'empty' || e.includes('empty')) return 'The file has nothing in it. Find the original file again (a download may have been cut short) and import it.';
  if (e.includes('over the limit') || e.includes('larger than')) return 'The file is larger than Vessel accepts. Split it, or raise VESSEL_MAX_FILE_BYTES, and import it again.';
  if (e.includes('zip')) return 'The archive could not be opened. Unpack it on your computer and import the folder instead.';
  return 'The original is kept. Try reading it again with Reprocess, or import a better copy of it.';
}

export function attentionOf(docs: DocumentRecord[]): AttentionItem[] {
  const out: AttentionItem[] = [];
  for (const d of docs) {
    if (d.format === 'zip' && d.state === 'done') continue;
    const base = { documentId: d.id, filename: d.filename };
    if (d.state === 'failed') {
      out.push({ ...base, kind: 'failed', message: `Could not read ${d.filename}: ${d.error ?? 'no reason was recorded'}.`, action: failedAction(d) });
    } else if (d.state === 'unsupported') {
      out.push({ ...base, kind: 'unsupported', message: `${d.filename} is kept, but Vessel cannot read it yet: ${d.error ?? 'this kind of file is not supported'}.`, action: 'Nothing is lost. When Vessel learns to read this kind of file, use Reprocess on it.' });
    } else if (d.state === 'queued' || d.state === 'processing') {
      out.push({ ...base, kind: 'in-progress', message: `${d.filename} is ${d.state === 'queued' ? 'waiting to be read' : 'being read'}.`, action: 'Nothing to do: it appears in the record when reading is done.' });
    } else if (d.state === 'done' && !d.personId && !(Array.isArray(d.label.parts) && d.label.parts.length) && !d.issues.some((i) => i.code === 'directory-part')) {
      // A fax split into documents: each part asks for its own person; the transmission holds no facts.
      // A chained directory file of an imaging disc (Philips DIRFILE) names no one either: its
      // study is read with the disc's DICOMDIR, so asking whose it is (once per series) is noise.
      const why = d.label.needsPerson ? 'the names in it do not clearly match one person of the household' : 'it names no patient Vessel could recognise';
      out.push({ ...base, kind: 'needs-person', message: `${d.filename} belongs to no one yet: ${why}.`, action: 'Open it and choose whose it is; its facts then join that person’s record.' });
    }
  }
  const order: Record<AttentionItem['kind'], number> = { failed: 0, unsupported: 1, 'needs-person': 2, 'in-progress': 3 };
  return out.sort((a, b) => order[a.kind] - order[b.kind]);
}
