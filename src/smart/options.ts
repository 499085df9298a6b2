/**
 * Tunables of the SMART client. Read from the environment on each use so tests and slow
 * networks can change them without new plumbing through the job queue.
 */
export interface SmartOptions {
  /** Resources per search page (`_count`). */
  pageSize: number;
  /** Timeout of one FHIR request, ms. */
  timeoutMs: number;
  /** Timeout of one token endpoint request, ms. */
  tokenTimeoutMs: number;
  /** Retries of a 429/503 (or a dropped connection) before giving up. */
  maxRetries: number;
  /** First backoff delay, ms; doubled each retry. */
  backoffMs: number;
  /** Longest single wait, including a server's Retry-After, ms. */
  maxBackoffMs: number;
  /** A connection re-syncs on its own this long after its last sync was asked for; 0 = never (VESSEL_SMART_SYNC_HOURS). */
  syncEveryMs: number;
}

const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d);

export function smartOptions(env: NodeJS.ProcessEnv = process.env): SmartOptions {
  return {
    pageSize: num(env.VESSEL_SMART_PAGE_SIZE, 100),
    timeoutMs: num(env.VESSEL_SMART_TIMEOUT_MS, 60_000),
    tokenTimeoutMs: num(env.VESSEL_SMART_TOKEN_TIMEOUT_MS, 20_000),
    maxRetries: num(env.VESSEL_SMART_MAX_RETRIES, 5),
    backoffMs: num(env.VESSEL_SMART_BACKOFF_MS, 1_000),
    maxBackoffMs: num(env.VESSEL_SMART_MAX_BACKOFF_MS, 120_000),
    // "0" or "off" turns scheduled syncs off; fractions of an hour are allowed (tests, demos).
    syncEveryMs: /^(0|off|never)$/i.test(env.VESSEL_SMART_SYNC_HOURS ?? '') ? 0 : num(env.VESSEL_SMART_SYNC_HOURS, 24) * 3_600_000,
  };
}
