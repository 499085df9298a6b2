/**
 * The vault key: 32 bytes for AES-256-GCM. From VESSEL_KEY (base64 or hex) when given,
 * else a key file created once with mode 0600 in the data folder. While a key rotation runs
 * (src/vault/rotate.ts) there is a keyring: the new key first, then the old one(s) — one per
 * line in the key file, comma-separated in VESSEL_KEY.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const KEY_FILE_NAME = 'vessel.key';

export function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) {
    throw new Error('VESSEL_KEY must be 32 bytes, given as 64 hex digits or base64');
  }
  return key;
}

/** Returns the key, creating the key file at first start when no key was given. */
export function loadOrCreateKey(dataDir: string, given?: string): Buffer {
  if (given) return parseKey(given);
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (fs.existsSync(file)) return parseKey(fs.readFileSync(file, 'utf8').split('\n')[0]);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  // 'wx' fails if another process created it meanwhile; then use theirs.
  try {
    fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return parseKey(fs.readFileSync(file, 'utf8'));
  }
  return key;
}

/** The keyring: current key first. Creates the key file at first start. */
export function loadKeyring(dataDir: string, given?: string): Buffer[] {
  if (given) return given.split(',').map(parseKey);
  const first = loadOrCreateKey(dataDir);
  const lines = fs.readFileSync(path.join(dataDir, KEY_FILE_NAME), 'utf8').split('\n').filter((l) => l.trim());
  return lines.length > 1 ? lines.map(parseKey) : [first];
}

/** Replaces the key file atomically (temp file, flush, rename, flush the folder). */
export function writeKeyring(dataDir: string, keys: Buffer[]): void {
  const file = path.join(dataDir, KEY_FILE_NAME);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, keys.map((k) => k.toString('base64')).join('\n') + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  const dir = fs.openSync(dataDir, 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}
