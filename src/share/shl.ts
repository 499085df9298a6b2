/**
 * SMART Health Links: the person picks what to share (the IPS, the visit summary, chosen
 * documents) and for how long; each file is encrypted as a compact JWE (alg dir, enc A256GCM)
 * with a fresh 32-byte key that only the link carries (in the URL fragment of the viewer
 * link, which never reaches a server). Vessel serves the manifest itself, with expiry, an
 * optional passcode with limited attempts (then the link is disabled), and revocation.
 * Every access is recorded in the audit trail.
 */
import { createHmac, randomBytes, scryptSync, timingSafeEqual, createCipheriv, createDecipheriv } from 'node:crypto';
import { CompactEncrypt } from 'jose';
import type { Vessel } from '../app/vessel.js';
import type { DocumentReference } from '@medplum/fhirtypes';
import { nowIso } from '../core/time.js';

export type ShareItem = { kind: 'ips' } | { kind: 'summary' } | { kind: 'document'; id: string };

export const MAX_PASSCODE_ATTEMPTS = 5;
const FHIR_JSON = 'application/fhir+json;fhirVersion=4.0.1';
const LOCATION_TTL_MS = 60 * 60 * 1000;

export class ShareError extends Error {}

export function b64url(b: Uint8Array): string {
  return Buffer.from(b).toString('base64url');
}

/** "ips,summary,documents:<id>,documents:<id>" → items. */
export function parseWhat(s: string | string[]): ShareItem[] {
  const parts = (Array.isArray(s) ? s : s.split(',')).map((x) => x.trim()).filter(Boolean);
  const out: ShareItem[] = [];
  let inDocs = false;
  for (const p of parts) {
    if (p === 'ips') (out.push({ kind: 'ips' }), (inDocs = false));
    else if (p === 'summary') (out.push({ kind: 'summary' }), (inDocs = false));
    else if (/^documents?:/.test(p)) (out.push({ kind: 'document', id: p.replace(/^documents?:/, '') }), (inDocs = true));
    else if (inDocs && /^[A-Za-z0-9-]{1,64}$/.test(p)) out.push({ kind: 'document', id: p });
    else throw new ShareError(`cannot share "${p}": say ips, summary or documents:<id>`);
  }
  if (!out.length) throw new ShareError('choose something to share: ips, summary or documents:<id>');
  return out;
}

/** "30m", "12h", "7d", "45s" → milliseconds. */
export function parseDuration(s: string): number {
  const m = /^(\d{1,5})\s*(s|m|h|d|w)$/.exec(s.trim());
  if (!m) throw new ShareError(`expires must look like 30m, 12h, 7d or 2w (got "${s}")`);
  const ms = Number(m[1]) * { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 }[m[2] as 's']!;
  if (ms <= 0 || ms > 366 * 864e5) throw new ShareError('a share lasts between 1 second and one year');
  return ms;
}

function seal(key: Buffer, plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  return Buffer.concat([iv, ct, c.getAuthTag()]).toString('base64');
}

/** Opens a share's sealed key with whichever key of the vault keyring sealed it. */
function unseal(keys: readonly Buffer[], sealed: string, aad: string): string {
  for (let i = 0; ; i++) {
    try {
      return unsealWith(keys[i], sealed, aad);
    } catch (err) {
      if (i >= keys.length - 1) throw err;
    }
  }
}

function unsealWith(key: Buffer, sealed: string, aad: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString('utf8');
}

function hashPasscode(p: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('base64')}$${scryptSync(p, salt, 32).toString('base64')}`;
}

function checkPasscode(p: string, stored: string): boolean {
  const [salt, hash] = stored.split('$');
  const got = scryptSync(p, Buffer.from(salt, 'base64'), 32);
  const want = Buffer.from(hash, 'base64');
  return got.length === want.length && timingSafeEqual(got, want);
}

export async function encryptFile(key: Uint8Array, contentType: string, plaintext: string): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(plaintext)).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: contentType }).encrypt(key);
}

export interface ShlPayload {
  url: string;
  key: string;
  exp?: number;
  flag?: string;
  label?: string;
  v: 1;
}

export function shlinkOf(p: ShlPayload): string {
  return `shlink:/${Buffer.from(JSON.stringify(p)).toString('base64url')}`;
}

export function viewerLink(origin: string, p: ShlPayload): string {
  return `${origin.replace(/\/+$/, '')}/shl/view#${shlinkOf(p)}`;
}

