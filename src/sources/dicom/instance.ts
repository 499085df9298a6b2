/**
 * The typed summary of one DICOM instance (patient, study, series, instance and image
 * attributes) read from a parsed dataset, and its mapping to a FHIR ImagingStudy that carries
 * exactly this instance. Pure.
 */
import type { DataSet } from 'dicom-parser';
import type { Coding, Extension, Identifier, ImagingStudy, ImagingStudySeries, ImagingStudySeriesInstance } from '@medplum/fhirtypes';
import type { PersonHints } from '../../core/types.js';
import type { DicomFile } from './parse.js';
import { intValue, numberString, rawFirst, rawString, textString } from './parse.js';
import { dicomDate, dicomDateTime, dicomGender, dicomTime, parsePersonName } from './values.js';

export const DCM_SYSTEM = 'http://dicom.nema.org/resources/ontology/DCM';
export const UID_SYSTEM = 'urn:dicom:uid';
export const LOCAL_TIME_URL = 'urn:vessel:dicom:local-time';

export interface PatientInfo {
  name?: string;
  id?: string;
  issuer?: string;
  birthDate?: string;
  sex?: string;
}

export interface InstanceInfo {
  patient: PatientInfo;
  studyUid?: string;
  studyDate?: string;
  studyTime?: string;
  timezone?: string;
  studyDescription?: string;
  studyId?: string;
  accession?: string;
  referrer?: string;
  institution?: string;
  seriesUid?: string;
  seriesNumber?: number;
  seriesDescription?: string;
  seriesDate?: string;
  seriesTime?: string;
  modality?: string;
  bodyPart?: string;
  laterality?: string;
  sopClassUid?: string;
  sopInstanceUid?: string;
  instanceNumber?: number;
  rows?: number;
  columns?: number;
  frames?: number;
  hasPixelData: boolean;
}

/** Reads the index attributes of one instance; missing values stay undefined. */
export function readInstance(file: DicomFile): InstanceInfo {
  const { ds, charsets, meta } = file;
  const text = (t: string, pn = false) => textString(ds, t, charsets, pn);
  const metaUid = (t: string) => (meta ? rawString(meta, t) : undefined);
  return {
    patient: {
      name: text('x00100010', true),
      id: text('x00100020'),
      issuer: text('x00100021'),
      birthDate: rawString(ds, 'x00100030'),
      sex: rawString(ds, 'x00100040'),
    },
    studyUid: rawString(ds, 'x0020000d'),
    studyDate: rawString(ds, 'x00080020'),
    studyTime: rawString(ds, 'x00080030'),
    timezone: rawString(ds, 'x00080201'),
    studyDescription: text('x00081030'),
    studyId: text('x00200010'),
    accession: text('x00080050'),
    referrer: text('x00080090', true),
    institution: text('x00080080'),
    seriesUid: rawString(ds, 'x0020000e'),
    seriesNumber: numberString(ds, 'x00200011'),
    seriesDescription: text('x0008103e'),
    seriesDate: rawString(ds, 'x00080021'),
    seriesTime: rawString(ds, 'x00080031'),
    modality: rawFirst(ds, 'x00080060'),
    bodyPart: text('x00180015'),
    laterality: rawString(ds, 'x00200060') ?? rawString(ds, 'x00200062'),
    sopClassUid: rawString(ds, 'x00080016') ?? metaUid('x00020002'),
    sopInstanceUid: rawString(ds, 'x00080018') ?? metaUid('x00020003'),
    instanceNumber: numberString(ds, 'x00200013'),
    rows: intValue(ds, 'x00280010'),
    columns: intValue(ds, 'x00280011'),
    frames: numberString(ds, 'x00280008'),
    hasPixelData: !!(ds.elements.x7fe00010 || ds.elements.x7fe00008 || ds.elements.x7fe00009),
  };
}

/** Patient facts for Extraction.subjects. */
export function personHints(p: PatientInfo): PersonHints | undefined {
  const hints: PersonHints = {};
  const name = parsePersonName(p.name);
  if (name) {
    hints.name = name.text;
    if (name.family) hints.family = name.family;
    if (name.given) hints.given = name.given;
  }
  const birthDate = dicomDate(p.birthDate);
  if (birthDate) hints.birthDate = birthDate;
  const gender = dicomGender(p.sex);
  if (gender) hints.gender = gender;
  if (p.id) hints.identifiers = [p.issuer ? { system: `urn:dicom:issuer:${p.issuer}`, value: p.id } : { value: p.id }];
  return Object.keys(hints).length ? hints : undefined;
}

