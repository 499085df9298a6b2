/**
 * Passkeys (WebAuthn, issue 10): a signed-in account registers, lists and removes its
 * passkeys; anyone may sign in with one, with or without typing a username (discoverable
 * credentials). The ceremonies are @simplewebauthn/server's; what is ours:
 * - challenges are stored server-side, single use (deleted as they are read) and live 5 minutes;
 * - the origin and RP ID must be one of the relying party's (src/auth/relying-party.ts);
 * - user verification is required (the passkey replaces the password, so it must not be a
 *   bare "someone touched the key");
 * - the signature counter must move forward (a cloned authenticator shows up as a counter
 *   that does not), and is updated only if unchanged since it was read;
 * - a failed sign-in with a known passkey counts towards the account's lockout, a locked
 *   account is refused, and every failure answers the same "passkey sign-in failed";
 * - registrations, removals and sign-ins are audited.
 * Nothing here knows about HTTP.
 */
import { createHmac } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Store } from '../store/store.js';
import type { Account } from '../store/accounts.js';
import { PasskeysRepo, type ChallengePurpose, type Passkey } from '../store/passkeys.js';
import { AuthError, normalizeUsername, recordFailure, refuseIfLocked, startSession, type NewSession } from './accounts.js';
import { rpIdFor, type RelyingParty } from './relying-party.js';

export const CHALLENGE_TTL_MS = 5 * 60_000;
const RP_NAME = 'Vessel';
const SIGN_IN_FAILED = 'passkey sign-in failed';

/** What the account's settings page shows of a passkey (never the key itself). */
export interface PasskeyInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt?: string;
  /** Synced across the user's devices by their password manager or platform. */
  backedUp: boolean;
}

interface Meta {
  ip?: string;
  userAgent?: string;
  /** The request's Origin header: picks which of the relying party's host names to use. */
  origin?: string;
  now?: Date;
}

const info = (p: Passkey): PasskeyInfo => ({ id: p.id, name: p.name, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt, backedUp: p.backedUp });
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The WebAuthn user handle of an account: its id (random, says nothing about the person). */
const userHandleOf = (account: Account) => Buffer.from(account.id, 'utf8');

/** The challenge a response answers, read from its clientDataJSON; undefined when unreadable. */
function challengeOf(response: unknown): string | undefined {
  if (!isObj(response) || !isObj(response.response) || typeof response.response.clientDataJSON !== 'string') return undefined;
  try {
    const client = JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8')) as unknown;
    return isObj(client) && typeof client.challenge === 'string' ? client.challenge : undefined;
  } catch {
    return undefined;
  }
}

async function newChallenge(repo: PasskeysRepo, challenge: string, purpose: ChallengePurpose, accountId: string | null, now: Date): Promise<void> {
  await repo.addChallenge(challenge, purpose, accountId, new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString());
}

export class Passkeys {
  readonly repo: PasskeysRepo;

  /**
   * `decoyKey`: a server secret; a username with no passkeys gets an allow-list with a made-up
   * credential derived from it, the same every time, so the answer does not tell who has one.
   */
  constructor(
    private readonly store: Store,
    private readonly rp: () => RelyingParty,
    private readonly decoyKey: Buffer,
  ) {
    this.repo = new PasskeysRepo(store.db);
  }

  async list(account: Account): Promise<PasskeyInfo[]> {
    return (await this.repo.ofAccount(account.id)).map(info);
  }

