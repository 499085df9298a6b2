/** On a report's page: the imaging studies its reports belong to, each opening the viewer. */
import type { LinkedStudy } from '../../../src/imaging/model.ts';
import { useApi } from '../useApi.ts';
import { formatDate } from '../format.ts';
import { href } from '../router.ts';

export function LinkedStudies({ documentId }: { documentId: string }) {
  const res = useApi<{ studies: LinkedStudy[] }>(`/api/documents/${encodeURIComponent(documentId)}/imaging`);
  const studies = res.data?.studies ?? [];
  if (!studies.length) return null;
  return (
    <section className="card linked-studies" aria-labelledby="linked-studies-h">
      <h2 id="linked-studies-h">Images of this report</h2>
      <ul>
        {studies.map((s) => (
          <li key={`${s.reportId}-${s.studyUid}`}>
            <a href={href(['p', s.personId, 'imaging', s.studyUid])}>
              {s.description ?? (s.modalities.join(', ') || 'Imaging study')}
              {s.started ? `, ${formatDate(s.started)}` : ''}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
