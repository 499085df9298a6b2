/**
 * What a FHIR server offers: its OAuth endpoints (`.well-known/smart-configuration`, falling
 * back to the CapabilityStatement's security extension), which scope syntax it speaks (SMART
 * v2 `patient/*.rs` or v1 `patient/*.read`), which resource types it serves and whether it
 * runs Patient/$everything.
 */
import { readJson, request, SmartError } from './http.js';
import type { SmartOptions } from './options.js';

/** The US Core types fetched by search when $everything is not offered (Patient first). */
export const US_CORE_TYPES = [
  'Patient', 'AllergyIntolerance', 'CarePlan', 'CareTeam', 'Condition', 'Coverage', 'Device', 'DiagnosticReport', 'DocumentReference',
  'Encounter', 'Goal', 'Immunization', 'MedicationRequest', 'Observation', 'Procedure', 'ServiceRequest',
] as const;

export interface ServerInfo {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  scopeVersion: 'v1' | 'v2';
  everything: boolean;
  /** Types to search, in order; the server's list when it published one. */
  types: string[];
  /** Where the endpoints came from. */
  discoveredBy: 'smart-configuration' | 'capability-statement';
  /** RFC 7009 token revocation, when the SMART configuration lists one: used when a connection is removed. */
  revocationEndpoint?: string;
}

const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';

/** Base URL without a trailing slash; only http(s). */
export function normalizeBase(input: string): string {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    throw new SmartError(`"${input}" is not a URL`, 'unsafe-url');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new SmartError(`"${input}" is not an http(s) URL`, 'unsafe-url');
  u.hash = '';
  u.search = '';
  return u.href.replace(/\/+$/, '');
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** v2 when the server says so (capability or a v2-shaped scope), else v1. */
export function chooseScopeVersion(smartConfig: Record<string, unknown> | undefined): 'v1' | 'v2' {
  if (!smartConfig) return 'v1';
  const caps = strings(smartConfig.capabilities);
  const scopes = strings(smartConfig.scopes_supported);
  if (caps.includes('permission-v2') || scopes.some((s) => /^(patient|user|system)\/[^.]+\.c?r?u?d?s?$/.test(s) && !/\.(read|write|\*)$/.test(s))) return 'v2';
  return 'v1';
}

export function scopeFor(version: 'v1' | 'v2'): string {
  return `launch/patient openid fhirUser offline_access ${version === 'v2' ? 'patient/*.rs' : 'patient/*.read'}`;
}

export async function discover(base: string, opts: SmartOptions): Promise<ServerInfo> {
  const get = async (path: string, what: string) => {
    const res = await request(`${base}/${path}`, { headers: { Accept: 'application/fhir+json, application/json' } }, { what, timeoutMs: opts.timeoutMs, retry: opts });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new SmartError(`${what}: HTTP ${res.status}`, 'status', res.status);
    }
    return readJson(res, what);
  };
  let smart: Record<string, unknown> | undefined;
  let smartError: Error | undefined;
  try {
    smart = await get('.well-known/smart-configuration', 'SMART configuration');
  } catch (err) {
    smartError = err as Error;
  }
  let cap: Record<string, unknown> | undefined;
  let capError: Error | undefined;
  try {
    cap = await get('metadata', 'CapabilityStatement');
    if (cap.resourceType !== 'CapabilityStatement') throw new SmartError(`CapabilityStatement: ${base}/metadata returned ${String(cap.resourceType ?? 'something else')}`, 'not-json');
  } catch (err) {
    capError = err as Error;
    cap = undefined;
  }
  const rest = (Array.isArray(cap?.rest) ? (cap!.rest as Array<Record<string, unknown>>) : []).find((r) => r.mode === 'server') ?? (cap?.rest as Array<Record<string, unknown>> | undefined)?.[0];
  let authorizationEndpoint = str(smart?.authorization_endpoint);
  let tokenEndpoint = str(smart?.token_endpoint);
  let discoveredBy: ServerInfo['discoveredBy'] = 'smart-configuration';
  if (!authorizationEndpoint || !tokenEndpoint) {
    const ext = ((rest?.security as Record<string, unknown> | undefined)?.extension as Array<Record<string, unknown>> | undefined)?.find((e) => e.url === OAUTH_URIS);
    const sub = (ext?.extension as Array<Record<string, unknown>> | undefined) ?? [];
    authorizationEndpoint = str(sub.find((e) => e.url === 'authorize')?.valueUri);
    tokenEndpoint = str(sub.find((e) => e.url === 'token')?.valueUri);
    discoveredBy = 'capability-statement';
  }
  if (!authorizationEndpoint || !tokenEndpoint) {
    const why = [smartError?.message, capError?.message].filter(Boolean).join('; ');
    throw new SmartError(`${base} does not say where to authorize: no SMART configuration and no OAuth URIs in its CapabilityStatement${why ? ` (${why})` : ''}`, smartError instanceof SmartError ? smartError.kind : 'status');
  }
  const resources = Array.isArray(rest?.resource) ? (rest!.resource as Array<Record<string, unknown>>) : [];
  const offered = new Set(resources.map((r) => String(r.type)));
  const patient = resources.find((r) => r.type === 'Patient');
  const ops = [...(Array.isArray(patient?.operation) ? (patient!.operation as Array<Record<string, unknown>>) : []), ...(Array.isArray(rest?.operation) ? (rest!.operation as Array<Record<string, unknown>>) : [])];
  const everything = ops.some((o) => o.name === 'everything' || /\/OperationDefinition\/Patient-everything$/.test(String(o.definition ?? '')));
  const info: ServerInfo = {
    authorizationEndpoint,
    tokenEndpoint,
    scopeVersion: chooseScopeVersion(smart),
    everything,
    types: offered.size ? US_CORE_TYPES.filter((t) => offered.has(t)) : [...US_CORE_TYPES],
    discoveredBy,
  };
  const revocation = str(smart?.revocation_endpoint);
  if (revocation && /^https?:\/\//.test(revocation)) info.revocationEndpoint = revocation;
  return info;
}
