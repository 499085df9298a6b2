/**
 * The document itself as a FHIR Composition: type, date, author, custodian, and one section per
 * CDA section with its narrative (escaped XHTML) and references to the resources it produced.
 * Omitted when the document has no usable date (Composition.date is required).
 */
import type { Composition, CompositionSection, Reference } from '@medplum/fhirtypes';
import type { Extraction } from '../../core/types.js';
import type { CdaNode } from './xml.js';
import { attr, kid } from './xml.js';
import type { MapContext } from './context.js';
import { compact, concept, identifier } from './datatypes.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function narrativeDiv(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim());
  return `<div xmlns="http://www.w3.org/1999/xhtml">${lines.map((l) => `<p>${escape(l)}</p>`).join('')}</div>`;
}

export interface SectionSummary {
  title: string;
  code?: CdaNode;
  text: string;
  refs: Reference[];
}

export function documentComposition(root: CdaNode, label: NonNullable<Extraction['label']>, sections: SectionSummary[], ctx: MapContext): (Composition & { id: string }) | undefined {
  if (!label.date) return undefined;
  const type = concept(kid(root, 'code'), ctx) ?? { text: label.type ?? 'Clinical document' };
  const conf = attr(kid(root, 'confidentialityCode'), 'code');
  const c = compact<Composition & { id: string }>({
    resourceType: 'Composition',
    id: 'composition',
    identifier: identifier(kid(root, 'id')),
    status: 'final',
    type,
    subject: ctx.patient,
    date: label.date,
    author: [{ display: label.author ?? label.facility ?? 'unknown author' }],
    title: label.title ?? label.type ?? 'Clinical document',
    confidentiality: conf && ['U', 'L', 'M', 'N', 'R', 'V'].includes(conf) ? (conf as Composition['confidentiality']) : undefined,
    custodian: label.facility ? { display: label.facility } : undefined,
    section: sections.map((s) =>
      compact<CompositionSection>({
        title: s.title,
        code: concept(s.code, ctx),
        text: s.text.trim() ? { status: 'generated', div: narrativeDiv(s.text) } : undefined,
        entry: s.refs,
        emptyReason: s.refs.length || s.text.trim() ? undefined : { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/list-empty-reason', code: 'unavailable' }] },
      }),
    ),
  });
  return c;
}
