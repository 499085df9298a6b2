/**
 * Where passkeys are valid (the WebAuthn relying party): the origins the browser may show
 * Vessel at, and their host names as RP IDs. A passkey is bound to its RP ID by the
 * authenticator and the browser checks the page's origin, so these must be the address the
 * user types, not whatever a request's Host header claims.
 *
 * - VESSEL_ORIGIN (e.g. `https://vessel.home.example`, several separated by commas): behind a
 *   TLS proxy or on a LAN name, the configured public address.
 * - Otherwise the listening address: on loopback, http(s)://127.0.0.1, localhost and [::1] on
 *   the port served (browsers treat loopback as a secure context); on another host name,
 *   that name with the server's scheme and port.
 */
export interface RelyingParty {
  /** Every origin a ceremony may come from. */
  origins: string[];
  /** Their host names (RP IDs). */
  rpIds: string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The host name of an origin as WebAuthn uses it for the RP ID (IPv6 without brackets). */
export function rpIdOf(origin: string): string {
  return new URL(origin).hostname.replace(/^\[(.*)\]$/, '$1');
}

export function relyingParty(p: { configured?: string; host: string; port: number; secure: boolean }): RelyingParty {
  const scheme = p.secure ? 'https' : 'http';
  let origins: string[];
  if (p.configured?.trim()) {
    origins = p.configured
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const u = new URL(s);
        if (u.protocol !== 'https:' && !LOOPBACK.has(u.hostname)) throw new Error(`VESSEL_ORIGIN ${s}: passkeys need https (or a loopback address)`);
        return u.origin;
      });
  } else if (LOOPBACK.has(p.host) || p.host === '0.0.0.0' || p.host === '::') {
    // All interfaces without a configured public address: only loopback is known to be right.
    origins = ['127.0.0.1', 'localhost', '[::1]'].map((h) => new URL(`${scheme}://${h}:${p.port}`).origin);
  } else {
    const host = p.host.includes(':') ? `[${p.host}]` : p.host;
    origins = [new URL(`${scheme}://${host}:${p.port}`).origin];
  }
  return { origins, rpIds: [...new Set(origins.map(rpIdOf))] };
}

/**
 * The RP ID for a ceremony started from `origin` (the request's Origin header): its host when
 * it is one of ours, else the first configured one (the ceremony will then fail in the
 * browser, which is right: a page elsewhere must not get Vessel's passkeys).
 */
export function rpIdFor(rp: RelyingParty, origin: string | undefined): string {
  if (origin && rp.origins.includes(origin)) return rpIdOf(origin);
  return rpIdOf(rp.origins[0]);
}
