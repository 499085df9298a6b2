/**
 * Sharing with a provider: a SMART Health Link (what to include, how long, an optional
 * passcode) shown once as a QR code and a link; the active links with who opened them, and
 * revoking; the International Patient Summary and the visit summary PDF as downloads.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, doctorApi, sendJson, type ChartableTest, type CreatedShare, type DocumentRecord, type ShareAccess, type ShareInfo } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { formatDate } from '../format.ts';

const EXPIRY: Array<[string, string]> = [
  ['1h', 'One hour'],
  ['1d', 'One day'],
  ['7d', 'One week'],
  ['30d', 'One month'],
  ['90d', 'Three months'],
];


export function whatWords(what: string[], docs?: DocumentRecord[]): string {
  return what
    .map((w) => {
      if (w === 'ips') return 'record summary';
      if (w === 'summary') return 'visit summary';
      const id = w.replace(/^documents?:/, '');
      return docs?.find((d) => d.id === id)?.filename ?? 'a document';
    })
    .join(', ');
}

function dateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const ACTIONS: Record<string, string> = {
  'share.create': 'Link created',
  'share.access': 'Opened',
  'share.access.denied': 'Refused',
  'share.file': 'A file was downloaded',
  'share.revoke': 'Link revoked',
};

function accessLine(a: ShareAccess): string {
  // Recipients name themselves when they open a link ("recipient:Dr. Patel"); the owner's own actions have no name to show.
  const who = a.actor.startsWith('recipient:') ? a.actor.slice('recipient:'.length) : '';
  const why = a.action === 'share.access.denied' && a.detail && typeof a.detail === 'object' && 'why' in a.detail ? String((a.detail as { why: unknown }).why) : '';
  return [ACTIONS[a.action] ?? a.action, who && who !== 'unnamed' ? `by ${who}` : '', why ? `(${why})` : ''].filter(Boolean).join(' ');
}

function Accesses({ shareId }: { shareId: string }) {
  const list = useApi<ShareAccess[]>(doctorApi.shareAccesses(shareId));
  if (!list.data) return <Status loading={list.loading} error={list.error} what="who opened it" />;
  return (
    <ul className="access-list">
      {list.data.map((a, i) => (
        <li key={i}>
          <time dateTime={a.at}>{dateTime(a.at)}</time> {accessLine(a)}
        </li>
      ))}
    </ul>
  );
}

function ShareCard({ share, docs, onRevoked }: { share: ShareInfo; docs?: DocumentRecord[]; onRevoked(label: string): void }) {
  const [showAccess, setShowAccess] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string>();
  const headingId = useId();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirm) keep.current?.focus();
  }, [confirm]);
  const revoke = async () => {
    try {
      await sendJson('DELETE', doctorApi.share(share.id));
      onRevoked(share.label);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <li className="card share">
      <h3 id={headingId}>{share.label}</h3>
      <p>
        Shares: {whatWords(share.what, docs)}. Made {dateTime(share.createdAt)}
        {share.expiresAt ? `, works until ${dateTime(share.expiresAt)}` : ''}.
      </p>
      <p>
        {share.passcode ? `Needs a passcode (${share.attemptsLeft} wrong tries left before it stops working).` : 'No passcode.'} Opened {share.accessCount} {share.accessCount === 1 ? 'time' : 'times'}.
      </p>
      <div className="actions">
        <button type="button" className="secondary" aria-expanded={showAccess} onClick={() => setShowAccess(!showAccess)}>
          {showAccess ? 'Hide' : 'Show'} who opened it
        </button>
        {!confirm && (
          <button type="button" className="danger" onClick={() => setConfirm(true)}>
            Revoke<span className="visually-hidden"> {share.label}</span>
          </button>
        )}
      </div>
      {confirm && (
        <div className="confirm" role="group" aria-label="Confirm revoking">
          <p>Revoke this link? Nobody will be able to open it again, even with the passcode.</p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void revoke()}>
              Yes, revoke it
            </button>
            <button type="button" className="secondary" ref={keep} onClick={() => setConfirm(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          Could not revoke: {error}
        </p>
      )}
      {showAccess && <Accesses shareId={share.id} />}
    </li>
  );
}

function CreatedLink({ share, onDone }: { share: CreatedShare; onDone(): void }) {
  const box = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState('');
  useEffect(() => box.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(share.link);
      setCopied('Link copied.');
    } catch {
      setCopied('Could not copy: select the link and copy it yourself.');
    }
  };
  return (
    <div className="card created-share" ref={box} tabIndex={-1} aria-labelledby="created-share-title">
      <h2 id="created-share-title">Your link is ready</h2>
      <p>Let the provider scan the code, or send them the link. It is shown only now, so copy it before you leave this page.</p>
      <img className="qr" src={share.qr} alt={`QR code for the link “${share.label}”`} width={240} height={240} />
      <label htmlFor="share-link">Link</label>
      <textarea id="share-link" className="link-text" readOnly value={share.link} rows={3} onFocus={(e) => e.target.select()} />
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          Copy the link
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Done
        </button>
      </div>
      <p role="status">{copied}</p>
      {share.passcode && <p>The provider also needs the passcode you chose. Tell it to them another way (by phone or in person), not in the same message as the link.</p>}
      <p className="muted">Works until {share.expiresAt ? dateTime(share.expiresAt) : 'you revoke it'}.</p>
    </div>
  );
}

function CreateShare({ personId, docs, onCreated }: { personId: string; docs?: DocumentRecord[]; onCreated(s: CreatedShare): void }) {
  const [ips, setIps] = useState(true);
  const [summary, setSummary] = useState(false);
  const [chosenDocs, setChosenDocs] = useState<string[]>([]);
  const [expires, setExpires] = useState('7d');
  const [passcode, setPasscode] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const shareable = (docs ?? []).filter((d) => d.state === 'done' || d.state === 'unsupported');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const what = [...(ips ? ['ips'] : []), ...(summary ? ['summary'] : []), ...chosenDocs.map((id) => `documents:${id}`)];
    if (!what.length) return setError('Choose at least one thing to share.');
    if (passcode && passcode.length < 4) return setError('A passcode needs at least 4 characters.');
    setBusy(true);
    setError(undefined);
    try {
      const created = await sendJson<CreatedShare>('POST', doctorApi.createShare(personId), { what, expires, passcode: passcode || undefined, label: label.trim() || undefined });
      setPasscode('');
      setLabel('');
      onCreated(created);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card share-form" onSubmit={(e) => void submit(e)} aria-labelledby="create-share-title">
      <h2 id="create-share-title">Make a secure link</h2>
      <p className="muted">A SMART Health Link: the provider opens it in a browser or scans its QR code. What you share is encrypted; the link holds the key. Every opening is recorded.</p>
      <fieldset>
        <legend>What to share</legend>
        <label className="check">
          <input type="checkbox" checked={ips} onChange={(e) => setIps(e.target.checked)} /> Summary of your record (medications, allergies, problems, vaccines, results)
        </label>
        <label className="check">
          <input type="checkbox" checked={summary} onChange={(e) => setSummary(e.target.checked)} /> Visit summary (PDF with charts)
        </label>
        {shareable.length > 0 && (
          <details>
            <summary>Add documents ({chosenDocs.length} chosen)</summary>
            <div className="doc-choices">
              {shareable.map((d) => (
                <label className="check" key={d.id}>
                  <input type="checkbox" checked={chosenDocs.includes(d.id)} onChange={(e) => setChosenDocs(e.target.checked ? [...chosenDocs, d.id] : chosenDocs.filter((x) => x !== d.id))} />
                  <span>
                    {d.filename}
                    {typeof d.label.date === 'string' && <span className="muted"> · {formatDate(d.label.date)}</span>}
                  </span>
                </label>
              ))}
            </div>
          </details>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor="share-expires">How long it works</label>
        <select id="share-expires" value={expires} onChange={(e) => setExpires(e.target.value)}>
          {EXPIRY.map(([v, t]) => (
            <option key={v} value={v}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="share-passcode">Passcode (optional)</label>
        <input id="share-passcode" value={passcode} onChange={(e) => setPasscode(e.target.value)} autoComplete="off" aria-describedby="share-passcode-help" />
        <p id="share-passcode-help" className="muted small">
          At least 4 characters. After 5 wrong tries the link stops working.
        </p>
      </div>
      <div className="field">
        <label htmlFor="share-label">Name for this link (optional)</label>
        <input id="share-label" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={80} placeholder="for example: For Dr. Patel" />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Making the link…' : 'Make the link'}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function Downloads({ personId }: { personId: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // The tests this person's records can chart; the usual ones (A1c, LDL, kidney, thyroid,
  // blood pressure, weight) start chosen.
  const available = useApi<ChartableTest[]>(doctorApi.summaryTests(personId));
  const [chosen, setTests] = useState<string[] | null>(null);
  const tests = chosen ?? (available.data ?? []).filter((t) => t.usual).map((t) => t.id);
  return (
    <section className="card" aria-labelledby="downloads-title">
      <h2 id="downloads-title">Download to bring or send</h2>
      <h3>Visit summary (PDF)</h3>
      <p className="muted">Your medications, allergies, problems and recent vaccines, with charts of the tests you choose. Each chart names the documents its values came from.</p>
      <div className="period">
        <div className="field">
          <label htmlFor="summary-from">From (optional)</label>
          <input id="summary-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="summary-to">To (optional)</label>
          <input id="summary-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <fieldset>
        <legend>Tests to chart</legend>
        <div className="test-choices">
          {(available.data ?? []).map(({ id, display, results }) => (
            <label className="check" key={id}>
              <input type="checkbox" checked={tests.includes(id)} onChange={(e) => setTests(e.target.checked ? [...tests, id] : tests.filter((x) => x !== id))} /> {display}{' '}
              <span className="muted">({results})</span>
            </label>
          ))}
        </div>
        {available.data?.length === 0 && <p className="muted">No lab or vital results with numbers in these records yet.</p>}
        {available.error && <Status error={available.error} what="the tests to chart" />}
      </fieldset>
      {tests.length === 0 && <p className="muted">No test chosen: the summary will chart the usual ones (A1c, LDL, kidney, thyroid, blood pressure, weight).</p>}
      <p>
        <a className="button" href={doctorApi.summaryPdf(personId, { from, to, tests })} download="visit-summary.pdf">
          Download the visit summary
        </a>
      </p>
      <h3>International Patient Summary (FHIR)</h3>
      <p className="muted">Your record summary in the international standard format, for a clinic's computer system.</p>
      <p>
        <a className="button secondary" href={doctorApi.ips(personId)} download="patient-summary.fhir.json">
          Download the patient summary
        </a>
      </p>
    </section>
  );
}

export function Sharing({ personId }: { personId: string }) {
  const shares = useApi<ShareInfo[]>(doctorApi.shares(personId));
  const docs = useApi<DocumentRecord[]>(api.documents({ person: personId, limit: 500 }));
  const [created, setCreated] = useState<CreatedShare>();
  const [note, setNote] = useState('');
  const listTitle = useRef<HTMLHeadingElement>(null);
  return (
    <div>
      <h1>Share with a provider</h1>
      {created ? (
        <CreatedLink share={created} onDone={() => setCreated(undefined)} />
      ) : (
        <CreateShare
          personId={personId}
          docs={docs.data}
          onCreated={(s) => {
            setCreated(s);
            setNote('');
            shares.reload();
          }}
        />
      )}
      <section aria-labelledby="shares-title">
        <h2 id="shares-title" ref={listTitle} tabIndex={-1}>
          Active links
        </h2>
        <p role="status" className="ok-line">
          {note}
        </p>
        <Status loading={shares.loading && !shares.data} error={shares.error} what="your links" />
        {shares.data && !shares.data.length && <p className="muted">No active links. Links that expired or were revoked are not listed.</p>}
        {shares.data && shares.data.length > 0 && (
          <ul className="share-list">
            {shares.data.map((s) => (
              <ShareCard
                key={s.id}
                share={s}
                docs={docs.data}
                onRevoked={(label) => {
                  setNote(`Revoked “${label}”. It no longer opens.`);
                  shares.reload();
                  listTitle.current?.focus();
                }}
              />
            ))}
          </ul>
        )}
      </section>
      <Downloads personId={personId} />
    </div>
  );
}
