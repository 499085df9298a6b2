/**
 * The DICOM source adapter. One file in → one Extraction:
 * - an image (or any composite object): an ImagingStudy carrying exactly this file's series and
 *   instance (location.path = SOP Instance UID); the record layer merges studies across files;
 * - a Structured Report: also its text (pages) and a DiagnosticReport;
 * - an Encapsulated PDF: the PDF as an embedded child for the document pipeline;
 * - a DICOMDIR (or chained directory file): ImagingStudies built from the directory records,
 *   patients as subjects, and the referenced files listed as issues.
 * Patient identity goes to `subjects`. Never throws: broken files give issues and what was read.
 */
import type { ImagingStudy, ImagingStudySeries } from '@medplum/fhirtypes';
import type { ExtractedResource, Extraction, ExtractionIssue, PersonHints, SourceAdapter, SourceInput } from '../../core/types.js';
import { canDecode, TRANSFER_SYNTAXES } from './decode.js';
import type { DicomdirTree } from './dicomdir.js';
import { isDirectory, readTreeFromFile } from './dicomdir.js';
import {
  accessionIdentifier,
  imagingStudyOf,
  modalityCoding,
  personHints,
  readInstance,
  subjectReference,
  uidIdentifier,
} from './instance.js';
import type { DicomFile } from './parse.js';
import { elementBytes, parseDicomBytes, rawString } from './parse.js';
import { diagnosticReportOf, isStructuredReport, srLines } from './sr.js';
import { dicomDate, dicomDateTime, parsePersonName } from './values.js';
import { pushAll } from '../../core/arrays.js';

export { decodeFrame, decodeFrameOf, DicomDecodeError, canDecode, TRANSFER_SYNTAXES } from './decode.js';
export type { DecodedFrame } from './decode.js';
export { renderPng } from './render.js';
export { readDicomdirTree } from './dicomdir.js';
export { checkDisc, scanFolder } from './disc.js';

const ENCAPSULATED_PDF = '1.2.840.10008.5.1.4.1.1.104.1';
const PATIENT = 'patient';

/** Extraction of one DICOM file's bytes (pure). */
export function extractDicom(bytes: Uint8Array): Extraction {
  const parsed = parseDicomBytes(bytes);
  const out: Extraction = { resources: [], issues: [...parsed.issues] };
  if (!parsed.file) return out;
  try {
    if (isDirectory(parsed.file)) extractDirectory(parsed.file, out);
    else extractInstance(parsed.file, out);
  } catch (e) {
    // Mapping bugs must not lose the document: report and keep what was produced.
    out.issues.push({ severity: 'error', code: 'mapping-error', message: `DICOM mapping failed: ${e instanceof Error ? e.message : String(e)}` });
  }
  const directoryPart = out.label?.type === 'imaging-directory';
  if (!out.resources.length && !out.children?.length && !directoryPart && !out.issues.some((i) => i.severity === 'error')) {
    out.issues.push({ severity: 'warning', code: 'nothing-indexed', message: 'No Study Instance UID or directory records: nothing to index' });
  }
  return out;
}

function extractInstance(file: DicomFile, out: Extraction) {
  const info = readInstance(file);
  const hints = personHints(info.patient);
  if (hints) out.subjects = { [PATIENT]: hints };
  const location = { path: info.sopInstanceUid ?? 'unknown-sop-instance' };
  const study = imagingStudyOf(info);
  if (study) out.resources.push({ resource: study, location, ...(hints ? { subject: PATIENT } : {}) });
  else out.issues.push({ severity: 'warning', code: 'no-study-uid', message: 'No Study Instance UID (0020,000D); the instance cannot be indexed in a study' });
  const label: NonNullable<Extraction['label']> = { type: 'imaging' };
  const date = dicomDate(info.studyDate);
  if (date) label.date = date;
  if (info.institution) label.facility = info.institution;
  const title = [info.modality, info.studyDescription ?? info.seriesDescription].filter(Boolean).join(' ');
  if (title) label.title = title;
  out.label = label;

  if (isStructuredReport(file, info)) {
    const lines = srLines(file);
    const text = lines.join('\n');
    if (text) out.pages = [{ page: 1, text, method: 'plain' }];
    out.resources.push({ resource: diagnosticReportOf(file, info, text), location, ...(hints ? { subject: PATIENT } : {}) });
    label.type = 'imaging-report';
  }
  const pdf = elementBytes(file.ds, 'x00420011');
  if (pdf || info.sopClassUid === ENCAPSULATED_PDF) {
    const mime = rawString(file.ds, 'x00420012') ?? 'application/pdf';
    if (pdf && /pdf/i.test(mime)) {
      // Encapsulated Document may be padded to even length with a NUL.
      let end = pdf.length;
      while (end > 0 && pdf[end - 1] === 0) end--;
      out.children = [{ name: `${info.sopInstanceUid ?? 'document'}.pdf`, bytes: pdf.slice(0, end), relation: 'embedded' }];
      label.type = 'imaging-document';
    } else {
      out.issues.push({ severity: 'warning', code: 'encapsulated-document', message: `Encapsulated document of type ${mime} not extracted`, location });
    }
  }
  if (info.hasPixelData) {
    const ts = file.transferSyntax;
    if (!canDecode(ts)) {
      const name = TRANSFER_SYNTAXES[ts]?.name ?? 'unknown transfer syntax';
      out.issues.push({ severity: 'warning', code: 'decode-unsupported', message: `Pixel data in ${name} (${ts}) cannot be displayed yet`, location });
    }
  }
}