export interface CreateShareInput {
  personId: string;
  what: ShareItem[];
  /** "7d", or milliseconds. */
  expiresIn: string | number;
  passcode?: string;
  label?: string;
  /** Where recipients reach this Vessel (scheme://host[:port]). */
  origin: string;
  actor?: string;
  ip?: string;
  /** Summary PDF options when `summary` is shared. */
  summary?: { from?: string; to?: string };
}

export interface ShareInfo {
  id: string;
  personId: string;
  label: string;
  what: string[];
  expiresAt?: string;
  createdAt: string;
  passcode: boolean;
  attemptsLeft: number;
  accessCount: number;
  link: string;
}

interface WhatJson {
  items: ShareItem[];
  origin: string;
}

async function filesFor(v: Vessel, personId: string, what: ShareItem[], summary?: CreateShareInput['summary']): Promise<Array<{ contentType: string; content: string }>> {
  const out: Array<{ contentType: string; content: string }> = [];
  const { loadSnapshot } = await import('../doctor/snapshot.js');
  let snap: Awaited<ReturnType<typeof loadSnapshot>>;
  const snapshot = async () => (snap ??= await loadSnapshot(v.store, personId))!;
  for (const w of what) {
    if (w.kind === 'ips') {
      const { buildIps } = await import('./ips.js');
      out.push({ contentType: FHIR_JSON, content: JSON.stringify(buildIps(await snapshot())) });
    } else if (w.kind === 'summary') {
      const { summaryPdf } = await import('./summary-pdf.js');
      const pdf = await summaryPdf(await snapshot(), summary ?? {});
      out.push({ contentType: FHIR_JSON, content: JSON.stringify(asDocumentReference('Visit summary', 'application/pdf', pdf, new Date().toISOString().slice(0, 10))) });
    } else {
      const d = await v.store.documents.get(w.id);
      if (!d || d.personId !== personId) throw new ShareError(`no document ${w.id} of this person`);
      const bytes = await v.vault.get(d.sha256);
      const type = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg', tiff: 'image/tiff', text: 'text/plain', 'cda-xml': 'application/xml', xml: 'application/xml', 'fhir-json': 'application/fhir+json' }[d.format as string] ?? 'application/octet-stream';
      const date = typeof d.label.date === 'string' ? d.label.date : undefined;
      out.push({ contentType: FHIR_JSON, content: JSON.stringify(asDocumentReference(d.filename, type, bytes, date)) });
    }
  }
  return out;
}

function asDocumentReference(title: string, contentType: string, bytes: Uint8Array, date?: string): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    description: title,
    ...(date ? { date: /T/.test(date) ? date : `${date.slice(0, 10)}T00:00:00Z` } : {}),
    content: [{ attachment: { contentType, title, data: Buffer.from(bytes).toString('base64'), size: bytes.length } }],
  };
}

function toInfo(v: Vessel, r: { id: string; person_id: string; label: string; what_json: string; key_enc: string; passcode_hash: string | null; attempts_left: number; expires_at: string | null; created_at: string; access_count: number }): ShareInfo {
  const what = JSON.parse(r.what_json) as WhatJson;
  const key = Buffer.from(unseal(v.keyring, r.key_enc, `share:${r.id}`), 'base64url');
  const payload = payloadOf(what.origin, r.id, key, r.expires_at, !!r.passcode_hash, r.label);
  return {
    id: r.id,
    personId: r.person_id,
    label: r.label,
    what: what.items.map((i) => (i.kind === 'document' ? `documents:${i.id}` : i.kind)),
    expiresAt: r.expires_at ?? undefined,
    createdAt: r.created_at,
    passcode: !!r.passcode_hash,
    attemptsLeft: Number(r.attempts_left),
    accessCount: Number(r.access_count),
    link: viewerLink(what.origin, payload),
  };
}

function payloadOf(origin: string, id: string, key: Uint8Array, expiresAt: string | null, passcode: boolean, label: string): ShlPayload {
  const p: ShlPayload = { url: `${origin.replace(/\/+$/, '')}/shl/manifest/${id}`, key: b64url(key), v: 1 };
  if (expiresAt) p.exp = Math.floor(Date.parse(expiresAt) / 1000);
  if (passcode) p.flag = 'P';
  if (label) p.label = label.slice(0, 80);
  return p;
}