export const uidIdentifier = (uid: string): Identifier => ({ system: UID_SYSTEM, value: `urn:oid:${uid}` });

export function accessionIdentifier(value: string): Identifier {
  return { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'ACSN' }] }, value };
}

export const modalityCoding = (code: string): Coding => ({ system: DCM_SYSTEM, code });

const LATERALITY: Record<string, Coding> = {
  R: { system: 'http://snomed.info/sct', code: '24028007', display: 'Right' },
  L: { system: 'http://snomed.info/sct', code: '7771000', display: 'Left' },
  B: { system: 'http://snomed.info/sct', code: '51440002', display: 'Bilateral' },
};

/** The subject reference: the patient as the file names it (the record layer resolves it). */
export function subjectReference(p: PatientInfo): ImagingStudy['subject'] {
  const name = parsePersonName(p.name)?.text;
  const ref: ImagingStudy['subject'] = {};
  if (p.id) ref.identifier = { value: p.id };
  ref.display = name ?? (p.id ? `Patient ${p.id}` : 'Unknown patient');
  return ref;
}

/** Series part of the ImagingStudy for one instance. */
export function seriesOf(info: InstanceInfo, instances: ImagingStudySeriesInstance[]): ImagingStudySeries | undefined {
  if (!info.seriesUid) return undefined;
  const series: ImagingStudySeries = { uid: info.seriesUid, modality: modalityCoding(info.modality ?? 'OT') };
  if (info.seriesNumber !== undefined && Number.isInteger(info.seriesNumber) && info.seriesNumber >= 0) series.number = info.seriesNumber;
  if (info.seriesDescription) series.description = info.seriesDescription;
  if (instances.length) series.numberOfInstances = instances.length;
  if (info.bodyPart) series.bodySite = { display: info.bodyPart };
  const lat = info.laterality && LATERALITY[info.laterality.toUpperCase()];
  if (lat) series.laterality = lat;
  const started = dicomDateTime(info.seriesDate, info.seriesTime, info.timezone);
  if (started) series.started = started;
  if (instances.length) series.instance = instances;
  return series;
}

export function instanceOf(info: InstanceInfo): ImagingStudySeriesInstance | undefined {
  if (!info.sopInstanceUid) return undefined;
  const inst: ImagingStudySeriesInstance = {
    uid: info.sopInstanceUid,
    sopClass: { system: 'urn:ietf:rfc:3986', code: `urn:oid:${info.sopClassUid ?? '1.2.840.10008.5.1.4.1.1.7'}` },
  };
  if (info.instanceNumber !== undefined && Number.isInteger(info.instanceNumber) && info.instanceNumber >= 0) inst.number = info.instanceNumber;
  return inst;
}

/** The ImagingStudy of one file: its study, with exactly this file's series and instance. */
export function imagingStudyOf(info: InstanceInfo): ImagingStudy | undefined {
  if (!info.studyUid) return undefined;
  const study: ImagingStudy = {
    resourceType: 'ImagingStudy',
    status: 'available',
    identifier: [uidIdentifier(info.studyUid)],
    subject: subjectReference(info.patient),
  };
  if (info.accession) study.identifier!.push(accessionIdentifier(info.accession));
  if (info.modality) study.modality = [modalityCoding(info.modality)];
  const started = dicomDateTime(info.studyDate, info.studyTime, info.timezone);
  if (started) study.started = started;
  const localTime = dicomTime(info.studyTime);
  if (started && started.length === 10 && localTime) {
    const ext: Extension = { url: LOCAL_TIME_URL, valueTime: localTime };
    study.extension = [ext];
  }
  const referrer = parsePersonName(info.referrer)?.text;
  if (referrer) study.referrer = { display: referrer };
  if (info.studyDescription) study.description = info.studyDescription;
  const inst = instanceOf(info);
  const series = seriesOf(info, inst ? [inst] : []);
  if (series) {
    study.series = [series];
    study.numberOfSeries = 1;
    study.numberOfInstances = inst ? 1 : 0;
  }
  return study;
}
