import { api, type SearchFacets, type SearchHit, type SearchNarrowing } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { Snippet } from '../components/Highlight.tsx';
import { href, useRoute } from '../router.ts';
import { TYPE_LABELS } from '../format.ts';
import { docTitle } from './Documents.tsx';

/** How a document kind reads in the facet list: its label type (lab_report) or its format (cda-xml). */
const FORMAT_NAMES: Record<string, string> = {
  'cda-xml': 'C-CDA documents',
  'fhir-json': 'FHIR files',
  'fhir-ndjson': 'FHIR bulk files',
  'fhir-xml': 'FHIR files (XML)',
  hl7v2: 'HL7 v2 messages',
  pdf: 'PDFs',
  tiff: 'TIFF faxes and scans',
  jpeg: 'Photos (JPEG)',
  png: 'Images (PNG)',
  text: 'Text files',
};
export function documentKindName(kind: string): string {
  const name = kind.charAt(0).toUpperCase() + kind.slice(1).replace(/_/g, ' ');
  // "Discharge summaries", "Lab reports", "Fax cover sheets".
  return FORMAT_NAMES[kind] ?? (/[^aeiou]y$/i.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`);
}

/** "12 results", or "200 of 3,400 results" when more matched than are shown. */
function shownOf(shown: number, total: number | undefined): string {
  const noun = `result${(total ?? shown) === 1 ? '' : 's'}`;
  return total !== undefined && total > shown ? `${shown.toLocaleString()} of ${total.toLocaleString()} ${noun}` : `${shown.toLocaleString()} ${noun}`;
}

/**
 * One box across structured records and the text of every document page. The facets count every
 * match (not only the hits shown) and narrow the results to one kind of record or document; the
 * narrowing lives in the address (`type=` / `document=`) so back and forward keep it.
 */
export function Search({ query, personId, people = [] }: { query: string; personId?: string; people?: Array<{ id: string; displayName: string }> }) {
  // A household's search mixes everyone's records: each hit says whose record it is in.
  const whose = new Map(people.map((p) => [p.id, p.displayName]));
  const route = useRoute();
  const only: SearchNarrowing = { type: route.query.get('type') ?? undefined, document: route.query.get('document') ?? undefined };
  const text = query.trim();
  const hits = useApi<SearchHit[]>(text ? api.search(query, personId, only) : null);
  const facets = useApi<SearchFacets>(text ? api.searchFacets(query, personId) : null);
  const narrowed = !!(only.type || only.document);
  const link = (n: SearchNarrowing) => href(['search'], { q: query, person: personId, ...n });
  const total = facets.data ? [...facets.data.resources, ...facets.data.documents].reduce((n, f) => n + f.count, 0) : undefined;
  return (
    <div>
      <h1>Search</h1>
      {!text && <p>Type words in the search box above: a medicine, a test, a doctor, a word from a letter.</p>}
      {facets.data && total! > 0 && (
        <nav className="facets" aria-label="Narrow the results">
          <ul>
            <li>
              <a href={link({})} aria-current={!narrowed ? 'page' : undefined}>
                Everything <span className="muted">{total!.toLocaleString()}</span>
              </a>
            </li>
            {facets.data.resources.map((f) => (
              <li key={`r-${f.resourceType}`}>
                <a href={link({ type: f.resourceType })} aria-current={only.type === f.resourceType ? 'page' : undefined}>
                  {TYPE_LABELS[f.resourceType] ?? f.resourceType} <span className="muted">{f.count.toLocaleString()}</span>
                </a>
              </li>
            ))}
            {facets.data.documents.map((f) => (
              <li key={`d-${f.documentType}`}>
                <a href={link({ document: f.documentType })} aria-current={only.document === f.documentType ? 'page' : undefined}>
                  {documentKindName(f.documentType)} <span className="muted">{f.count.toLocaleString()} page{f.count === 1 ? "" : "s"}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Status loading={hits.loading} error={hits.error} what="results" />
      {hits.data && (
        <>
          <p role="status">
            {hits.data.length === 0
              ? `Nothing found for “${query}”${narrowed ? ' here' : ''}.`
              : `${shownOf(hits.data.length, narrowed ? undefined : total)} for “${query}”${personId ? ' in this person’s record' : ''}.`}
          </p>
          <ol className="hits">
            {hits.data.map((h, i) => {
              const where = h.document ? docTitle(h.document) : 'a document';
              return (
                <li key={i}>
                  <a href={href(['documents', h.documentId], { page: h.page, resource: h.resourceId, q: query })}>
                    {h.kind === 'page' ? `${where}, page ${h.page}` : `${TYPE_LABELS[h.resourceType ?? ''] ?? h.resourceType} in ${where}`}
                  </a>
                  {!personId && h.personId && whose.has(h.personId) && <span className="muted small"> · {whose.get(h.personId)}</span>}
                  <p className="snippet">
                    <Snippet text={h.snippet} />
                  </p>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
