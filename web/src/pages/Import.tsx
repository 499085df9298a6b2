import { useState, useSyncExternalStore, type DragEvent } from 'react';
import { ApiFailure, getJson, api, uploadFile, type DocumentRecord } from '../api.ts';
import { filesFromDrop, filesFromInput, type PickedFile } from '../files.ts';
import { formatBytes, STATE_LABELS } from '../format.ts';
import { href } from '../router.ts';
import { attentionOf } from '../../../src/views/attention.ts';

interface Row {
  key: string;
  path: string;
  size: number;
  progress: number;
  phase: 'waiting' | 'uploading' | 'reading' | 'done' | 'failed' | 'duplicate';
  documentId?: string;
  message?: string;
  action?: string;
}

const FINAL = new Set(['done', 'failed', 'unsupported']);
const PARALLEL = 2;

/**
 * The uploads of this browser tab, kept outside the page: they go on while the user looks at
 * another page, and the page shows them again on return. Held in a component, they were lost
 * whenever the page was drawn anew (seen when the first person of a household appeared).
 */
let uploads: Row[] = [];
let uploadCounter = 0;
const listeners = new Set<() => void>();
function setRows(change: (rows: Row[]) => Row[]) {
  uploads = change(uploads);
  for (const l of listeners) l();
}
function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

const folderProps = { webkitdirectory: '', directory: '' } as Record<string, string>;

export function Import({ onImported }: { onImported(): void }) {
  const rows = useSyncExternalStore(subscribe, () => uploads);
  const [over, setOver] = useState(false);

  const update = (key: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function waitForReading(key: string, id: string) {
    for (let i = 0; i < 600; i++) {
      const d = await getJson<DocumentRecord>(api.document(id)).catch(() => undefined);
      if (d && FINAL.has(d.state)) {
        const problem = attentionOf([d]).find((a) => a.kind === 'failed' || a.kind === 'unsupported' || a.kind === 'needs-person');
        update(key, {
          phase: d.state === 'failed' ? 'failed' : 'done',
          message: problem ? problem.message : `${STATE_LABELS[d.state]}: ${(d.label as { resources?: number }).resources ?? 0} facts found`,
          action: problem?.action,
        });
        onImported();
        return;
      }
      await new Promise((r) => setTimeout(r, i < 20 ? 250 : 1000));
    }
    update(key, { phase: 'done', message: 'Stored; still being read (check Documents later).' });
  }

  async function start(files: PickedFile[]) {
    if (!files.length) return;
    const fresh: Row[] = files.map((f) => ({ key: `f${uploadCounter++}`, path: f.path, size: f.file.size, progress: 0, phase: 'waiting' }));
    setRows((rs) => [...fresh, ...rs]);
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const i = next++;
        const key = fresh[i].key;
        update(key, { phase: 'uploading' });
        try {
          const ev = await uploadFile(files[i].file, (p) => update(key, { progress: p }));
          if (ev.status === 'duplicate') {
            update(key, { phase: 'duplicate', progress: 1, documentId: ev.documentId, message: `Already in Vessel: ${ev.message ?? 'the same file was imported before'}.` });
          } else if (ev.status === 'failed') {
            update(key, { phase: 'failed', progress: 1, documentId: ev.documentId, message: `Not stored: ${ev.message ?? 'unknown reason'}.` });
          } else {
            update(key, { phase: 'reading', progress: 1, documentId: ev.documentId });
            if (ev.documentId) await waitForReading(key, ev.documentId);
          }
        } catch (err) {
          const msg = err instanceof ApiFailure ? err.message : String(err);
          update(key, { phase: 'failed', message: `The upload failed: ${msg}.`, action: 'Check that Vessel is still running, then try this file again.' });
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  }

  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    await start(await filesFromDrop(e.dataTransfer));
  };

  const done = rows.filter((r) => r.phase !== 'waiting' && r.phase !== 'uploading' && r.phase !== 'reading').length;
  return (
    <div>
      <h1>Import records</h1>
      <p>Faxes and scans (PDF, TIFF, images), C-CDA documents, FHIR files, HL7 messages, imaging CDs and zip downloads from patient portals. The originals are kept exactly as they are.</p>
      <div
        className={`dropzone${over ? ' over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p className="drop-title">Drop files or whole folders here</p>
        <p className="muted">or choose them:</p>
        <div className="pickers">
          <label className="button">
            Choose files
            <input className="visually-hidden" type="file" multiple onChange={(e) => (start(filesFromInput(e.target.files)), (e.target.value = ''))} />
          </label>
          <label className="button">
            Choose a folder
            <input className="visually-hidden" type="file" {...folderProps} onChange={(e) => (start(filesFromInput(e.target.files)), (e.target.value = ''))} />
          </label>
        </div>
      </div>
      {rows.length > 0 && (
        <section aria-labelledby="progress-h">
          <h2 id="progress-h">
            Progress: {done} of {rows.length} files
          </h2>
          <ul className="uploads" aria-live="polite">
            {rows.map((r) => (
              <li key={r.key} className={`upload upload-${r.phase}`}>
                <div className="upload-head">
                  <span className="upload-name">{r.path}</span> <span className="muted small">{formatBytes(r.size)}</span>
                </div>
                <progress max={1} value={r.progress} aria-label={`Upload of ${r.path}`} />
                <p className="upload-status">
                  {r.phase === 'waiting' && 'Waiting…'}
                  {r.phase === 'uploading' && `Uploading… ${Math.round(r.progress * 100)}%`}
                  {r.phase === 'reading' && 'Stored. Reading…'}
                  {(r.phase === 'done' || r.phase === 'failed' || r.phase === 'duplicate') && r.message}
                </p>
                {r.action && <p className="upload-action">{r.action}</p>}
                {r.documentId && r.phase !== 'uploading' && r.phase !== 'waiting' && <a href={href(['documents', r.documentId])}>Open</a>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