function extractDirectory(file: DicomFile, out: Extraction) {
  const tree = readTreeFromFile(file);
  pushAll(out.issues, tree.issues);
  dicomdirToExtraction(tree, out);
  out.label = { type: 'imaging-directory', title: `DICOM directory: ${tree.studies.length} studies, ${tree.series.length} series, ${tree.instances.length} instances` };
  if (!tree.studies.length && tree.records) {
    // A chained directory file (Philips DIRFILE) read alone: its study is in the root DICOMDIR.
    out.issues.push({ severity: 'information', code: 'directory-part', message: `Directory file with ${tree.records} records and no study records: part of a chained DICOMDIR, read with its disc` });
  }
}

/** ImagingStudies, subjects and referenced-file issues from a directory tree. */
export function dicomdirToExtraction(tree: DicomdirTree, out: Extraction = { resources: [], issues: [] }): Extraction {
  const subjects: Record<string, PersonHints> = {};
  for (const p of tree.patients) {
    const hints = personHints({ name: p.name, id: p.id, birthDate: p.birthDate, sex: p.sex });
    if (hints) subjects[p.key] = hints;
  }
  if (Object.keys(subjects).length) out.subjects = subjects;
  const studies = new Map<string, ImagingStudy>();
  const studySubject = new Map<string, string>();
  const seriesByKey = new Map<string, ImagingStudySeries>();
  for (const s of tree.studies) {
    if (!s.studyUid) {
      out.issues.push({ severity: 'warning', code: 'no-study-uid', message: `Directory study record ${s.key} has no Study Instance UID` });
      continue;
    }
    const patient = tree.patients.find((p) => p.key === s.patientKey);
    const study: ImagingStudy = {
      resourceType: 'ImagingStudy',
      status: 'available',
      identifier: [uidIdentifier(s.studyUid)],
      subject: subjectReference({ name: patient?.name, id: patient?.id }),
    };
    if (s.accession) study.identifier!.push(accessionIdentifier(s.accession));
    const started = dicomDateTime(s.date);
    if (started) study.started = started;
    const referrer = parsePersonName(s.referrer)?.text;
    if (referrer) study.referrer = { display: referrer };
    if (s.description) study.description = s.description;
    studies.set(s.key, study);
    if (s.patientKey && subjects[s.patientKey]) studySubject.set(s.key, s.patientKey);
  }
  for (const se of tree.series) {
    const study = se.studyKey ? studies.get(se.studyKey) : undefined;
    if (!study || !se.seriesUid) continue;
    const series: ImagingStudySeries = { uid: se.seriesUid, modality: modalityCoding(se.modality ?? 'OT') };
    if (se.number !== undefined && Number.isInteger(se.number) && se.number >= 0) series.number = se.number;
    if (se.description) series.description = se.description;
    if (se.bodyPart) series.bodySite = { display: se.bodyPart };
    (study.series ??= []).push(series);
    seriesByKey.set(se.key, series);
  }
  for (const inst of tree.instances) {
    const path = inst.referencedFileId.join('/');
    if (!inst.unsafe) out.issues.push({ severity: 'information', code: 'referenced-file', message: `References ${path}`, location: { path } });
    const series = inst.seriesKey ? seriesByKey.get(inst.seriesKey) : undefined;
    if (!series || !inst.sopInstanceUid) continue;
    const entry: NonNullable<ImagingStudySeries['instance']>[number] = {
      uid: inst.sopInstanceUid,
      sopClass: { system: 'urn:ietf:rfc:3986', code: `urn:oid:${inst.sopClassUid ?? '1.2.840.10008.5.1.4.1.1.7'}` },
    };
    if (inst.instanceNumber !== undefined && Number.isInteger(inst.instanceNumber) && inst.instanceNumber >= 0) entry.number = inst.instanceNumber;
    (series.instance ??= []).push(entry);
  }
  for (const next of tree.nextDirectoryFiles) {
    const path = next.referencedFileId.join('/');
    if (!next.unsafe) out.issues.push({ severity: 'information', code: 'directory-file', message: `Continues in directory file ${path}`, location: { path } });
  }
  for (const [key, study] of studies) {
    const series = study.series ?? [];
    for (const s of series) if (s.instance?.length) s.numberOfInstances = s.instance.length;
    const modalities = [...new Set(series.map((s) => s.modality.code).filter((c): c is string => !!c))];
    if (modalities.length) study.modality = modalities.map(modalityCoding);
    if (series.length) {
      study.numberOfSeries = series.length;
      study.numberOfInstances = series.reduce((n, s) => n + (s.instance?.length ?? 0), 0);
    } else delete study.series;
    const resource: ExtractedResource = { resource: study, location: { path: `DICOMDIR#${key}` } };
    const subject = studySubject.get(key);
    if (subject) resource.subject = subject;
    out.resources.push(resource);
  }
  return out;
}

export const dicomAdapter: SourceAdapter = {
  name: 'dicom',
  formats: ['dicom', 'dicomdir'],
  async extract(input: SourceInput): Promise<Extraction> {
    let bytes: Buffer;
    try {
      bytes = await input.bytes();
    } catch (e) {
      const issue: ExtractionIssue = { severity: 'error', code: 'unreadable', message: `Cannot read ${input.filename}: ${e instanceof Error ? e.message : String(e)}` };
      return { resources: [], issues: [issue] };
    }
    return extractDicom(bytes);
  },
};
