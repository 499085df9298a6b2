/**
 * SMART on FHIR connections (docs/smart.md): each with its state (connected, syncing with
 * progress, last sync and counts, needs re-authorization, error text), "sync now", signing in
 * again, and connecting a new FHIR server (the API answers an authorization address; the
 * browser goes there and comes back to /?connected=<id> or /?connection_error=<text>).
 * Polls while a sync is running or was just asked for. "Remove" asks first, then deletes the
 * connection's access (the records it imported stay) and says so.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { connectionsApi, sendJson, type PublicConnection } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { TYPE_LABELS } from '../format.ts';

const POLL_MS = 2000;
/** After "sync now", keep polling this long even before the job shows as syncing. */
const PENDING_MS = 60_000;

const STATUS_WORDS: Record<PublicConnection['status'], string> = {
  connected: 'Connected',
  syncing: 'Syncing now',
  'needs-reauthorization': 'Needs you to sign in again',
  error: 'Last sync had a problem',
};

function dateTime(iso?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Starts an authorization and sends the browser to the server's sign-in page. */
async function authorize(body: { fhirBaseUrl: string; clientId?: string; connectionId?: string }): Promise<void> {
  const r = await sendJson<{ authorizeUrl: string }>('POST', connectionsApi.create(), body);
  window.location.assign(r.authorizeUrl);
}

function ConnectionCard({ c, onSyncAsked, onRemoved }: { c: PublicConnection; onSyncAsked(id: string): void; onRemoved(message: string): void }) {
  const [busy, setBusy] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmRemove) keep.current?.focus();
  }, [confirmRemove]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const headingId = useId();
  const syncing = c.status === 'syncing';
  // "Sync started" is stale once the connection moves on (syncing, finished, failed).
  useEffect(() => setMessage(''), [c.status, c.lastSyncAt]);
  const sync = async () => {
    setBusy(true);
    setError('');
    try {
      const r = await sendJson<{ queued: boolean }>('POST', connectionsApi.sync(c.id));
      setMessage(r.queued ? 'Sync started.' : 'A sync is already waiting or running.');
      onSyncAsked(c.id);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const reconnect = async () => {
    setBusy(true);
    setError('');
    try {
      await authorize({ fhirBaseUrl: c.server, clientId: c.clientId, connectionId: c.id });
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    setError('');
    try {
      const r = await sendJson<{ message: string }>('DELETE', connectionsApi.remove(c.id));
      onRemoved(r.message);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  const p = c.progress;
  const counts = c.lastCounts;
  return (
    <li className={`card connection connection-${c.status}`}>
      <h2 id={headingId}>{host(c.server)}</h2>
      <p className="muted small break">{c.server}</p>
      <p>
        <span className={`badge conn-${c.status}`}>{STATUS_WORDS[c.status]}</span>
        {c.patient && <span className="muted"> · patient {c.patient}</span>}
      </p>
      {syncing && p && (
        <div className="sync-progress">
          <label htmlFor={`${headingId}-progress`}>
            Step {Math.min(p.stepIndex + 1, p.steps)} of {p.steps}
            {p.step && p.step !== 'done' ? ` (${(TYPE_LABELS[p.step] ?? p.step).toLowerCase()})` : ''}: {plural(p.resources, 'record')} so far
          </label>
          <progress id={`${headingId}-progress`} max={Math.max(1, p.steps)} value={Math.min(p.stepIndex, p.steps)} />
        </div>
      )}
      {syncing && !p && <p>Starting the sync…</p>}
      {c.status === 'needs-reauthorization' && <p className="notice">The portal no longer accepts Vessel's access (it expired or was withdrawn). Sign in again to continue; the next sync picks up where the last one stopped.</p>}
      {c.error && (
        <p className="error-text">
          <strong>What went wrong:</strong> {c.error}
        </p>
      )}
      <p>
        {c.lastSyncAt ? (
          <>
            Last synced {dateTime(c.lastSyncAt)}
            {counts && `: ${plural(counts.resources, 'record')} in ${plural(counts.pages, 'page')}, ${plural(counts.newDocuments, 'new document')}${counts.attachments ? `, ${plural(counts.attachments, 'attachment')}` : ''}${counts.attachmentsSkipped ? ` (${plural(counts.attachmentsSkipped, 'attachment')} not fetched)` : ''}`}.
          </>
        ) : (
          'Not synced yet.'
        )}
        {c.nextSyncAt && c.status !== 'syncing' && <> Next sync on its own: {dateTime(c.nextSyncAt)}.</>}
      </p>
      <div className="actions">
        {c.status !== 'needs-reauthorization' && (
          <button type="button" onClick={() => void sync()} disabled={busy || syncing}>
            Sync now<span className="visually-hidden"> {host(c.server)}</span>
          </button>
        )}
        {c.status === 'needs-reauthorization' && (
          <button type="button" onClick={() => void reconnect()} disabled={busy}>
            Sign in again<span className="visually-hidden"> at {host(c.server)}</span>
          </button>
        )}
        <button type="button" className="secondary" onClick={() => setConfirmRemove(true)} disabled={busy || confirmRemove} aria-expanded={confirmRemove}>
          Remove<span className="visually-hidden"> the connection to {host(c.server)}</span>
        </button>
      </div>
      {confirmRemove && (
        <div className="confirm" role="group" aria-label={`Confirm removing ${host(c.server)}`}>
          <p>
            Remove the connection to {host(c.server)}? Vessel deletes its access and stops syncing from it. The records already imported from it stay in your record.
          </p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void remove()} disabled={busy}>
              Yes, remove it
            </button>
            <button type="button" className="secondary" ref={keep} onClick={() => setConfirmRemove(false)} disabled={busy}>
              Keep it
            </button>
          </div>
        </div>
      )}
      <p role="status" className="ok-line">
        {message}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function ConnectForm() {
  const [url, setUrl] = useState('');
  const [clientId, setClientId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await authorize({ fhirBaseUrl: url.trim(), clientId: clientId.trim() || undefined });
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="connect-title">
      <h2 id="connect-title">Connect a new FHIR server</h2>
      <p className="muted">Many patient portals and health plans offer a FHIR API. You sign in there and approve; Vessel then fetches your records and keeps them up to date when you sync.</p>
      <div className="field">
        <label htmlFor="fhir-url">FHIR address of the portal</label>
        <input id="fhir-url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://fhir.example.org/r4" aria-describedby="fhir-url-help" autoComplete="url" />
        <p id="fhir-url-help" className="muted small">
          The portal's help pages call it the FHIR base URL or the patient access API address.
        </p>
      </div>
      <div className="field">
        <label htmlFor="client-id">App ID (optional)</label>
        <input id="client-id" value={clientId} onChange={(e) => setClientId(e.target.value)} aria-describedby="client-id-help" autoComplete="off" />
        <p id="client-id-help" className="muted small">
          Only if the portal gave you a client ID for Vessel.
        </p>
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Going to the portal…' : 'Connect and sign in'}
      </button>
      {error && (
        <p className="error" role="alert">
          Could not start the connection: {error}
        </p>
      )}
    </form>
  );
}

export function Connections() {
  const list = useApi<PublicConnection[]>(connectionsApi.list());
  const [asked, setAsked] = useState<Record<string, number>>({});
  const [removed, setRemoved] = useState('');
  // The result of an authorization that just came back (App sends /?connected=… here).
  const [back] = useState(() => {
    const s = new URLSearchParams(window.location.search);
    return { connected: s.get('connected'), error: s.get('connection_error') };
  });
  useEffect(() => {
    if (back.connected || back.error) window.history.replaceState(null, '', `/${window.location.hash}`);
  }, [back]);

  const now = Date.now();
  const polling = !!list.data?.some((c) => c.status === 'syncing' || (asked[c.id] && now - asked[c.id] < PENDING_MS)) || (!!back.connected && !list.data?.some((c) => c.id === back.connected && c.lastSyncAt));
  const reload = useRef(list.reload);
  reload.current = list.reload;
  useEffect(() => {
    if (!polling) return;
    const t = setInterval(() => reload.current(), POLL_MS);
    return () => clearInterval(t);
  }, [polling]);

  return (
    <div>
      <h1>Connected patient portals</h1>
      {back.connected && (
        <p className="notice notice-ok" role="status">
          Connected. The first sync starts right away; its progress shows below.
        </p>
      )}
      {back.error && (
        <p className="notice" role="alert">
          The connection was not made: {back.error}
        </p>
      )}
      {removed && (
        <p className="notice notice-ok" role="status">
          {removed}
        </p>
      )}
      <Status loading={list.loading && !list.data} error={list.error} what="the connections" />
      {list.data && !list.data.length && <p className="muted">No portal connected yet.</p>}
      {list.data && list.data.length > 0 && (
        <ul className="connection-list">
          {list.data.map((c) => (
            <ConnectionCard key={c.id} c={c} onSyncAsked={(id) => (setAsked((a) => ({ ...a, [id]: Date.now() })), list.reload())} onRemoved={(message) => (setRemoved(message), list.reload())} />
          ))}
        </ul>
      )}
      <ConnectForm />
    </div>
  );
}