export async function createShare(v: Vessel, input: CreateShareInput): Promise<ShareInfo & { shlink: string; qr: string }> {
  if (!/^https?:\/\/[^/\s]+$/.test(input.origin.replace(/\/+$/, ''))) throw new ShareError('origin must be scheme://host[:port]');
  const person = await v.store.people.get(input.personId);
  if (!person) throw new ShareError('no such person');
  if (input.passcode !== undefined && (input.passcode.length < 4 || input.passcode.length > 100)) throw new ShareError('a passcode has 4 to 100 characters');
  const ms = typeof input.expiresIn === 'number' ? input.expiresIn : parseDuration(input.expiresIn);
  const files = await filesFor(v, person.id, input.what, input.summary);
  const id = b64url(randomBytes(32));
  const key = randomBytes(32);
  const now = nowIso();
  const expiresAt = new Date(Date.now() + ms).toISOString();
  const label = (input.label ?? `Health records of ${person.displayName}`).slice(0, 80);
  const jwes = await Promise.all(files.map((f) => encryptFile(key, f.contentType, f.content)));
  await v.store.transaction(async (tx) => {
    await tx.db
      .insertInto('shares')
      .values({
        id,
        person_id: person.id,
        label,
        what_json: JSON.stringify({ items: input.what, origin: input.origin.replace(/\/+$/, '') } satisfies WhatJson),
        key_enc: seal(v.key, b64url(key), `share:${id}`),
        passcode_hash: input.passcode ? hashPasscode(input.passcode) : null,
        attempts_left: MAX_PASSCODE_ATTEMPTS,
        expires_at: expiresAt,
        created_at: now,
        revoked_at: null,
        disabled_at: null,
        access_count: 0,
      })
      .execute();
    for (const [i, f] of files.entries()) await tx.db.insertInto('share_files').values({ share_id: id, file_id: String(i), content_type: f.contentType, jwe: jwes[i] }).execute();
  });
  await v.store.audit.record({ actor: input.actor ?? 'local', action: 'share.create', personId: person.id, target: id, detail: { what: input.what, expiresAt, passcode: !!input.passcode, files: files.length }, ip: input.ip });
  const payload = payloadOf(input.origin, id, key, expiresAt, !!input.passcode, label);
  const link = viewerLink(input.origin, payload);
  const QRCode = (await import('qrcode')).default;
  const qr = await QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 2 });
  return { id, personId: person.id, label, what: input.what.map((i) => (i.kind === 'document' ? `documents:${i.id}` : i.kind)), expiresAt, createdAt: now, passcode: !!input.passcode, attemptsLeft: MAX_PASSCODE_ATTEMPTS, accessCount: 0, link, shlink: shlinkOf(payload), qr };
}

/** Active shares (not revoked, disabled or expired), newest first. */
export async function listShares(v: Vessel, personId?: string): Promise<ShareInfo[]> {
  let q = v.store.db.selectFrom('shares').selectAll().where('revoked_at', 'is', null).where('disabled_at', 'is', null).where('expires_at', '>', nowIso());
  if (personId) q = q.where('person_id', '=', personId);
  const rows = await q.orderBy('created_at', 'desc').execute();
  return rows.map((r) => toInfo(v, r));
}

