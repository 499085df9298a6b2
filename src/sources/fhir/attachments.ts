/**
 * Inline attachment data (base64) → child files for the vault. The emitted resource keeps the
 * attachment's metadata but not its bytes: an extension (or, for Binary, a meta tag) names the
 * child file that holds them. A child is a document of its own, read by its own reader (a text
 * note's words are searchable there, once), so the FHIR file does not repeat its text.
 */
import { createHash } from 'node:crypto';
import type { ChildFile } from '../../core/types.js';
import { documentTypeName } from '../../core/document-types.js';

/** Names the vault child that holds an attachment's bytes (Attachment extension url / Binary meta tag system). */
export const VAULT_CHILD = 'urn:vessel:vault-child';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const EXTENSIONS: Record<string, string> = {
  'text/plain': 'txt', 'text/html': 'html', 'application/xhtml+xml': 'html', 'text/markdown': 'md', 'text/rtf': 'rtf', 'application/rtf': 'rtf',
  'text/xml': 'xml', 'application/xml': 'xml', 'application/hl7-v3+xml': 'xml', 'application/cda+xml': 'xml',
  'application/json': 'json', 'application/fhir+json': 'json', 'application/pdf': 'pdf',
  'image/jpeg': 'jpg', 'image/jpg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/tiff': 'tif', 'image/bmp': 'bmp', 'image/webp': 'webp',
  'application/dicom': 'dcm', 'audio/mpeg': 'mp3', 'audio/wav': 'wav', 'video/mp4': 'mp4', 'application/zip': 'zip',
};

const baseType = (contentType: unknown) => (typeof contentType === 'string' ? contentType.split(';')[0].trim().toLowerCase() : '');
export const extensionFor = (contentType: unknown): string => EXTENSIONS[baseType(contentType)] ?? 'bin';

/** Collects children across the resources of one input; names stay unique. */
export class AttachmentSink {
  children: ChildFile[] = [];
  /** The resource whose attachments `take` is moving (for the children's labels). */
  private holder: Json | undefined;
  private names = new Set<string>();
  /** Bytes of children collected since the last drain (streamed parts are also cut by size). */
  pendingBytes = 0;

  /** Takes the inline data out of one resource's attachments (about `subject`). Returns how many were moved. */
  take(resource: Json, subject?: string): number {
    const type = resource.resourceType as string;
    const stem = `${type}-${typeof resource.id === 'string' ? resource.id.replace(/[^A-Za-z0-9\-.]/g, '') : 'noid'}`;
    this.holder = resource;
    let n = 0;
    if (type === 'DocumentReference' && Array.isArray(resource.content)) {
      for (const c of resource.content) if (isObj(c)) n = this.one(c.attachment, stem, n, subject);
    } else if (type === 'Media') {
      n = this.one(resource.content, stem, n, subject);
    } else if (type === 'DiagnosticReport' && Array.isArray(resource.presentedForm)) {
      for (const att of resource.presentedForm) n = this.one(att, stem, n, subject);
    } else if (type === 'Binary' && typeof resource.data === 'string') {
      const name = this.store(resource.data, resource.contentType, `${stem}-1`, undefined, subject);
      if (name) {
        delete resource.data;
        const meta = isObj(resource.meta) ? resource.meta : (resource.meta = {});
        meta.tag = [...(Array.isArray(meta.tag) ? meta.tag : []), { system: VAULT_CHILD, code: name }];
        n = 1;
      }
    }
    return n;
  }

  /**
   * One attachment of `take`, the `n`th met with data: moved out; returns the count so far. A
   * method, not a closure made per resource (see rewriteReferences in src/ingest/ids.ts).
   */
  private one(att: unknown, stem: string, n: number, subject: string | undefined): number {
    if (!isObj(att) || typeof att.data !== 'string') return n;
    this.attachment(att, `${stem}-${n + 1}`, subject);
    return n + 1;
  }

  private attachment(att: Json, stem: string, subject: string | undefined): boolean {
    const name = this.store(att.data as string, att.contentType, stem, att, subject);
    if (!name) return false;
    delete att.data;
    att.extension = [...(Array.isArray(att.extension) ? att.extension : []), { url: VAULT_CHILD, valueString: name }];
    return true;
  }

  /** Decodes base64 into a child; returns the child's name. */
  private store(data: string, contentType: unknown, stem: string, att?: Json, subject?: string): string | undefined {
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length === 0) return undefined;
    let name = `${stem}.${extensionFor(contentType)}`;
    for (let i = 2; this.names.has(name); i++) name = `${stem}-${i}.${extensionFor(contentType)}`;
    this.names.add(name);
    const child: ChildFile = { name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), relation: 'attachment' };
    if (subject !== undefined) child.subject = subject;
    const label = holderLabel(this.holder, att);
    if (label) child.label = label;
    this.children.push(child);
    this.pendingBytes += bytes.length;
    if (att) {
      if (att.size === undefined) att.size = bytes.length;
      if (att.hash === undefined) att.hash = createHash('sha1').update(bytes).digest('base64');
    }
    return name;
  }

  /** Hands over what was collected since the last drain (for streamed parts). */
  drain(): ChildFile[] {
    const out = this.children;
    this.children = [];
    this.pendingBytes = 0;
    return out;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** A CodeableConcept's words: its text, else its first coding's display. */
function conceptWords(cc: unknown): string | undefined {
  if (!isObj(cc)) return undefined;
  const coding = Array.isArray(cc.coding) ? cc.coding.find((c) => isObj(c) && str(c.display)) : undefined;
  return str(cc.text) ?? (isObj(coding) ? str(coding.display) : undefined);
}

/**
 * The title and date the resource holding an attachment gives it: the attachment's own title,
 * else the note's description or type, the report's or media's name; the note's date, the
 * report's effective date, the media's creation, else the attachment's creation. Pure.
 */
export function holderLabel(holder: Json | undefined, att: Json | undefined): { title?: string; date?: string } | undefined {
  if (!holder) return undefined;
  const type = holder.resourceType;
  let title = str(att?.title);
  let date: string | undefined;
  if (type === 'DocumentReference') {
    title ??= str(holder.description) ?? conceptWords(holder.type) ?? (isObj(holder.type) && Array.isArray(holder.type.coding) ? documentTypeName(holder.type.coding as Array<{ system?: string; code?: string }>) : undefined);
    const context = isObj(holder.context) ? holder.context : undefined;
    date = str(holder.date) ?? (isObj(context?.period) ? str((context!.period as Json).start) : undefined);
  } else if (type === 'DiagnosticReport') {
    title ??= conceptWords(holder.code);
    date = str(holder.effectiveDateTime) ?? (isObj(holder.effectivePeriod) ? str(holder.effectivePeriod.start) : undefined) ?? str(holder.issued);
  } else if (type === 'Media') {
    title ??= conceptWords(holder.view) ?? conceptWords(holder.modality) ?? conceptWords(holder.type);
    date = str(holder.createdDateTime) ?? (isObj(holder.createdPeriod) ? str(holder.createdPeriod.start) : undefined) ?? str(holder.issued);
  }
  date ??= str(att?.creation);
  if (!title && !date) return undefined;
  return { ...(title ? { title } : {}), ...(date ? { date } : {}) };
}
