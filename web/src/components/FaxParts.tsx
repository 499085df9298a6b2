// Links between a fax transmission and the documents split out of it (issue 5): the
// transmission lists its parts, a part names its transmission. Both come from the labels
// the pipeline writes (label.parts, label.transmission + label.split), no extra request.
import type { DocumentRecord } from '../api.ts';
import { href } from '../router.ts';

export interface PartLink {
  id: string;
  first: number;
  last: number;
  type?: string;
  title?: string;
}

export function partsOf(d: DocumentRecord): PartLink[] {
  const parts = d.label.parts;
  return Array.isArray(parts) ? (parts as PartLink[]) : [];
}

export function transmissionOf(d: DocumentRecord): { id: string; title: string; first: number; last: number } | undefined {
  const t = d.label.transmission as { id?: string; title?: string } | undefined;
  const at = d.label.split as { first?: number; last?: number } | undefined;
  if (!t?.id || !at?.first || !at.last) return undefined;
  return { id: t.id, title: t.title ?? 'the fax', first: at.first, last: at.last };
}

export const pageRange = (first: number, last: number) => (first === last ? `page ${first}` : `pages ${first}–${last}`);

/** "Part of Fax from …, pages 2–3" with a link to the transmission. */
export function PartOf({ doc }: { doc: DocumentRecord }) {
  const t = transmissionOf(doc);
  if (!t) return null;
  return (
    <p className="part-of">
      Part of <a href={href(['documents', t.id])}>{t.title}</a>, {pageRange(t.first, t.last)} of the fax.
    </p>
  );
}

/** The documents found in a transmission, in page order, each a link. */
export function PartsList({ doc }: { doc: DocumentRecord }) {
  const parts = partsOf(doc);
  if (!parts.length) return null;
  return (
    <section className="card fax-parts" aria-labelledby="fax-parts-h">
      <h2 id="fax-parts-h">Documents in this fax</h2>
      <ol>
        {parts.map((p) => (
          <li key={p.id}>
            <a href={href(['documents', p.id])}>{p.title ?? 'Document'}</a> <span className="muted">· {pageRange(p.first, p.last)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** One line under a row of the documents list: a part's transmission, or a transmission's parts. */
export function PartsLine({ doc }: { doc: DocumentRecord }) {
  const t = transmissionOf(doc);
  if (t) {
    return (
      <div className="muted small">
        Part of <a href={href(['documents', t.id])}>{t.title}</a> ({pageRange(t.first, t.last)})
      </div>
    );
  }
  const parts = partsOf(doc);
  if (!parts.length) return null;
  return (
    <div className="muted small">
      In this fax:{' '}
      {parts.map((p, i) => (
        <span key={p.id}>
          {i > 0 && ', '}
          <a href={href(['documents', p.id])}>{p.title ?? 'Document'}</a>
        </span>
      ))}
    </div>
  );
}
