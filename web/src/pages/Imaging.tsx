/**
 * Imaging: the person's studies (one per Study Instance UID) with series thumbnails and the
 * linked report's first words; a study opens in the series viewer.
 */
import type { ReportRef, StudyDetail, StudyListItem } from '../../../src/imaging/model.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { SeriesViewer } from '../components/SeriesViewer.tsx';
import { formatDate } from '../format.ts';
import { go, href } from '../router.ts';

const MODALITY_NAMES: Record<string, string> = { CT: 'CT', MR: 'MRI', CR: 'X-ray', DX: 'X-ray', US: 'Ultrasound', MG: 'Mammogram', NM: 'Nuclear medicine', PT: 'PET', XA: 'Angiography', RF: 'Fluoroscopy', SR: 'Report', OT: 'Other' };

const imagingApi = {
  studies: (person: string) => `/api/people/${encodeURIComponent(person)}/imaging`,
  study: (person: string, uid: string) => `/api/people/${encodeURIComponent(person)}/imaging/${encodeURIComponent(uid)}`,
};

export function studyTitle(s: { description?: string; modalities: string[]; bodySites: string[] }): string {
  if (s.description) return s.description;
  const kinds = s.modalities.filter((m) => m !== 'SR').map((m) => MODALITY_NAMES[m] ?? m);
  return [kinds.join(', ') || 'Imaging study', s.bodySites.join(', ').toLowerCase()].filter(Boolean).join(' of ');
}

function reportHref(r: ReportRef): string {
  return href(['documents', r.documentId], { resource: r.kind === 'resource' ? r.id : undefined });
}

const REASONS: Record<ReportRef['reason'], string> = {
  'study-uid': 'names this study',
  accession: 'same accession number',
  'date-and-words': 'same date and kind of exam',
};

function Reports({ reports }: { reports: ReportRef[] }) {
  if (!reports.length) return <p className="muted small">No report found for this study yet.</p>;
  return (
    <ul className="study-reports">
      {reports.map((r) => (
        <li key={r.id}>
          <a href={reportHref(r)}>Report: {r.title}</a>
          <span className="muted small">
            {' '}
            {r.date ? `· ${formatDate(r.date)} ` : ''}· {REASONS[r.reason]}
          </span>
          {r.excerpt && <p className="report-excerpt">{r.excerpt}</p>}
        </li>
      ))}
    </ul>
  );
}

function Facts({ s }: { s: StudyListItem | StudyDetail }) {
  return (
    <p className="study-facts muted small">
      {[
        s.modalities.map((m) => MODALITY_NAMES[m] ?? m).join(', '),
        // A disc's directory can list a study whose folder did not make it onto the disc (or the copy).
        ...(s.numberOfSeries || s.numberOfInstances
          ? [`${s.numberOfSeries} series`, `${s.numberOfImages} image${s.numberOfImages === 1 ? '' : 's'}${s.numberOfInstances > s.numberOfImages ? ` of ${s.numberOfInstances} listed` : ''}`]
          : ['listed on the disc, but none of its images are on it']),
        s.referrer && `referred by ${s.referrer}`,
        s.accession && `accession ${s.accession}`,
      ]
        .filter(Boolean)
        .join(' · ')}
    </p>
  );
}

function StudyList({ personId }: { personId: string }) {
  const res = useApi<{ studies: StudyListItem[] }>(imagingApi.studies(personId));
  if (!res.data) return <Status loading={res.loading} error={res.error} what="the imaging studies" />;
  const { studies } = res.data;
  return (
    <div>
      <h1>Imaging</h1>
      {!studies.length && <p>No imaging studies yet. Import a CD (its folder or a zip of it) on the Import page.</p>}
      <ul className="studies">
        {studies.map((s) => (
          <li key={s.studyUid} className="card study">
            <h2>
              <a href={href(['p', personId, 'imaging', s.studyUid])}>{studyTitle(s)}</a>
            </h2>
            <p className="muted">{s.started ? formatDate(s.started) : 'no date'}</p>
            <Facts s={s} />
            <ul className="thumbs" aria-label="Series">
              {s.series.map((se) => (
                <li key={se.uid}>
                  <a href={href(['p', personId, 'imaging', s.studyUid], { series: se.uid })} className="thumb">
                    {se.thumbnailUrl ? <img src={se.thumbnailUrl} alt="" width={96} height={96} loading="lazy" /> : <span className="no-thumb">no image</span>}
                    <span className="small">
                      {se.description ?? se.modality ?? 'Series'} ({se.numberOfImages})
                    </span>
                  </a>
                </li>
              ))}
            </ul>
            <Reports reports={s.reports} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Study({ personId, studyUid, seriesUid }: { personId: string; studyUid: string; seriesUid?: string }) {
  const res = useApi<StudyDetail>(imagingApi.study(personId, studyUid));
  if (!res.data) return <Status loading={res.loading} error={res.error} what="the study" />;
  const s = res.data;
  const series = s.series.find((x) => x.uid === seriesUid) ?? s.series.find((x) => x.numberOfImages > 0) ?? s.series[0];
  return (
    <article className="study-view">
      <p>
        <a href={href(['p', personId, 'imaging'])}>All studies</a>
      </p>
      <h1>{studyTitle(s)}</h1>
      <p className="muted">{s.started ? formatDate(s.started) : 'no date'}</p>
      <Facts s={s} />
      <Reports reports={s.reports} />
      {s.series.length > 1 && (
        <ul className="thumbs series-picker" aria-label="Series">
          {s.series.map((se) => (
            <li key={se.uid}>
              <button type="button" className="thumb" aria-pressed={se.uid === series?.uid} onClick={() => go(href(['p', personId, 'imaging', s.studyUid], { series: se.uid }))}>
                {se.thumbnailUrl ? <img src={se.thumbnailUrl} alt="" width={72} height={72} /> : <span className="no-thumb">no image</span>}
                <span className="small">
                  {se.number !== undefined ? `${se.number}: ` : ''}
                  {se.description ?? se.modality ?? 'Series'} ({se.numberOfImages})
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {series ? (
        <section aria-labelledby="series-h">
          <h2 id="series-h">
            {series.description ?? 'Series'}
            {series.bodySite ? ` · ${series.bodySite.toLowerCase()}` : ''}
          </h2>
          <SeriesViewer series={series} modality={series.modality} />
        </section>
      ) : (
        <p className="muted">This study lists no series.</p>
      )}
      {s.directories.length > 0 && (
        <p className="small muted">
          Listed in {s.directories.map((d, i) => (
            <span key={d.documentId}>
              {i > 0 && ', '}
              <a href={href(['documents', d.documentId])}>{d.filename}</a>
            </span>
          ))}
        </p>
      )}
    </article>
  );
}

export function Imaging({ personId, studyUid, seriesUid }: { personId: string; studyUid?: string; seriesUid?: string }) {
  return studyUid ? <Study personId={personId} studyUid={studyUid} seriesUid={seriesUid} /> : <StudyList personId={personId} />;
}
