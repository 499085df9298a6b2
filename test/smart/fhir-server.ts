/**
 * A small real FHIR R4 server on 127.0.0.1 for the SMART client's tests: SMART discovery, a
 * CapabilityStatement, search by patient with `_count` paging (`next` links) and
 * `_lastUpdated=gt…`, optional Patient/$everything, Binary downloads, bearer tokens checked
 * against the OAuth server's JWKS, and injectable faults (429/503/500, HTML, dropped tokens).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';

type Json = Record<string, any>;

export interface Fault {
  /** Matched against path + query. */
  match: RegExp;
  /** HTTP status, or 'html' for a 200 HTML login page. */
  respond: number | 'html';
  times: number;
  retryAfter?: string;
}

export interface FhirServerOptions {
  authorizeUrl: string;
  tokenUrl: string;
  jwks: () => JSONWebKeySet;
  /** 'v2' / 'v1' SMART configuration, or 'none': 404 there, OAuth URIs only in the CapabilityStatement. */
  smart?: 'v1' | 'v2' | 'none';
  everything?: boolean;
  /** RFC 7009 revocation endpoint to list in the SMART configuration. */
  revokeUrl?: string;
}

const OLD = '2024-01-01T00:00:00.000Z';
export const PATIENT_ID = 'p1';
export const NOTE_TEXT = 'Visit note: patient doing well. Continue metformin 500 mg twice daily.\n';

export function fixtureResources(): Json[] {
  const meta = { lastUpdated: OLD };
  const subject = { reference: `Patient/${PATIENT_ID}` };
  const obs = (id: string, code: string, display: string, value: number, unit: string, date: string) => ({
    resourceType: 'Observation', id, meta, status: 'final', subject, effectiveDateTime: date,
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code, display }], text: display },
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  });
  const cond = (id: string, code: string, display: string, onset: string) => ({
    resourceType: 'Condition', id, meta, subject, onsetDateTime: onset,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    code: { coding: [{ system: 'http://snomed.info/sct', code, display }], text: display },
  });
  const med = (id: string, code: string, display: string) => ({
    resourceType: 'MedicationRequest', id, meta, subject, status: 'active', intent: 'order', authoredOn: '2023-05-01',
    medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code, display }], text: display },
  });
  return [
    { resourceType: 'Patient', id: PATIENT_ID, meta, name: [{ family: 'Testperson', given: ['Ada'] }], gender: 'female', birthDate: '1970-01-01', identifier: [{ system: 'urn:oid:1.2.3.4', value: 'MRN-1' }] },
    obs('o1', '2345-7', 'Glucose', 105, 'mg/dL', '2023-01-10'),
    obs('o2', '4548-4', 'Hemoglobin A1c', 6.9, '%', '2023-01-10'),
    obs('o3', '2345-7', 'Glucose', 98, 'mg/dL', '2023-06-10'),
    obs('o4', '4548-4', 'Hemoglobin A1c', 6.5, '%', '2023-06-10'),
    obs('o5', '2093-3', 'Cholesterol', 190, 'mg/dL', '2023-06-10'),
    cond('c1', '44054006', 'Type 2 diabetes mellitus', '2019-03-01'),
    cond('c2', '38341003', 'Hypertension', '2018-07-01'),
    cond('c3', '55822004', 'Hyperlipidemia', '2020-02-01'),
    med('m1', '860975', 'Metformin 500 mg tablet'),
    med('m2', '314076', 'Lisinopril 10 mg tablet'),
    med('m3', '617312', 'Atorvastatin 10 mg tablet'),
    {
      resourceType: 'DocumentReference', id: 'd1', meta, status: 'current', subject, date: '2023-06-10T10:00:00Z',
      type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] },
      content: [{ attachment: { contentType: 'text/plain', url: 'Binary/b1', title: 'Visit note' } }],
    },
  ];
}

