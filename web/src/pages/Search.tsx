import { api, type DocumentRecord, type SearchHit } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { Snippet } from '../components/Highlight.tsx';
import { href } from '../router.ts';
import { TYPE_LABELS } from '../format.ts';
import { docTitle } from './Documents.tsx';

export function Search({ query, personId }: { query: string; personId?: string }) {
  const hits = useApi<SearchHit[]>(query.trim() ? api.search(query, personId) : null);
  const docs = useApi<DocumentRecord[]>(api.documents({ limit: 1000 }));
  const name = new Map((docs.data ?? []).map((d) => [d.id, docTitle(d)]));
  return (
    <div>
      <h1>Search</h1>
      {!query.trim() && <p>Type words in the search box above: a medicine, a test, a doctor, a word from a letter.</p>}
      <Status loading={hits.loading} error={hits.error} what="results" />
      {hits.data && (
        <>
          <p role="status">
            {hits.data.length === 0 ? `Nothing found for “${query}”.` : `${hits.data.length} result${hits.data.length === 1 ? '' : 's'} for “${query}”${personId ? ' in this person’s record' : ''}.`}
          </p>
          <ol className="hits">
            {hits.data.map((h, i) => (
              <li key={i}>
                <a href={href(['documents', h.documentId], { page: h.page, resource: h.resourceId, q: query })}>
                  {h.kind === 'page' ? `${name.get(h.documentId) ?? 'Document'}, page ${h.page}` : `${TYPE_LABELS[h.resourceType ?? ''] ?? h.resourceType} in ${name.get(h.documentId) ?? 'a document'}`}
                </a>
                <p className="snippet">
                  <Snippet text={h.snippet} />
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
