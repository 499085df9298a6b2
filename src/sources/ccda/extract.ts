/**
 * C-CDA / CDA document → Extraction. Parse (safe raw layer), read the header, then map every
 * section's entries with its section mapper. Never throws: a section or entry that fails
 * yields a warning and the rest of the document still maps.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { ExtractedPage, ExtractedResource, Extraction, ExtractionIssue, ChildFile } from '../../core/types.js';
import { at, attr, kid, kids, parseCdaXml, decodeBytes, textOf, type CdaNode } from './xml.js';
import { collectIds, narrativeText } from './narrative.js';
import { listEntries, listSections } from './entries.js';
import { mapEntry } from './sections/index.js';
import type { MapContext, Mapped } from './context.js';
import { documentLabel, patientOf } from './header.js';
import { entryIdOf } from './datatypes.js';
import { documentComposition, type SectionSummary } from './composition.js';

const MEDIA_EXT: Record<string, string> = {
  'application/pdf': 'pdf', 'text/rtf': 'rtf', 'application/rtf': 'rtf', 'text/plain': 'txt', 'text/html': 'html', 'image/jpeg': 'jpg',
  'image/jpg': 'jpg', 'image/png': 'png', 'image/tiff': 'tif', 'image/gif': 'gif', 'application/msword': 'doc', 'text/xml': 'xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** Canonical form of an entry's resources without ids, for de-duplication within a document. */
function canonical(list: Mapped[]): string {
  let json = JSON.stringify(list.map((r) => ({ ...r, id: undefined, identifier: undefined })));
  list.forEach((r, i) => {
    json = json.split(`"${r.resourceType}/${r.id}"`).join(`"#${i}"`);
  });
  return json;
}

function nonXmlBody(root: CdaNode, filename: string, issues: ExtractionIssue[], pages: ExtractedPage[]): ChildFile[] {
  const body = at(root, 'component', 'nonXMLBody');
  if (!body) return [];
  const text = kid(body, 'text');
  const media = (attr(text, 'mediaType') ?? 'text/plain').toLowerCase();
  const rep = (attr(text, 'representation') ?? 'TXT').toUpperCase();
  const ref = attr(kid(text, 'reference'), 'value');
  const base = filename.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'document';
  const content = (text?.children ?? []).filter((c) => c.name === '#text').map((c) => c.text).join('');
  if (ref && !content.trim()) {
    issues.push({ severity: 'warning', code: 'external-reference', message: `unstructured body points to an external file (${ref}) that is not part of this document`, location: { xpath: '/ClinicalDocument/component/nonXMLBody/text' } });
    return [];
  }
  let bytes: Uint8Array;
  if (rep === 'B64') {
    const clean = content.replace(/[^A-Za-z0-9+/=_-]/g, '');
    bytes = Buffer.from(clean, 'base64');
  } else {
    bytes = Buffer.from(content, 'utf8');
    if (media.startsWith('text/plain') && content.trim()) pages.push({ page: 1, text: content.replace(/\s+\n/g, '\n').trim(), method: 'narrative' });
  }
  if (!bytes.length) {
    issues.push({ severity: 'warning', code: 'empty-body', message: 'unstructured document body is empty' });
    return [];
  }
  const ext = MEDIA_EXT[media.split(';')[0].trim()] ?? 'bin';
  return [{ name: `${base}-embedded.${ext}`, bytes, relation: 'embedded' }];
}

/** Extracts a C-CDA document from its bytes. Pure; never throws for bad input. */
export function extractCda(bytes: Uint8Array, filename = 'document.xml'): Extraction {
  const issues: ExtractionIssue[] = [];
  const parsed = parseCdaXml(decodeBytes(bytes));
  if (!parsed.ok) return { resources: [], issues: [{ severity: 'error', code: parsed.code, message: parsed.message }] };
  const root = parsed.root;
  if (parsed.lenient) issues.push({ severity: 'warning', code: 'xml-not-well-formed', message: `the document is not well-formed XML (${parsed.lenient}); it was read leniently` });
  const ids = collectIds(root);
  let counter = 0;
  let current: { xpath?: string; entryId?: string } = {};
  const ctx: MapContext = {
    ids,
    patient: { reference: 'Patient/patient' },
    newId: () => `c${++counter}`,
    warn: (code, message) => issues.push({ severity: 'warning', code, message, location: { ...current } }),
  };

  const resources: ExtractedResource[] = [];
  const pages: ExtractedPage[] = [];
  const { patient, hints } = patientOf(root, ctx);
  if (patient) resources.push({ resource: patient, location: { xpath: '/ClinicalDocument/recordTarget/patientRole' } });
  else issues.push({ severity: 'warning', code: 'person-missing', message: 'document has no recordTarget patient' });

  const seen = new Map<string, string>();
  const sections = listSections(root);
  const summaries: SectionSummary[] = [];
  for (const section of sections) {
    const summary: SectionSummary = { title: section.title, code: kid(section.node, 'code'), text: '', refs: [] };
    summaries.push(summary);
    try {
      const narrative = narrativeText(kid(section.node, 'text'));
      summary.text = narrative;
      pages.push({ page: section.index, text: narrative ? `${section.title}\n${narrative}` : section.title, method: 'narrative' });
    } catch (err) {
      issues.push({ severity: 'warning', code: 'narrative-error', message: `narrative of "${section.title}" unreadable: ${String(err)}`, location: { xpath: section.xpath } });
    }
    for (const e of listEntries(section, ids)) {
      if (!e.statement || e.placeholder) continue;
      const entryId = entryIdOf(e.statement);
      current = { xpath: e.xpath, ...(entryId ? { entryId } : {}) };
      let mapped: Mapped[] = [];
      try {
        mapped = mapEntry(section.kind, e.statement, ctx);
      } catch (err) {
        issues.push({ severity: 'warning', code: 'entry-error', message: `entry could not be mapped (${section.title}): ${err instanceof Error ? err.message : String(err)}`, location: { ...current } });
        continue;
      }
      if (!mapped.length) {
        issues.push({ severity: 'warning', code: 'entry-unmapped', message: `entry in "${section.title}" produced no resource (its text stays in the section narrative)`, location: { ...current } });
        continue;
      }
      const key = `${section.kind}|${canonical(mapped)}`;
      const first = seen.get(key);
      if (first) {
        issues.push({ severity: 'information', code: 'duplicate-entry', message: `duplicate of ${first}: not repeated`, location: { ...current } });
        continue;
      }
      seen.set(key, e.xpath);
      for (const r of mapped) resources.push({ resource: r as Resource, location: { ...current } });
      summary.refs.push(...mapped.map((r) => ({ reference: `${r.resourceType}/${r.id}` })));
    }
  }
  const children = nonXmlBody(root, filename, issues, pages);
  if (!sections.length && !children.length && !at(root, 'component', 'nonXMLBody')) {
    issues.push({ severity: 'warning', code: 'no-body', message: 'document has no structured or unstructured body' });
  }
  const label = documentLabel(root);
  try {
    const composition = sections.length ? documentComposition(root, label, summaries, ctx) : undefined;
    if (composition) resources.push({ resource: composition, location: { xpath: '/ClinicalDocument' } });
  } catch (err) {
    issues.push({ severity: 'warning', code: 'composition-error', message: `document summary not built: ${String(err)}` });
  }
  const out: Extraction = { resources, issues, label };
  if (pages.length) out.pages = pages;
  if (hints) out.subjects = { main: hints };
  if (children.length) out.children = children;
  void kids;
  void textOf;
  return out;
}
