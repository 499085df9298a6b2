import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, attachToPerson, type DocumentRecord, type Page, type PersonWithCounts, type ResourceWithSource } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { Highlight } from '../components/Highlight.tsx';
import { LinkedStudies } from '../components/LinkedStudies.tsx';
import { PagePicture } from '../components/PagePicture.tsx';
import { href } from '../router.ts';
import { PartOf, PartsList, transmissionOf } from '../components/FaxParts.tsx';
import { formatBytes, formatDate, STATE_LABELS } from '../format.ts';
import { docTitle } from './Documents.tsx';
import { attentionOf } from '../../../src/views/attention.ts';
import { describe } from '../../../src/views/facts.ts';
import type { Resource } from '@medplum/fhirtypes';

const IMAGE_FORMATS = new Set(['png', 'jpeg']);
/** Originals the server draws page by page (GET /api/documents/:id/pages/:n.png). */
const DRAWN_FORMATS = new Set(['pdf', 'tiff', 'png', 'jpeg']);

function FactBox({ r }: { r: ResourceWithSource }) {
  const d = describe(r.resource as unknown as Resource);
  const loc = r.location;
  const where = [loc.page && `page ${loc.page}`, loc.line && `line ${loc.line}`, loc.segment && `segment ${loc.segment}`, loc.xpath && `at ${loc.xpath}`, loc.entryId && `entry ${loc.entryId}`].filter(Boolean).join(', ');
  return (
    <section className="card fact-box" aria-labelledby="fact-h">
      <h2 id="fact-h">This fact</h2>
      <p>
        <strong>{d.title}</strong>
        {d.detail && ` — ${d.detail}`}
        {r.date && <span className="muted"> · {formatDate(r.date)}</span>}
      </p>
      <p className="muted">Found in this document{where ? `, ${where}` : ''}.</p>
      <details>
        <summary>As recorded (FHIR {r.resourceType})</summary>
        <pre className="json">{JSON.stringify(r.resource, null, 2)}</pre>
      </details>
    </section>
  );
}

function AttachPerson({ doc, onDone }: { doc: DocumentRecord; onDone(): void }) {
  const people = useApi<PersonWithCounts[]>(api.people());
  const [choice, setChoice] = useState('');
  const [state, setState] = useState<{ busy?: boolean; error?: string }>({});
  if (!people.data?.length) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!choice) return setState({ error: 'Choose a person first.' });
    setState({ busy: true });
    try {
      await attachToPerson(doc.id, choice);
      setState({});
      onDone();
    } catch (err) {
      setState({ error: (err as Error).message });
    }
  };
  return (
    <form className="card attach" onSubmit={submit} aria-labelledby="attach-h">
      <h2 id="attach-h">Whose document is this?</h2>
      <label htmlFor="attach-person">Person</label>{' '}
      <select id="attach-person" value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">Choose…</option>
        {people.data.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
            {p.birthDate ? ` (born ${p.birthDate})` : ''}
          </option>
        ))}
      </select>{' '}
      <button type="submit" disabled={state.busy}>
        Attach
      </button>
      {state.error && <p className="error" role="alert">{state.error}</p>}
    </form>
  );
}

/**
 * Pages read from print (OCR, a PDF's text layer) keep their lines unwrapped and scroll sideways,
 * so the text can take the keyboard's focus to be scrolled; narrative text wraps.
 */
function pageTextProps(page: Page): { className: string; tabIndex?: number; 'aria-label'?: string } {
  if (page.method !== 'ocr' && page.method !== 'text-layer') return { className: 'page-text' };
  return { className: 'page-text page-lines', tabIndex: 0, 'aria-label': `Text of page ${page.page}` };
}

