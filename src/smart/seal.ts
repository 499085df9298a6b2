/**
 * Tokens and PKCE verifiers are keys to health data: sealed with the vault key (AES-256-GCM)
 * before they touch the database. The additional data binds a sealed value to its row, so a
 * token copied onto another connection does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'v1.';

export function seal(key: Buffer, plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  return PREFIX + Buffer.concat([iv, ct, c.getAuthTag()]).toString('base64');
}

/** Opens a sealed value with whichever key of the ring sealed it (GCM's tag tells). */
export function unseal(keys: Buffer | readonly Buffer[], sealed: string, aad: string): string {
  const ring = Array.isArray(keys) ? keys : [keys as Buffer];
  for (let i = 0; i < ring.length; i++) {
    try {
      return unsealWith(ring[i], sealed, aad);
    } catch (err) {
      if (i === ring.length - 1) throw err;
    }
  }
  throw new Error('no key to open a sealed value');
}

function unsealWith(key: Buffer, sealed: string, aad: string): string {
  if (!sealed.startsWith(PREFIX)) throw new Error('sealed value has an unknown format');
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
  const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  d.setAAD(Buffer.from(aad, 'utf8'));
  d.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString('utf8');
}
