/**
 * Notes and instructions: Note Activity → DocumentReference (text/plain attachment);
 * Instruction → Communication with the instruction text.
 */
import type { Communication, DocumentReference } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { kid } from '../xml.js';
import type { MapContext, Mapped } from '../context.js';
import { authorName, authorTime, compact, concept, identifiers, startOf, textValue } from '../datatypes.js';
import { stmtText, tmpl } from './common.js';

export function mapInstruction(stmt: CdaNode, ctx: MapContext): Mapped | undefined {
  const code = concept(kid(stmt, 'code'), ctx);
  const text = stmtText(stmt, ctx) ?? code?.text;
  if (!text && !code) return undefined;
  const res = compact<Communication>({
    resourceType: 'Communication',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    status: 'completed',
    category: [{ text: 'Instruction' }],
    subject: ctx.patient,
    topic: code,
    sent: startOf(stmt) ?? authorTime(stmt),
    payload: text ? [{ contentString: text }] : undefined,
  });
  return res as Mapped;
}

export function mapNote(stmt: CdaNode, ctx: MapContext): Mapped | undefined {
  const text = textValue(kid(stmt, 'text'), ctx);
  const code = concept(kid(stmt, 'code'), ctx);
  if (!text && !code) return undefined;
  const date = authorTime(stmt) ?? startOf(stmt);
  const res = compact<DocumentReference>({
    resourceType: 'DocumentReference',
    id: ctx.newId(),
    identifier: identifiers(stmt),
    status: 'current',
    type: code ?? { text: 'Note' },
    category: [{ coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', code: 'clinical-note', display: 'Clinical Note' }] }],
    subject: ctx.patient,
    date: date && date.length > 10 ? date : undefined,
    author: authorName(stmt) ? [{ display: authorName(stmt) }] : undefined,
    description: text ? text.slice(0, 200) : undefined,
    content: [{ attachment: compact({ contentType: 'text/plain', data: text ? Buffer.from(text, 'utf8').toString('base64') : undefined, title: code?.text }) }],
  });
  return res as Mapped;
}

export function mapNoteEntry(stmt: CdaNode, ctx: MapContext): Mapped[] {
  if (tmpl(stmt, /22\.4\.20$/)) return [mapInstruction(stmt, ctx)].filter((x): x is Mapped => !!x);
  if (stmt.name === 'act') return [mapNote(stmt, ctx)].filter((x): x is Mapped => !!x);
  return [];
}
