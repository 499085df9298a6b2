/**
 * Groups a person's stored ImagingStudy resources into one study per Study Instance UID.
 * The DICOM adapter stores one ImagingStudy per file (exactly that file's series and
 * instance) and one per DICOMDIR study record (everything the directory lists); here they
 * become studies → series → instances. Pure: rows in, read model out.
 */
import type { ImagingStudy, ImagingStudySeries } from '@medplum/fhirtypes';
import type { ImagingSource, InstanceView, SeriesView, StudyDetail } from './model.js';

const UID_SYSTEM = 'urn:dicom:uid';

export interface StudyRow {
  resourceId: string;
  documentId: string;
  filename: string;
  /** The document's format: `dicom` for an instance file, `dicomdir` for a directory. */
  format: string;
  resource: ImagingStudy;
}

export function studyUidOf(s: { identifier?: ImagingStudy['identifier'] }): string | undefined {
  const id = s.identifier?.find((i) => i.system === UID_SYSTEM && i.value)?.value;
  return id?.replace(/^urn:oid:/, '');
}

export function accessionOf(s: ImagingStudy): string | undefined {
  return s.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'ACSN'))?.value?.trim() || undefined;
}

/** The value most rows agree on (first seen wins a tie); files and directories can disagree. */
function commonest(values: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

interface SeriesAcc {
  uid: string;
  parts: ImagingStudySeries[];
  instances: Map<string, InstanceView>;
}

interface StudyAcc {
  uid: string;
  rows: StudyRow[];
  series: Map<string, SeriesAcc>;
  directories: Map<string, ImagingSource>;
  files: Set<string>;
}

/** SOP classes without pixels to show: SR, encapsulated documents, presentation states, raw data, RT plans… */
const NON_IMAGE_SOP = /^1\.2\.840\.10008\.5\.1\.4\.1\.1\.(88|104|11|66|9|481\.[2-9])\./;

export const isImageSopClass = (uid?: string) => !uid || !NON_IMAGE_SOP.test(`${uid}.`);

const compareInstances = (a: InstanceView, b: InstanceView) => (a.number ?? Infinity) - (b.number ?? Infinity) || (a.sopInstanceUid < b.sopInstanceUid ? -1 : a.sopInstanceUid > b.sopInstanceUid ? 1 : 0);

/** Studies newest first, each with its series (by series number) and instances (by instance number). */
export function groupStudies(rows: StudyRow[]): StudyDetail[] {
  const studies = new Map<string, StudyAcc>();
  for (const row of rows) {
    const uid = studyUidOf(row.resource);
    if (!uid) continue;
    let acc = studies.get(uid);
    if (!acc) studies.set(uid, (acc = { uid, rows: [], series: new Map(), directories: new Map(), files: new Set() }));
    acc.rows.push(row);
    const isFile = row.format !== 'dicomdir';
    if (isFile) acc.files.add(row.documentId);
    else acc.directories.set(row.documentId, { documentId: row.documentId, filename: row.filename });
    for (const se of row.resource.series ?? []) {
      let sacc = acc.series.get(se.uid);
      if (!sacc) acc.series.set(se.uid, (sacc = { uid: se.uid, parts: [], instances: new Map() }));
      sacc.parts.push(se);
      for (const inst of se.instance ?? []) {
        const prev = sacc.instances.get(inst.uid);
        const view: InstanceView = prev ?? { sopInstanceUid: inst.uid, image: true };
        if (view.number === undefined && inst.number !== undefined) view.number = inst.number;
        const sopClass = inst.sopClass?.code?.replace(/^urn:oid:/, '');
        if (!view.sopClassUid && sopClass) view.sopClassUid = sopClass;
        // The first file wins; a second copy (same SOP UID, other bytes) is not shown twice.
        if (isFile && !view.documentId) {
          view.documentId = row.documentId;
          view.filename = row.filename;
        }
        view.image = isImageSopClass(view.sopClassUid);
        sacc.instances.set(inst.uid, view);
      }
    }
  }
  const out = [...studies.values()].map(toDetail);
  return out.sort((a, b) => (b.started ?? '').localeCompare(a.started ?? '') || a.studyUid.localeCompare(b.studyUid));
}

function toDetail(acc: StudyAcc): StudyDetail {
  const res = acc.rows.map((r) => r.resource);
  const series: SeriesView[] = [...acc.series.values()].map((s) => {
    const instances = [...s.instances.values()].sort(compareInstances);
    const declared = Math.max(0, ...s.parts.filter((p) => p.instance === undefined || p.numberOfInstances !== undefined).map((p) => p.numberOfInstances ?? 0));
    const view: SeriesView = {
      uid: s.uid,
      numberOfInstances: Math.max(instances.length, declared),
      numberOfImages: instances.filter((i) => i.documentId && i.image).length,
      instances,
    };
    const number = s.parts.find((p) => p.number !== undefined)?.number;
    if (number !== undefined) view.number = number;
    const modality = commonest(s.parts.map((p) => p.modality?.code));
    if (modality) view.modality = modality;
    const description = commonest(s.parts.map((p) => p.description));
    if (description) view.description = description;
    const bodySite = commonest(s.parts.map((p) => p.bodySite?.display ?? p.bodySite?.code));
    if (bodySite) view.bodySite = bodySite;
    const laterality = commonest(s.parts.map((p) => p.laterality?.display));
    if (laterality) view.laterality = laterality;
    const started = s.parts.map((p) => p.started).filter((x): x is string => !!x).sort()[0];
    if (started) view.started = started;
    return view;
  });
  series.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || (a.uid < b.uid ? -1 : 1));
  const detail: StudyDetail = {
    studyUid: acc.uid,
    modalities: [...new Set([...series.map((s) => s.modality), ...res.flatMap((r) => r.modality?.map((m) => m.code) ?? [])].filter((m): m is string => !!m))].sort(),
    bodySites: [...new Set(series.map((s) => s.bodySite).filter((b): b is string => !!b))],
    numberOfSeries: Math.max(series.length, ...res.map((r) => (r.series ? 0 : r.numberOfSeries ?? 0))),
    numberOfInstances: series.reduce((n, s) => n + s.numberOfInstances, 0),
    numberOfImages: series.reduce((n, s) => n + s.numberOfImages, 0),
    directories: [...acc.directories.values()],
    fileCount: acc.files.size,
    reports: [],
    series,
  };
  const accession = commonest(res.map(accessionOf));
  if (accession) detail.accession = accession;
  const description = commonest(res.map((r) => r.description));
  if (description) detail.description = description;
  // Full date-times are more precise than a DICOMDIR's date alone: prefer the longest.
  const started = res.map((r) => r.started).filter((x): x is string => !!x).sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
  if (started) detail.started = started;
  const referrer = commonest(res.map((r) => r.referrer?.display));
  if (referrer) detail.referrer = referrer;
  return detail;
}
