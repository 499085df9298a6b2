/**
 * A software WebAuthn authenticator for API tests: an ES256 key pair, "none" attestation,
 * a signature counter, and the JSON a browser would send (what @simplewebauthn/browser
 * produces). The browser tests use Chromium's own virtual authenticator instead; this one
 * lets the API tests forge the wrong things on purpose (origin, counter, challenge, key).
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const b64u = (b: Uint8Array | string) => Buffer.from(b).toString('base64url');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

export interface CeremonyOptions {
  /** Origin the "browser" reports (default: the one given to the constructor). */
  origin?: string;
  /** RP ID whose hash goes in the authenticator data (default: options.rp.id / rpId). */
  rpId?: string;
  /** Overrides the challenge answered. */
  challenge?: string;
  /** Sign with another key than the registered one. */
  wrongKey?: boolean;
  /** Report this signature counter instead of the next one. */
  counter?: number;
  userVerified?: boolean;
}

export class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly privateKey: KeyObject;
  private readonly publicJwk: { x: string; y: string };
  counter = 0;
  userHandle?: string;

  constructor(readonly origin: string) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' }) as { x: string; y: string };
    this.publicJwk = { x: jwk.x, y: jwk.y };
  }

  get id(): string {
    return b64u(this.credentialId);
  }

  private clientData(type: string, challenge: string, o: CeremonyOptions): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge: o.challenge ?? challenge, origin: o.origin ?? this.origin, crossOrigin: false }));
  }

  private authData(rpId: string, counter: number, o: CeremonyOptions, attested?: Uint8Array): Buffer {
    const flags = 0x01 | (o.userVerified === false ? 0 : 0x04) | (attested ? 0x40 : 0);
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  /** Answers registration options (as navigator.credentials.create + @simplewebauthn/browser). */
  register(options: { challenge: string; rp: { id?: string }; user: { id: string } }, o: CeremonyOptions = {}) {
    this.userHandle = options.user.id;
    const cose = new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(this.publicJwk.x, 'base64url')],
      [-3, Buffer.from(this.publicJwk.y, 'base64url')],
    ]);
    const idLen = Buffer.alloc(2);
    idLen.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLen, this.credentialId, Buffer.from(isoCBOR.encode(cose))]);
    const authData = this.authData(o.rpId ?? options.rp.id ?? new URL(this.origin).hostname, this.counter, o, attested);
    const attestationObject = isoCBOR.encode(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]) as never);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { clientDataJSON: b64u(this.clientData('webauthn.create', options.challenge, o)), attestationObject: b64u(attestationObject), transports: ['internal'] },
      clientExtensionResults: {},
    };
  }

  /** Answers sign-in options (as navigator.credentials.get + @simplewebauthn/browser). */
  signIn(options: { challenge: string; rpId?: string }, o: CeremonyOptions = {}) {
    this.counter = o.counter ?? this.counter + 1;
    const authData = this.authData(o.rpId ?? options.rpId ?? new URL(this.origin).hostname, this.counter, o);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, o);
    const key = o.wrongKey ? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey : this.privateKey;
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), key);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { clientDataJSON: b64u(clientDataJSON), authenticatorData: b64u(authData), signature: b64u(signature), userHandle: this.userHandle },
      clientExtensionResults: {},
    };
  }
}
