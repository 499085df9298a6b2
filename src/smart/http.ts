/**
 * HTTP for the SMART client: a timeout on every request, retries of 429 and 503 (and dropped
 * connections) with exponential backoff that honours Retry-After, and JSON checks that turn an
 * HTML login page or error page into a plain message. Never logs headers (they carry tokens).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { SmartOptions } from './options.js';

export type SmartErrorKind = 'network' | 'timeout' | 'status' | 'not-json' | 'invalid-grant' | 'needs-reauthorization' | 'unsafe-url';

export class SmartError extends Error {
  constructor(
    message: string,
    readonly kind: SmartErrorKind,
    readonly status?: number,
  ) {
    super(message);
  }
}

const RETRY_STATUS = new Set([429, 503]);

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

export interface RequestOptions {
  /** Short text naming what is fetched, for messages ("token endpoint", "Observation page 2"). */
  what: string;
  timeoutMs: number;
  retry?: Pick<SmartOptions, 'maxRetries' | 'backoffMs' | 'maxBackoffMs'>;
}

/** fetch with a timeout and, when `retry` is given, backoff on 429/503/network errors. */
export async function request(url: string, init: RequestInit, opts: RequestOptions): Promise<Response> {
  const max = opts.retry?.maxRetries ?? 0;
  for (let attempt = 0; ; attempt++) {
    let res: Response | undefined;
    let failure: SmartError | undefined;
    try {
      res = await fetch(url, { redirect: 'follow', ...init, signal: AbortSignal.timeout(opts.timeoutMs) });
    } catch (err) {
      const e = err as Error;
      failure =
        e.name === 'TimeoutError' || e.name === 'AbortError'
          ? new SmartError(`${opts.what}: no answer from ${new URL(url).host} within ${opts.timeoutMs / 1000} s`, 'timeout')
          : new SmartError(`${opts.what}: could not reach ${new URL(url).host} (${(e.cause as Error | undefined)?.message ?? e.message})`, 'network');
    }
    if (res && !RETRY_STATUS.has(res.status)) return res;
    if (attempt >= max || failure?.kind === 'timeout') {
      if (failure) throw failure;
      await res!.body?.cancel().catch(() => {});
      throw new SmartError(`${opts.what}: the server is busy or unavailable (HTTP ${res!.status}) after ${attempt + 1} attempts`, 'status', res!.status);
    }
    const backoff = Math.min(opts.retry!.backoffMs * 2 ** attempt, opts.retry!.maxBackoffMs);
    const asked = res ? retryAfterMs(res.headers.get('retry-after')) : undefined;
    await res?.body?.cancel().catch(() => {});
    await sleep(Math.min(Math.max(asked ?? 0, backoff), opts.retry!.maxBackoffMs));
  }
}

/** Reads a JSON body, refusing HTML and other non-JSON answers with a message that says so. */
export async function readJson(res: Response, what: string): Promise<Record<string, unknown>> {
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  const text = await res.text();
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || type.includes('text/html')) {
    throw new SmartError(`${what}: the server answered with an HTML page instead of FHIR JSON (HTTP ${res.status}); check that the address is the FHIR base URL`, 'not-json', res.status);
  }
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    return v as Record<string, unknown>;
  } catch {
    throw new SmartError(`${what}: the answer is not JSON (HTTP ${res.status}, content-type ${type || 'none'})`, 'not-json', res.status);
  }
}

/** The diagnostics of an OperationOutcome body, if that is what a server sent. */
export function outcomeText(body: Record<string, unknown>): string | undefined {
  if (body.resourceType !== 'OperationOutcome' || !Array.isArray(body.issue)) return undefined;
  return (body.issue as Array<Record<string, unknown>>)
    .map((i) => String(i.diagnostics ?? (i.details as { text?: string } | undefined)?.text ?? i.code ?? ''))
    .filter(Boolean)
    .join('; ');
}
