/**
 * DICOM Structured Report → readable text (one line per content item, indented by depth) and
 * a DiagnosticReport carrying that text. Pure; a broken content tree yields what was readable.
 */
import type { DataSet } from 'dicom-parser';
import type { CodeableConcept, DiagnosticReport } from '@medplum/fhirtypes';
import type { InstanceInfo } from './instance.js';
import { accessionIdentifier, subjectReference, uidIdentifier } from './instance.js';
import type { DicomFile } from './parse.js';
import { rawString, seqItems, textString } from './parse.js';
import { parseCharsets } from './charset.js';
import { dicomDate, dicomDateTime, dicomDT, dicomTime, parsePersonName } from './values.js';

const MAX_DEPTH = 32;
const MAX_LINES = 10000;

function codeMeaning(ds: DataSet, seqTag: string, charsets: string[]): string | undefined {
  const item = seqItems(ds, seqTag)[0];
  return item ? textString(item, 'x00080104', charsets) ?? rawString(item, 'x00080100') : undefined;
}

function codeOf(ds: DataSet, seqTag: string, charsets: string[]): CodeableConcept | undefined {
  const item = seqItems(ds, seqTag)[0];
  if (!item) return undefined;
  const code = rawString(item, 'x00080100') ?? rawString(item, 'x00080119');
  const scheme = rawString(item, 'x00080102');
  const display = textString(item, 'x00080104', charsets);
  if (!code && !display) return undefined;
  const system = scheme === 'LN' ? 'http://loinc.org' : scheme === 'SCT' || scheme === 'SRT' ? 'http://snomed.info/sct' : scheme === 'DCM' ? 'http://dicom.nema.org/resources/ontology/DCM' : undefined;
  const coding = code ? [{ ...(system ? { system } : {}), code, ...(display ? { display } : {}) }] : undefined;
  return { ...(coding ? { coding } : {}), ...(display ? { text: display } : {}) };
}

/** The value of one content item as text. */
function itemValue(item: DataSet, charsets: string[]): string | undefined {
  const type = rawString(item, 'x0040a040');
  switch (type) {
    case 'TEXT':
      return textString(item, 'x0040a160', charsets);
    case 'CODE':
      return codeMeaning(item, 'x0040a168', charsets);
    case 'NUM': {
      const mv = seqItems(item, 'x0040a300')[0];
      if (!mv) return undefined;
      const value = rawString(mv, 'x0040a30a');
      const unit = codeMeaning(mv, 'x004008ea', charsets);
      return value ? `${value}${unit && unit !== 'no units' ? ' ' + unit : ''}` : undefined;
    }
    case 'PNAME':
      return parsePersonName(textString(item, 'x0040a123', charsets, true))?.text;
    case 'DATE':
      return dicomDate(rawString(item, 'x0040a121'));
    case 'TIME':
      return dicomTime(rawString(item, 'x0040a122'));
    case 'DATETIME':
      return rawString(item, 'x0040a120');
    case 'UIDREF':
      return rawString(item, 'x0040a124');
    case 'IMAGE':
    case 'COMPOSITE':
    case 'WAVEFORM': {
      const ref = seqItems(item, 'x00081199')[0];
      const uid = ref && rawString(ref, 'x00081155');
      return uid ? `[${type.toLowerCase()} ${uid}]` : undefined;
    }
    default:
      return undefined;
  }
}

/** Walks the content tree (root dataset first) and returns indented lines. */
export function srLines(file: DicomFile): string[] {
  const lines: string[] = [];
  const walk = (ds: DataSet, depth: number, inherited: string[]) => {
    if (depth > MAX_DEPTH || lines.length >= MAX_LINES) return;
    // An item may declare its own Specific Character Set.
    const own = rawString(ds, 'x00080005');
    const charsets = own ? parseCharsets(own) : inherited;
    const name = codeMeaning(ds, 'x0040a043', charsets);
    const type = rawString(ds, 'x0040a040');
    const value = itemValue(ds, charsets);
    const indent = '  '.repeat(Math.max(0, depth));
    if (type === 'CONTAINER') {
      if (name) lines.push(`${indent}${name}`);
    } else if (name || value) {
      lines.push(`${indent}${name ? name + ': ' : ''}${value ?? ''}`.trimEnd());
    }
    for (const child of seqItems(ds, 'x0040a730')) walk(child, depth + 1, charsets);
  };
  walk(file.ds, 0, file.charsets);
  return lines;
}

export function isStructuredReport(file: DicomFile, info: InstanceInfo): boolean {
  return info.modality === 'SR' || (info.sopClassUid ?? '').startsWith('1.2.840.10008.5.1.4.1.1.88.') || !!file.ds.elements.x0040a730;
}

/** The DiagnosticReport of an SR document; `text` is the rendered content tree. */
export function diagnosticReportOf(file: DicomFile, info: InstanceInfo, text: string): DiagnosticReport {
  const ds = file.ds;
  const verified = rawString(ds, 'x0040a493') === 'VERIFIED';
  const complete = rawString(ds, 'x0040a491') !== 'PARTIAL';
  const report: DiagnosticReport = {
    resourceType: 'DiagnosticReport',
    status: verified && complete ? 'final' : 'preliminary',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD', display: 'Radiology' }] }],
    code: codeOf(ds, 'x0040a043', file.charsets) ?? { text: info.seriesDescription ?? 'Imaging report' },
    subject: subjectReference(info.patient),
  };
  const identifiers = [info.sopInstanceUid ? uidIdentifier(info.sopInstanceUid) : undefined, info.accession ? accessionIdentifier(info.accession) : undefined].filter((x) => !!x);
  if (identifiers.length) report.identifier = identifiers;
  const effective =
    dicomDT(rawString(ds, 'x0040a032')) ??
    dicomDateTime(rawString(ds, 'x00080023'), rawString(ds, 'x00080033'), info.timezone) ??
    dicomDateTime(info.studyDate, info.studyTime, info.timezone);
  if (effective) report.effectiveDateTime = effective;
  if (info.studyUid) report.imagingStudy = [{ identifier: uidIdentifier(info.studyUid) }];
  if (text) {
    report.conclusion = text;
    report.presentedForm = [{ contentType: 'text/plain; charset=utf-8', data: Buffer.from(text, 'utf8').toString('base64'), title: info.seriesDescription ?? 'Structured report' }];
  }
  return report;
}