  /** Options for navigator.credentials.create: a discoverable credential with user verification. */
  async registrationOptions(account: Account, meta: Meta = {}): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const existing = await this.repo.ofAccount(account.id);
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: rpIdFor(this.rp(), meta.origin),
      userName: account.username,
      userDisplayName: account.username,
      userID: userHandleOf(account),
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports as AuthenticatorTransportFuture[] })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      timeout: CHALLENGE_TTL_MS,
    });
    await newChallenge(this.repo, options.challenge, 'register', account.id, meta.now ?? new Date());
    return options;
  }

  /** Checks the browser's answer to `registrationOptions` and keeps the new passkey. */
  async register(account: Account, response: unknown, nameIn: unknown, meta: Meta = {}): Promise<PasskeyInfo> {
    const refused = new AuthError('bad_request', 'the passkey could not be registered (the request expired or was already used); try again');
    const challenge = challengeOf(response);
    const taken = challenge ? await this.repo.takeChallenge(challenge, 'register') : undefined;
    if (!taken || taken.accountId !== account.id) throw refused;
    const rp = this.rp();
    let verified;
    try {
      verified = await verifyRegistrationResponse({ response: response as RegistrationResponseJSON, expectedChallenge: challenge!, expectedOrigin: rp.origins, expectedRPID: rp.rpIds, requireUserVerification: true });
    } catch {
      throw refused;
    }
    if (!verified.verified) throw refused;
    const { credential, credentialDeviceType, credentialBackedUp } = verified.registrationInfo;
    if (await this.repo.get(credential.id)) throw new AuthError('conflict', 'this passkey is registered already');
    const count = (await this.repo.ofAccount(account.id)).length;
    const name = typeof nameIn === 'string' && nameIn.trim() ? nameIn.trim().slice(0, 60) : `Passkey ${count + 1}`;
    const p = await this.repo.add({
      id: credential.id,
      accountId: account.id,
      name,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
    });
    await this.store.audit.record({ actor: account.username, accountId: account.id, action: 'passkey.add', target: name, detail: { passkey: p.id }, ip: meta.ip });
    return info(p);
  }

  async remove(account: Account, id: string, meta: Meta = {}): Promise<void> {
    const p = await this.repo.get(id);
    if (!p || p.accountId !== account.id || !(await this.repo.remove(account.id, id))) throw new AuthError('not_found', 'no such passkey');
    await this.store.audit.record({ actor: account.username, accountId: account.id, action: 'passkey.remove', target: p.name, detail: { passkey: p.id }, ip: meta.ip });
  }

  /**
   * Options for navigator.credentials.get. Without a username: any passkey of this site
   * (the browser offers the user's discoverable credentials). With one: that account's
   * passkeys only (or a decoy, the same each time, when it has none or does not exist).
   */
  async signInOptions(usernameIn: unknown, meta: Meta = {}): Promise<PublicKeyCredentialRequestOptionsJSON> {
    let accountId: string | null = null;
    let allow: Array<{ id: string; transports?: AuthenticatorTransportFuture[] }> | undefined;
    if (typeof usernameIn === 'string' && usernameIn.trim()) {
      let username: string;
      try {
        username = normalizeUsername(usernameIn);
      } catch {
        username = usernameIn.trim().toLowerCase().slice(0, 64);
      }
      const account = await this.store.accounts.byUsername(username);
      const mine = account ? await this.repo.ofAccount(account.id) : [];
      accountId = account?.id ?? null;
      allow = mine.length
        ? mine.map((p) => ({ id: p.id, transports: p.transports as AuthenticatorTransportFuture[] }))
        : [{ id: createHmac('sha256', this.decoyKey).update(`passkey-decoy:${username}`).digest().subarray(0, 16).toString('base64url'), transports: ['internal'] }];
    }
    const options = await generateAuthenticationOptions({ rpID: rpIdFor(this.rp(), meta.origin), allowCredentials: allow, userVerification: 'required', timeout: CHALLENGE_TTL_MS });
    await newChallenge(this.repo, options.challenge, 'sign-in', accountId, meta.now ?? new Date());
    return options;
  }

  /** Checks the browser's answer to `signInOptions`; a session on success. */
  async signIn(response: unknown, meta: Meta = {}): Promise<NewSession> {
    const failed = () => new AuthError('unauthorized', SIGN_IN_FAILED);
    const audit = (reason: string, actor = 'unknown', accountId?: string) => this.store.audit.record({ actor, accountId, action: 'login.failed', detail: { method: 'passkey', reason }, ip: meta.ip });
    const challenge = challengeOf(response);
    // Taken (deleted) before anything else: whatever happens next, it cannot be used again.
    const taken = challenge ? await this.repo.takeChallenge(challenge, 'sign-in') : undefined;
    const credentialId = isObj(response) && typeof response.id === 'string' ? response.id : '';
    const passkey = credentialId ? await this.repo.get(credentialId) : undefined;
    const account = passkey ? await this.store.accounts.get(passkey.accountId) : undefined;
    if (!taken) {
      await audit('unknown, expired or used challenge', account?.username, account?.id);
      throw failed();
    }
    if (!passkey || !account) {
      await audit('unknown passkey');
      throw failed();
    }
    if (taken.accountId && taken.accountId !== account.id) {
      await audit('passkey of another account than the one named', account.username, account.id);
      throw failed();
    }
    await refuseIfLocked(this.store, account, meta);
    const rp = this.rp();
    const userHandle = isObj(response) && isObj(response.response) ? response.response.userHandle : undefined;
    let ok = !(typeof userHandle === 'string' && userHandle && Buffer.from(userHandle, 'base64url').toString('utf8') !== account.id);
    let newCounter = passkey.counter;
    if (ok) {
      try {
        const v = await verifyAuthenticationResponse({
          response: response as AuthenticationResponseJSON,
          expectedChallenge: challenge!,
          expectedOrigin: rp.origins,
          expectedRPID: rp.rpIds,
          credential: { id: passkey.id, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: passkey.counter, transports: passkey.transports as AuthenticatorTransportFuture[] },
          requireUserVerification: true,
        });
        ok = v.verified;
        newCounter = v.authenticationInfo.newCounter;
      } catch {
        ok = false;
      }
    }
    // The counter is written only if no other sign-in moved it meanwhile (a replayed assertion
    // racing the original cannot pass twice).
    if (ok) ok = await this.repo.used(passkey.id, passkey.counter, newCounter);
    if (!ok) {
      await recordFailure(this.store, account, { ip: meta.ip, now: meta.now, detail: { method: 'passkey', passkey: passkey.id } });
      throw failed();
    }
    return startSession(this.store, account, { ip: meta.ip, userAgent: meta.userAgent, now: meta.now, detail: { method: 'passkey', passkey: passkey.name } });
  }
}
