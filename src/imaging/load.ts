/**
 * The imaging read model of one person from the store: their ImagingStudy rows grouped into
 * studies (group.ts), their radiology reports (DiagnosticReports and documents labelled as
 * radiology reports) linked to them (link.ts). Both dialects; no HTTP here.
 */
import type { DiagnosticReport, ImagingStudy, Observation, Reference } from '@medplum/fhirtypes';
import { sql } from 'kysely';
import type { Store } from '../store/store.js';
import { groupStudies, type StudyRow } from './group.js';
import { isRadiologyLabel, isRadiologyReport, linkReports, reportFromDocument, reportFromResource, type ReportCandidate, type ReportLink } from './link.js';
import type { LinkedStudy, ReportRef, SeriesView, StudyDetail, StudyListItem } from './model.js';

/** Longest side of a series thumbnail, pixels. */
export const THUMBNAIL_SIZE = 160;

export const frameUrl = (documentId: string, frame = 0, query: Record<string, string | number> = {}) => {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return `/api/documents/${encodeURIComponent(documentId)}/frames/${frame}.png${qs ? `?${qs}` : ''}`;
};

async function studyRows(store: Store, personId: string): Promise<StudyRow[]> {
  const rows = await store.db
    .selectFrom('resources as r')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .select(['r.id', 'r.document_id', 'r.json', 'd.filename', 'd.format'])
    .where('r.person_id', '=', personId)
    .where('r.resource_type', '=', 'ImagingStudy')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ resourceId: r.id, documentId: r.document_id, filename: r.filename, format: r.format, resource: JSON.parse(r.json) as ImagingStudy }));
}

/** Radiology reports of the person: DiagnosticReports about imaging, and report documents. */
export async function reportCandidates(store: Store, personId: string): Promise<ReportCandidate[]> {
  const out: ReportCandidate[] = [];
  const reports = await store.db
    .selectFrom('resources as r')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .select(['r.id', 'r.document_id', 'r.json', 'd.filename'])
    .where('r.person_id', '=', personId)
    .where('r.resource_type', '=', 'DiagnosticReport')
    .execute();
  const documentsWithReports = new Set<string>();
  const parsed = reports.map((r) => ({ row: r, report: JSON.parse(r.json) as DiagnosticReport }));
  const texts = await resultTexts(store, parsed.flatMap((p) => (isRadiologyReport(p.report) ? p.report.result ?? [] : [])));
  for (const { row: r, report } of parsed) {
    // An HL7 v2 radiology result carries its words in OBX observations, not in the report.
    const words = (report.result ?? []).map((ref) => texts.get(ref.reference ?? '')).filter((x): x is string => !!x);
    const cand = reportFromResource(words.length && !report.conclusion ? { ...report, conclusion: words.join('\n') } : report, { id: r.id, documentId: r.document_id, filename: r.filename });
    if (!cand) continue;
    out.push(cand);
    documentsWithReports.add(r.document_id);
  }
  // Faxes and scans labelled as radiology reports (or holding one as a segment) carry no
  // DiagnosticReport: the document itself is the report, its pages the text.
  const docs = await store.db
    .selectFrom('documents')
    .select(['id', 'filename', 'label_json'])
    .where('person_id', '=', personId)
    .where((eb) => eb.or([eb(sql`lower(label_json)`, 'like', '%radiology_report%'), eb(sql`lower(label_json)`, 'like', '%imaging report%')]))
    .execute();
  for (const d of docs) {
    if (documentsWithReports.has(d.id)) continue;
    const label = JSON.parse(d.label_json) as Record<string, unknown>;
    const segments = Array.isArray(label.segments) ? (label.segments as Array<{ type?: unknown }>) : [];
    if (!isRadiologyLabel(label.type) && !segments.some((s) => isRadiologyLabel(s.type))) continue;
    const pages = await store.search.pages(d.id);
    out.push(reportFromDocument({ id: d.id, filename: d.filename, label }, pages.map((p) => p.text).join('\n').slice(0, 50_000)));
  }
  return out;
}

