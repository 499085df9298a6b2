/**
 * Documents carried in HL7 v2: MDM (TXA + OBX bodies) and ED observations in results. Text
 * bodies (TX/FT/ST OBX) become a page of plain text; base64 ED data (PDF, images, RTF) becomes
 * a child file for the vault; a DocumentReference records the document with its origin.
 */
import type { DocumentReference } from '@medplum/fhirtypes';
import type { MessageContext } from './context.js';
import { prune } from './context.js';
import { codeable, hl7DateTime, practitionerRef, type Ref } from './datatypes.js';
import { detectFormat } from '../../detect/detect.js';
import { embeddedData } from './obx.js';
import type { Seg } from './parse.js';

const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'application/rtf': 'rtf', 'text/html': 'html', 'application/xml': 'xml', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/tiff': 'tif', 'image/gif': 'gif', 'text/plain': 'txt', 'application/msword': 'doc' };

const SNIFFED_EXT: Record<string, string> = { pdf: 'pdf', tiff: 'tif', jpeg: 'jpg', png: 'png', 'cda-xml': 'xml', xml: 'xml', text: 'txt', dicom: 'dcm', zip: 'zip' };

/** Turns one ED OBX into a child file (when it holds data) and returns the attachment title. */
export function edChild(ctx: MessageContext, obx: Seg): { contentType: string; title?: string; text?: string } {
  const ed = embeddedData(obx);
  if (!ed) return { contentType: 'application/octet-stream' };
  if (ed.bytes) {
    // The extension follows the bytes when they are recognisable (senders mislabel), else the declared type.
    const sniffed = SNIFFED_EXT[detectFormat(ed.bytes.subarray(0, 65536), ed.bytes.length)];
    const name = `${ctx.prefix}-obx${obx.raw.occurrence}.${sniffed ?? EXT[ed.contentType] ?? 'bin'}`;
    ctx.children.push({ name, bytes: ed.bytes, relation: 'embedded' });
    return { contentType: ed.contentType, title: name };
  }
  if (ed.text) return { contentType: ed.contentType, text: ed.text };
  ctx.issue('warning', 'empty-document', `OBX-5 embedded data (${ed.contentType}) has no readable content`, obx);
  return { contentType: ed.contentType };
}

/** OBX value types that carry document text (HD, CE, NM … are metadata, not body). */
const BODY_TYPES = new Set(['TX', 'FT', 'ST', '']);

/** Text of the body OBX segments (TX, FT, ST and text ED), one line per OBX. */
function bodyText(ctx: MessageContext, obxs: Seg[]): { text: string; attachments: Array<{ contentType: string; title?: string }> } {
  const lines: string[] = [];
  const attachments: Array<{ contentType: string; title?: string }> = [];
  for (const obx of obxs) {
    const type = obx.get(2).toUpperCase();
    if (type === 'ED') {
      const got = edChild(ctx, obx);
      if (got.text) lines.push(got.text);
      else attachments.push(got);
    } else if (type === 'RP') {
      attachments.push({ contentType: 'text/uri-list', title: obx.get(5) });
    } else if (BODY_TYPES.has(type)) {
      const t = obx.text(5);
      if (t || obx.rawField(5) === '') lines.push(t);
    }
  }
  return { text: lines.join('\n').replace(/\n{3,}/g, '\n\n').trim(), attachments };
}

const TXA_STATUS: Record<string, DocumentReference['docStatus']> = { AU: 'final', LA: 'final', DO: 'preliminary', IP: 'preliminary', IN: 'preliminary', PA: 'preliminary', DI: 'preliminary', CA: 'entered-in-error' };

/** MDM: TXA + OBX → DocumentReference, a page of text and child files. */
export function mapDocument(ctx: MessageContext): void {
  const txa = ctx.first('TXA');
  const obxs = ctx.all('OBX');
  const anchor = txa ?? obxs[0] ?? ctx.segs[0];
  const { text, attachments } = bodyText(ctx, obxs);
  const page = text ? ctx.nextPage++ : undefined;
  if (page !== undefined) ctx.pages.push({ page, text, method: 'plain' });
  if (!text && !attachments.length) {
    // T01, T03, T05, T07, T09, T11 are notifications: the content travels separately.
    const notification = /^T(0[13579]|11)$/.test(ctx.msg.trigger);
    ctx.issue(notification ? 'information' : 'warning', 'empty-document', notification ? `MDM^${ctx.msg.trigger} is a notification: it carries no document body` : 'the document has no body (no text OBX and no embedded data)', anchor);
  }
  const date = txa ? hl7DateTime(txa.get(4)) ?? hl7DateTime(txa.get(6)) ?? hl7DateTime(txa.get(7)) : undefined;
  const authors: Ref[] = txa ? [...txa.reps(9), ...txa.reps(10), ...txa.reps(22)].map(practitionerRef).filter((x) => x !== undefined) : [];
  const type = txa ? codeable(txa.rep(2)) : codeable(obxs[0]?.rep(3));
  const uid = txa?.get(12);
  const status = txa ? TXA_STATUS[txa.get(17).toUpperCase()] : undefined;
  const doc = prune<DocumentReference>({
    resourceType: 'DocumentReference',
    id: ctx.id(anchor),
    status: txa?.get(17).toUpperCase() === 'CA' ? 'entered-in-error' : 'current',
    docStatus: status,
    type: type ?? { text: 'Document' },
    subject: ctx.patientRef,
    date: date && date.includes('T') ? date : undefined,
    author: authors,
    masterIdentifier: uid ? { value: uid } : undefined,
    identifier: txa?.get(13) ? [{ value: txa.get(13) }] : [],
    description: txa?.get(23) || undefined,
    content: [
      ...(text ? [{ attachment: { contentType: 'text/plain', title: `page ${page}` } }] : []),
      ...attachments.map((a) => ({ attachment: { contentType: a.contentType, title: a.title } })),
    ],
    context: { encounter: ctx.encounterRef ? [ctx.encounterRef] : [], period: date ? { start: date } : undefined },
  });
  if (!doc.content?.length) doc.content = [{ attachment: { contentType: 'text/plain', title: 'empty document' } }];
  ctx.add(doc, anchor);
}
