/**
 * The backup file: one stream of framed records, so backups of any size are written and read
 * in bounded memory.
 *
 *   "VSLBAK1\n"
 *   record*:  kind(1) | nameLength(2, BE) | name | payloadLength(8, BE) | payload
 *     kind 'M' manifest (encrypted JSON), 'T' a chunk of table rows (encrypted NDJSON),
 *     kind 'V' a vault object (already encrypted: its bytes as stored), 'E' end.
 *
 * Encrypted payloads are IV(12) | AES-256-GCM ciphertext | tag(16) under the vault key: the
 * database holds health data too, and a backup is worth nothing without the key anyway.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const MAGIC = Buffer.from('VSLBAK1\n');
export type RecordKind = 'M' | 'T' | 'V' | 'E';

export function frame(kind: RecordKind, name: string, payload: Buffer): Buffer[] {
  const n = Buffer.from(name, 'utf8');
  const head = Buffer.alloc(1 + 2 + n.length + 8);
  head.write(kind, 0, 'latin1');
  head.writeUInt16BE(n.length, 1);
  n.copy(head, 3);
  head.writeBigUInt64BE(BigInt(payload.length), 3 + n.length);
  return [head, payload];
}

export function seal(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([iv, c.update(plain), c.final(), c.getAuthTag()]);
}

export function open(key: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < 28) throw new Error('backup record is truncated');
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  d.setAuthTag(sealed.subarray(sealed.length - 16));
  try {
    return Buffer.concat([d.update(sealed.subarray(12, sealed.length - 16)), d.final()]);
  } catch {
    throw new Error('the backup cannot be decrypted with this key (wrong VESSEL_KEY / key file, or a damaged backup)');
  }
}

/** Reads framed records from a file handle sequentially. */
export async function* readRecords(fh: import('node:fs/promises').FileHandle): AsyncGenerator<{ kind: RecordKind; name: string; payload: Buffer }> {
  let pos = 0;
  const read = async (n: number): Promise<Buffer> => {
    const buf = Buffer.alloc(n);
    let got = 0;
    while (got < n) {
      const { bytesRead } = await fh.read(buf, got, n - got, pos + got);
      if (!bytesRead) throw new Error('the backup file ends early (truncated)');
      got += bytesRead;
    }
    pos += n;
    return buf;
  };
  if (!(await read(MAGIC.length)).equals(MAGIC)) throw new Error('not a Vessel backup file');
  for (;;) {
    const kind = (await read(1)).toString('latin1') as RecordKind;
    const nameLen = (await read(2)).readUInt16BE(0);
    const name = (await read(nameLen)).toString('utf8');
    const len = Number((await read(8)).readBigUInt64BE(0));
    const payload = await read(len);
    yield { kind, name, payload };
    if (kind === 'E') return;
  }
}
