/**
 * Inline attachment data (base64) → child files for the vault, and text attachments → page
 * text for search. The emitted resource keeps the attachment's metadata but not its bytes: an
 * extension (or, for Binary, a meta tag) names the child file that holds them.
 */
import { createHash } from 'node:crypto';
import type { ChildFile, ExtractedPage } from '../../core/types.js';

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

/** Collects children and pages across the resources of one input; names stay unique. */
export class AttachmentSink {
  children: ChildFile[] = [];
  pages: ExtractedPage[] = [];
  private names = new Set<string>();
  private nextPage = 1;
  /** Bytes of children collected since the last drain (streamed parts are also cut by size). */
  pendingBytes = 0;

  /** Takes the inline data out of one resource's attachments (about `subject`). Returns how many were moved. */
  take(resource: Json, subject?: string): number {
    const type = resource.resourceType as string;
    const stem = `${type}-${typeof resource.id === 'string' ? resource.id.replace(/[^A-Za-z0-9\-.]/g, '') : 'noid'}`;
    let n = 0;
    const one = (att: unknown) => {
      if (isObj(att) && typeof att.data === 'string') this.attachment(att, `${stem}-${++n}`, subject);
    };
    if (type === 'DocumentReference' && Array.isArray(resource.content)) {
      for (const c of resource.content) if (isObj(c)) one(c.attachment);
    } else if (type === 'Media') {
      one(resource.content);
    } else if (type === 'DiagnosticReport' && Array.isArray(resource.presentedForm)) {
      resource.presentedForm.forEach(one);
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

  private attachment(att: Json, stem: string, subject: string | undefined): boolean {
    const name = this.store(att.data as string, att.contentType, stem, att, subject);
    if (!name) return false;
    delete att.data;
    att.extension = [...(Array.isArray(att.extension) ? att.extension : []), { url: VAULT_CHILD, valueString: name }];
    return true;
  }

  /** Decodes base64 into a child (and a page for text); returns the child's name. */
  private store(data: string, contentType: unknown, stem: string, att?: Json, subject?: string): string | undefined {
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length === 0) return undefined;
    let name = `${stem}.${extensionFor(contentType)}`;
    for (let i = 2; this.names.has(name); i++) name = `${stem}-${i}.${extensionFor(contentType)}`;
    this.names.add(name);
    const child: ChildFile = { name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), relation: 'attachment' };
    if (subject !== undefined) child.subject = subject;
    this.children.push(child);
    this.pendingBytes += bytes.length;
    if (att) {
      if (att.size === undefined) att.size = bytes.length;
      if (att.hash === undefined) att.hash = createHash('sha1').update(bytes).digest('base64');
    }
    const t = baseType(contentType);
    if (t === 'text/plain' || t === 'text/markdown' || t === 'text/html' || t === 'application/xhtml+xml') {
      const raw = bytes.toString('utf8');
      const text = t.includes('html') ? htmlToText(raw) : raw;
      if (text.trim()) this.pages.push({ page: this.nextPage++, text, method: 'plain' });
    }
    return name;
  }

  /** Hands over what was collected since the last drain (for streamed parts). */
  drain(): { children: ChildFile[]; pages: ExtractedPage[] } {
    const out = { children: this.children, pages: this.pages };
    this.children = [];
    this.pages = [];
    this.pendingBytes = 0;
    return out;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Readable text of an HTML attachment: scripts/styles dropped, block ends as line breaks. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<(br|\/p|\/div|\/tr|\/li|\/h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const hex = e[1] === 'x' || e[1] === 'X';
      const cp = parseInt(e.slice(hex ? 2 : 1), hex ? 16 : 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