/** Text values of result Observations, by their reference (`Observation/<id>`). */
async function resultTexts(store: Store, refs: Reference[]): Promise<Map<string, string>> {
  const ids = [...new Set(refs.map((r) => /^Observation\/(.+)$/.exec(r.reference ?? '')?.[1]).filter((x): x is string => !!x))];
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db.selectFrom('resources').select(['id', 'json']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const row of rows) {
      const o = JSON.parse(row.json) as Observation;
      const text = o.valueString ?? o.valueCodeableConcept?.text ?? o.note?.map((n) => n.text).join('\n');
      if (text) out.set(`Observation/${row.id}`, text);
    }
  }
  return out;
}

export interface PersonImaging {
  studies: StudyDetail[];
  reports: ReportCandidate[];
  links: ReportLink[];
}

/** Every study of the person with its reports attached. */
export async function personImaging(store: Store, personId: string): Promise<PersonImaging> {
  const studies = groupStudies(await studyRows(store, personId));
  const reports = studies.length ? await reportCandidates(store, personId) : [];
  const links = linkReports(studies, reports);
  const byId = new Map(reports.map((r) => [r.id, r]));
  const byStudy = new Map(studies.map((s) => [s.studyUid, s]));
  for (const link of links) {
    const r = byId.get(link.reportId)!;
    const ref: ReportRef = { kind: r.kind, id: r.id, documentId: r.documentId, filename: r.filename, title: r.title, reason: link.reason };
    if (r.date) ref.date = r.date;
    if (r.excerpt) ref.excerpt = r.excerpt;
    byStudy.get(link.studyUid)?.reports.push(ref);
  }
  for (const s of studies) for (const se of s.series) withThumbnail(se);
  return { studies, reports, links };
}

function withThumbnail(series: SeriesView): void {
  const shown = series.instances.filter((i) => i.documentId && i.image);
  const middle = shown[Math.floor((shown.length - 1) / 2)];
  if (middle?.documentId) series.thumbnailUrl = frameUrl(middle.documentId, 0, { size: THUMBNAIL_SIZE });
}

/** The study list: studies with series summaries (no instance lists). */
export async function studyList(store: Store, personId: string): Promise<StudyListItem[]> {
  const { studies } = await personImaging(store, personId);
  return studies.map((s) => ({ ...s, series: s.series.map(({ instances: _instances, ...rest }) => rest) }));
}

export async function studyDetail(store: Store, personId: string, studyUid: string): Promise<StudyDetail | undefined> {
  const { studies } = await personImaging(store, personId);
  return studies.find((s) => s.studyUid === studyUid);
}

/**
 * The studies a document's page links to: those its reports belong to (the report's side of
 * the link), and the study a DICOM file or DICOMDIR is part of.
 */
export async function studiesOfDocument(store: Store, documentId: string): Promise<LinkedStudy[]> {
  const doc = await store.documents.get(documentId);
  if (!doc?.personId) return [];
  const personId = doc.personId;
  const { studies, links, reports } = await personImaging(store, personId);
  const fromDoc = new Set(reports.filter((r) => r.documentId === documentId).map((r) => r.id));
  const byStudy = new Map(studies.map((s) => [s.studyUid, s]));
  const item = (s: StudyDetail, reason: LinkedStudy['reason'], reportId?: string): LinkedStudy => {
    const out: LinkedStudy = { personId, studyUid: s.studyUid, modalities: s.modalities, reason };
    if (reportId) out.reportId = reportId;
    if (s.description) out.description = s.description;
    if (s.started) out.started = s.started;
    return out;
  };
  const out: LinkedStudy[] = [];
  for (const l of links) if (fromDoc.has(l.reportId)) out.push(item(byStudy.get(l.studyUid)!, l.reason, l.reportId));
  for (const s of studies) {
    const holds = s.directories.some((d) => d.documentId === documentId) || s.series.some((se) => se.instances.some((i) => i.documentId === documentId));
    if (holds && !out.some((o) => o.studyUid === s.studyUid)) out.push(item(s, 'contains'));
  }
  return out;
}