export async function revokeShare(v: Vessel, id: string, actor = 'local', ip?: string): Promise<boolean> {
  const r = await v.store.db.selectFrom('shares').select(['id', 'person_id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
  if (!r || r.revoked_at) return false;
  await v.store.db.updateTable('shares').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
  await v.store.db.deleteFrom('share_files').where('share_id', '=', id).execute();
  await v.store.audit.record({ actor, action: 'share.revoke', personId: r.person_id, target: id, ip });
  return true;
}

export type ManifestResult =
  | { status: 200; body: { files: Array<{ contentType: string; embedded?: string; location?: string }> } }
  | { status: 401; body: { error: string; remainingAttempts: number } }
  | { status: 404; body: { error: string } };

function fileToken(v: Vessel, id: string, fileId: string, exp: number): string {
  return `${exp}.${createHmac('sha256', v.key).update(`shl-file:${id}:${fileId}:${exp}`).digest('base64url')}`;
}

/**
 * A recipient asks for the manifest. Unknown, revoked, disabled and expired links answer 404;
 * a wrong passcode 401 with the attempts left (the last one disables the link).
 */
export async function manifest(v: Vessel, id: string, req: { recipient?: unknown; passcode?: unknown; embeddedLengthMax?: unknown }, ctx: { origin: string; ip?: string }): Promise<ManifestResult> {
  const recipient = typeof req.recipient === 'string' ? req.recipient.slice(0, 200) : '';
  const r = /^[A-Za-z0-9_-]{43}$/.test(id) ? await v.store.db.selectFrom('shares').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  const deny = async (why: string, status: 404 | 401 = 404, remaining?: number): Promise<ManifestResult> => {
    await v.store.audit.record({ actor: `recipient:${recipient || 'unnamed'}`, action: 'share.access.denied', personId: r?.person_id, target: r?.id, detail: { why }, ip: ctx.ip });
    if (status === 401) return { status, body: { error: why, remainingAttempts: remaining ?? 0 } };
    return { status: 404, body: { error: 'this link is no longer active' } };
  };
  if (!r) return deny('unknown link');
  if (!recipient) return { status: 404, body: { error: 'say who you are (recipient)' } };
  if (r.revoked_at) return deny('revoked');
  if (r.disabled_at) return deny('disabled after too many passcode attempts');
  if (r.expires_at && r.expires_at <= nowIso()) return deny('expired');
  if (r.passcode_hash) {
    const pass = typeof req.passcode === 'string' ? req.passcode : '';
    if (!pass || !checkPasscode(pass, r.passcode_hash)) {
      // Atomic decrement; the last failed attempt disables the link.
      await v.store.db.updateTable('shares').set((eb) => ({ attempts_left: eb('attempts_left', '-', 1) })).where('id', '=', id).where('attempts_left', '>', 0).execute();
      const left = Number((await v.store.db.selectFrom('shares').select('attempts_left').where('id', '=', id).executeTakeFirst())?.attempts_left ?? 0);
      if (left <= 0) await v.store.db.updateTable('shares').set({ disabled_at: nowIso() }).where('id', '=', id).execute();
      return deny(pass ? 'wrong passcode' : 'passcode required', 401, left);
    }
  }
  await v.store.db.updateTable('shares').set((eb) => ({ access_count: eb('access_count', '+', 1) })).where('id', '=', id).execute();
  const files = await v.store.db.selectFrom('share_files').selectAll().where('share_id', '=', id).orderBy('file_id').execute();
  const max = typeof req.embeddedLengthMax === 'number' && req.embeddedLengthMax >= 0 ? req.embeddedLengthMax : 2_000_000;
  const exp = Date.now() + LOCATION_TTL_MS;
  await v.store.audit.record({ actor: `recipient:${recipient}`, action: 'share.access', personId: r.person_id, target: id, detail: { files: files.length }, ip: ctx.ip });
  return {
    status: 200,
    body: {
      files: files.map((f) =>
        f.jwe.length <= max
          ? { contentType: f.content_type, embedded: f.jwe }
          : { contentType: f.content_type, location: `${ctx.origin}/shl/file/${id}/${f.file_id}?t=${fileToken(v, id, f.file_id, exp)}` },
      ),
    },
  };
}

/** A file by its short-lived location URL; undefined when the link or the token is not valid. */
export async function fileByLocation(v: Vessel, id: string, fileId: string, token: string, ip?: string): Promise<string | undefined> {
  const [expS] = token.split('.');
  const exp = Number(expS);
  if (!Number.isFinite(exp) || exp < Date.now()) return undefined;
  const want = Buffer.from(fileToken(v, id, fileId, exp));
  const got = Buffer.from(token);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return undefined;
  const r = await v.store.db.selectFrom('shares').select(['person_id', 'revoked_at', 'disabled_at', 'expires_at']).where('id', '=', id).executeTakeFirst();
  if (!r || r.revoked_at || r.disabled_at || (r.expires_at && r.expires_at <= nowIso())) return undefined;
  const f = await v.store.db.selectFrom('share_files').select('jwe').where('share_id', '=', id).where('file_id', '=', fileId).executeTakeFirst();
  if (f) await v.store.audit.record({ actor: 'recipient', action: 'share.file', personId: r.person_id, target: id, detail: { fileId }, ip });
  return f?.jwe;
}

/** Every recorded access to a share (and its creation and revocation), newest first. */
export async function shareAccesses(v: Vessel, id: string): Promise<Array<{ at: string; action: string; actor: string; ip: string | null; detail: unknown }> | undefined> {
  const r = await v.store.db.selectFrom('shares').select(['id']).where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const rows = await v.store.db.selectFrom('audit_events').selectAll().where('target', '=', id).where('action', 'like', 'share.%').orderBy('id', 'desc').limit(1000).execute();
  return rows.map((e) => ({ at: e.at, action: e.action, actor: e.actor, ip: e.ip, detail: JSON.parse(e.detail_json) }));
}

/** Seals a share's key again with the current vault key (key rotation). */
export function resealShareKey(v: Vessel, id: string, sealed: string): string {
  return seal(v.key, unseal(v.keyring, sealed, `share:${id}`), `share:${id}`);
}