export function DocumentViewer({ id, page, query, resourceId }: { id: string; page?: number; query?: string | null; resourceId?: string | null }) {
  const doc = useApi<DocumentRecord>(api.document(id));
  const pages = useApi<Page[]>(api.pages(id));
  const fact = useApi<ResourceWithSource>(resourceId ? api.resource(resourceId) : null);
  const targetPage = page ?? fact.data?.location.page;
  const target = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const el = target.current ?? (query ? document.querySelector<HTMLElement>('.pages mark') : null);
    if (el) {
      el.scrollIntoView({ block: 'start' });
      if (el instanceof HTMLElement && el.tabIndex >= -1) el.focus({ preventScroll: true });
    }
  }, [pages.data, targetPage, query]);
  const d = doc.data;
  const owner = useApi<PersonWithCounts[]>(d?.personId ? api.people() : null).data?.find((p) => p.id === d?.personId);
  if (!d) return <Status loading={doc.loading} error={doc.error} what="the document" />;
  const label = d.label as { date?: string; facility?: string; author?: string };
  const problem = attentionOf([d])[0];
  // A document split out of a fax keeps the fax's page numbers, so "page 3" is the same sheet in both.
  const isPart = !!transmissionOf(d);
  // Pages drawn from the original, with the text laid over them; the text stays beside them too.
  const drawn = DRAWN_FORMATS.has(d.format) && !!pages.data?.length;
  const factBox = fact.data?.location.box;
  return (
    <article className="viewer">
      <h1>{docTitle(d)}</h1>
      <PartOf doc={d} />
      <dl className="meta">
        <dt>File</dt>
        <dd>{d.filename}</dd>
        <dt>Date</dt>
        <dd>{label.date ? formatDate(label.date) : 'not stated'}</dd>
        {label.facility && (
          <>
            <dt>Facility</dt>
            <dd>{label.facility}</dd>
          </>
        )}
        <dt>State</dt>
        <dd>{STATE_LABELS[d.state] ?? d.state}</dd>
        <dt>Person</dt>
        <dd>{owner ? owner.displayName : d.personId ? '…' : 'no one yet'}</dd>
        <dt>Kind</dt>
        <dd>
          {d.format}, {formatBytes(d.size)}, added {formatDate(d.createdAt)}
        </dd>
      </dl>
      {problem && problem.kind !== 'in-progress' && (
        <div className={`notice notice-${problem.kind}`} role="note">
          <p>{problem.message}</p>
          <p>{problem.action}</p>
        </div>
      )}
      {!d.personId && d.state === 'done' && <AttachPerson doc={d} onDone={doc.reload} />}
      <p>
        <a href={api.original(d.id)} download={d.filename}>
          {isPart ? 'Download these pages (PDF)' : 'Download the original'}
        </a>
      </p>
      {d.personId && (
        <p>
          <a href={href(['p', d.personId, 'timeline'], { document: d.id })}>See what this document says on the timeline</a>
        </p>
      )}
      <PartsList doc={d} />
      {resourceId && fact.data && <FactBox r={fact.data} />}
      {d.personId && <LinkedStudies documentId={d.id} format={d.format} />}
      {resourceId && fact.error && <p className="error">Could not load the fact: {fact.error}</p>}
      {IMAGE_FORMATS.has(d.format) && !drawn && <img className="original" src={api.original(d.id)} alt={`The original image: ${d.filename}`} />}
      <section aria-labelledby="pages-h" className="pages">
        <h2 id="pages-h">{d.format === 'cda-xml' ? 'Narrative' : drawn ? 'Pages' : 'Text'}</h2>
        <Status loading={pages.loading} error={pages.error} what="the text" />
        {pages.data && !pages.data.length && <p className="muted">No text was read from this document.</p>}
        {pages.data?.map((p) => (
          <section
            key={p.page}
            id={`page-${p.page}`}
            className={`page${p.page === targetPage ? ' target' : ''}`}
            aria-label={`Page ${p.page}`}
            tabIndex={-1}
            ref={p.page === targetPage ? (el) => void (target.current = el) : undefined}
          >
            <h3>
              Page {p.page}
              {isPart && ' of the fax'}
              {p.method === 'ocr' && p.confidence != null && <span className="muted small"> · read by OCR, {Math.round(p.confidence)}% confident</span>}
            </h3>
            {drawn ? (
              <div className="page-body">
                <PagePicture documentId={d.id} page={p.page} query={query} filename={d.filename} factBox={p.page === fact.data?.location.page ? factBox : undefined} />
                <pre {...pageTextProps(p)}>
                  <Highlight text={p.text} query={query} />
                </pre>
              </div>
            ) : (
              <pre {...pageTextProps(p)}>
                <Highlight text={p.text} query={query} />
              </pre>
            )}
          </section>
        ))}
      </section>
    </article>
  );
}
