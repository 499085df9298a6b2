/**
 * On a document's page: the imaging studies its reports belong to, or the study a DICOM file
 * is part of (with the image itself), each opening the viewer.
 */
import type { LinkedStudy } from '../../../src/imaging/model.ts';
import { useState } from 'react';
import { useApi } from '../useApi.ts';
import { formatDate } from '../format.ts';
import { href } from '../router.ts';

export function LinkedStudies({ documentId, format }: { documentId: string; format?: string }) {
  // SRs and undecodable files have no picture to show: the preview goes away instead of breaking.
  const [noPreview, setNoPreview] = useState(false);
  const res = useApi<{ studies: LinkedStudy[] }>(`/api/documents/${encodeURIComponent(documentId)}/imaging`);
  const studies = res.data?.studies ?? [];
  if (!studies.length) return null;
  const reports = studies.filter((s) => s.reason !== 'contains');
  const holds = studies.filter((s) => s.reason === 'contains');
  const link = (s: LinkedStudy) => (
    <a href={href(['p', s.personId, 'imaging', s.studyUid])}>
      {s.description ?? (s.modalities.join(', ') || 'Imaging study')}
      {s.started ? `, ${formatDate(s.started)}` : ''}
    </a>
  );
  return (
    <>
      {reports.length > 0 && (
        <section className="card linked-studies" aria-labelledby="linked-studies-h">
          <h2 id="linked-studies-h">Images of this report</h2>
          <ul>
            {reports.map((s) => (
              <li key={`${s.reportId}-${s.studyUid}`}>{link(s)}</li>
            ))}
          </ul>
        </section>
      )}
      {holds.length > 0 && (
        <section className="card linked-studies" aria-labelledby="in-study-h">
          <h2 id="in-study-h">Part of an imaging study</h2>
          <ul>
            {holds.map((s) => (
              <li key={s.studyUid}>{link(s)} (opens the viewer)</li>
            ))}
          </ul>
          {format === 'dicom' && !noPreview && <img onError={() => setNoPreview(true)} className="dicom-preview" src={`/api/documents/${encodeURIComponent(documentId)}/frames/0.png?size=512`} alt="The image in this file" />}
        </section>
      )}
    </>
  );
}
