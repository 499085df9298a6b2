/**
 * Password hashing with scrypt (Node's own crypto; no native add-on to build). Parameters
 * follow OWASP's scrypt row N=2^15, r=8, p=3 and are stored with each hash, so they can be
 * raised later without breaking old hashes: `scrypt$ln=15,r=8,p=3$<salt>$<hash>` (base64url).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_BYTES = 32;
const DEFAULT = { ln: 15, r: 8, p: 3 };

function scryptAsync(password: string, salt: Buffer, o: { ln: number; r: number; p: number }): Promise<Buffer> {
  const N = 2 ** o.ln;
  const options: ScryptOptions = { N, r: o.r, p: o.p, maxmem: 128 * N * o.r * 2 + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, DEFAULT);
  return `scrypt$ln=${DEFAULT.ln},r=${DEFAULT.r},p=${DEFAULT.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = /^scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!m) return false;
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (ln < 10 || ln > 20 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const expected = Buffer.from(m[5], 'base64url');
  const key = await scryptAsync(password, Buffer.from(m[4], 'base64url'), { ln, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: unknown): string | undefined {
  if (typeof password !== 'string') return 'give a password';
  if ([...password].length < 10) return 'use at least 10 characters';
  if (password.length > 1000) return 'use at most 1000 characters';
  return undefined;
}

/** A hash of nothing anyone knows: checked against when a username does not exist, so the
 * answer takes as long as for a real account and does not tell which names exist. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'));
  return decoy;
}