export class FixtureFhirServer {
  base = '';
  readonly resources: Json[] = fixtureResources();
  readonly binaries = new Map<string, { contentType: string; bytes: Buffer }>([['b1', { contentType: 'text/plain', bytes: Buffer.from(NOTE_TEXT) }]]);
  readonly requests: Array<{ path: string; authorized: boolean; status: number }> = [];
  faults: Fault[] = [];
  /** Milliseconds every request waits before its answer (a slow portal: a sync lasts long enough to be interrupted). */
  delayMs = 0;
  /** Access tokens refused from now on (as if expired or revoked at the server). */
  readonly refusedTokens = new Set<string>();
  /** Access tokens the authorization server has issued (filled in by the test peers). */
  readonly issuedTokens = new Set<string>();
  /** Tokens sent to `/revoke` (RFC 7009, form-encoded), with their hint, in order. */
  readonly revocations: Array<{ token: string; hint?: string; clientId?: string }> = [];
  private server?: http.Server;
  private readonly pending = new Set<http.ServerResponse>();

  constructor(readonly opts: FhirServerOptions) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/fhir+json' });
        res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: String(err) }] }));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/fhir`;
    return this;
  }

  async stop(): Promise<void> {
    for (const r of this.pending) r.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Every access token issued so far stops working (expired, from the client's side). */
  expireTokens(): void {
    for (const t of this.issuedTokens) this.refusedTokens.add(t);
  }

  add(resource: Json): void {
    this.resources.push({ ...resource, meta: { lastUpdated: new Date().toISOString() } });
  }

  private send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'application/fhir+json', ...headers });
    res.end(JSON.stringify(body));
  }

  private async authorized(req: http.IncomingMessage): Promise<boolean> {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!m) return false;
    if (this.refusedTokens.has(m[1])) return false;
    try {
      await jwtVerify(m[1], createLocalJWKSet(this.opts.jwks()));
      return true;
    } catch {
      return false;
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = url.pathname.replace(/^\/fhir/, '') || '/';
    const pathQuery = rel + url.search;
    const log = { path: decodeURIComponent(pathQuery), authorized: false, status: 200 };
    this.requests.push(log);
    res.on('finish', () => (log.status = res.statusCode));
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));

    if (rel === '/revoke' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += String(chunk);
      const form = new URLSearchParams(body);
      this.revocations.push({ token: form.get('token') ?? '', hint: form.get('token_type_hint') ?? undefined, clientId: form.get('client_id') ?? undefined });
      res.writeHead(200).end();
      return;
    }
    if (rel === '/slow-token') {
      this.pending.add(res); // never answered: the client must time out
      return;
    }
    const fault = this.faults.find((f) => f.times > 0 && f.match.test(log.path));
    if (fault) {
      fault.times--;
      if (fault.respond === 'html') {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<!DOCTYPE html><html><body><h1>Sign in to MyChart</h1></body></html>');
        return;
      }
      return this.send(res, fault.respond, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: `injected ${fault.respond}` }] }, fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {});
    }
    if (rel === '/.well-known/smart-configuration') {
      if (this.opts.smart === 'none') return this.send(res, 404, { error: 'not found' });
      const v2 = this.opts.smart !== 'v1';
      return this.send(res, 200, {
        authorization_endpoint: this.opts.authorizeUrl,
        token_endpoint: this.opts.tokenUrl,
        ...(this.opts.revokeUrl ? { revocation_endpoint: this.opts.revokeUrl } : {}),
        code_challenge_methods_supported: ['S256'],
        capabilities: ['launch-standalone', 'client-public', 'context-standalone-patient', 'permission-offline', 'permission-patient', v2 ? 'permission-v2' : 'permission-v1'],
        scopes_supported: ['openid', 'fhirUser', 'launch/patient', 'offline_access', v2 ? 'patient/*.rs' : 'patient/*.read'],
      }, { 'Content-Type': 'application/json' });
    }
    if (rel === '/metadata') return this.send(res, 200, this.capabilityStatement());
    log.authorized = await this.authorized(req);
    if (!log.authorized) return this.send(res, 401, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login', diagnostics: 'invalid or expired token' }] }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });

    const bin = /^\/Binary\/([^/]+)$/.exec(rel);
    if (bin) {
      const b = this.binaries.get(bin[1]);
      if (!b) return this.send(res, 404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
      res.writeHead(200, { 'Content-Type': b.contentType });
      res.end(b.bytes);
      return;
    }
    const everything = /^\/Patient\/([^/]+)\/\$everything$/.exec(rel);
    if (everything && this.opts.everything) {
      const since = url.searchParams.get('_since');
      const list = this.resources.filter((r) => (r.resourceType === 'Patient' ? r.id === everything[1] : r.subject?.reference === `Patient/${everything[1]}`)).filter((r) => !since || Date.parse(r.meta.lastUpdated) > Date.parse(since));
      return this.send(res, 200, this.page(list, url));
    }
    const type = /^\/([A-Z][A-Za-z]+)$/.exec(rel)?.[1];
    if (type && req.method === 'GET') {
      let list = this.resources.filter((r) => r.resourceType === type);
      const id = url.searchParams.get('_id');
      const patient = url.searchParams.get('patient');
      if (id) list = list.filter((r) => r.id === id);
      if (patient) list = list.filter((r) => r.subject?.reference === `Patient/${patient}`);
      const lu = url.searchParams.get('_lastUpdated');
      if (lu) {
        const m = /^gt(.+)$/.exec(lu);
        if (!m) return this.send(res, 400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: 'only gt is supported' }] });
        list = list.filter((r) => Date.parse(r.meta.lastUpdated) > Date.parse(m[1]));
      }
      return this.send(res, 200, this.page(list, url));
    }
    return this.send(res, 404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported', diagnostics: `no route ${rel}` }] });
  }

  /** One searchset page; per-request envelope parts (id, meta, timestamp) differ on every call, as on real servers. */
  private page(all: Json[], url: URL): Json {
    const count = Number(url.searchParams.get('_count') ?? 50);
    const offset = Number(url.searchParams.get('_offset') ?? 0);
    const sorted = [...all].sort((a, b) => `${a.resourceType}/${a.id}`.localeCompare(`${b.resourceType}/${b.id}`));
    const slice = sorted.slice(offset, offset + count);
    const link = [{ relation: 'self', url: `${this.base}${url.pathname.replace(/^\/fhir/, '')}${url.search}` }];
    if (offset + count < sorted.length) {
      const next = new URL(url.href);
      next.searchParams.set('_offset', String(offset + count));
      link.push({ relation: 'next', url: `${this.base}${next.pathname.replace(/^\/fhir/, '')}${next.search}` });
    }
    return {
      resourceType: 'Bundle', id: Math.random().toString(36).slice(2), meta: { lastUpdated: new Date().toISOString() }, type: 'searchset', total: sorted.length, link,
      entry: slice.map((r) => ({ fullUrl: `${this.base}/${r.resourceType}/${r.id}`, resource: r, search: { mode: 'match' } })),
    };
  }

  private capabilityStatement(): Json {
    const types = ['Patient', 'AllergyIntolerance', 'Condition', 'DocumentReference', 'MedicationRequest', 'Observation', 'Binary'];
    return {
      resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['json'], date: '2024-01-01',
      rest: [{
        mode: 'server',
        security: { extension: [{ url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris', extension: [{ url: 'authorize', valueUri: this.opts.authorizeUrl }, { url: 'token', valueUri: this.opts.tokenUrl }] }] },
        resource: types.map((type) => ({
          type, interaction: [{ code: 'read' }, { code: 'search-type' }],
          ...(type === 'Patient' && this.opts.everything ? { operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }] } : {}),
        })),
      }],
    };
  }
}
