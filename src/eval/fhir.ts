/**
 * `vessel eval fhir`: every .json/.ndjson file under `<corpus>/fhir/**` through detectFormat and
 * the FHIR adapter. Scored at the adapter level: "stored" = emitted by the adapter, "rejected" =
 * reported as an invalid resource (or unparsable NDJSON line) with its reason.
 *
 * References are scored per import set = one source folder (`fhir/<source>/`, e.g. one bulk
 * export or one Apple Health folder), because bulk exports and example sets refer across files.
 * A reference is *resolvable* when a resource of the set answers to it (checked here by a plain
 * lookup independent of the adapter's resolver); it is *resolved* when `ReferenceIndex` maps it to
 * that same resource. The same figures within a single file are reported as `*_in_file`.
 * Every stored resource is also checked against the R4 StructureDefinitions (`resources_valid_r4`).
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Identifier, Resource } from '@medplum/fhirtypes';
import type { Extraction } from '../core/types.js';
import { collectParts, detectFile, fileInput } from '../sources/fhir/file-input.js';
import { fhirAdapter } from '../sources/fhir/index.js';
import { forEachReference, ReferenceIndex, resolveReferences } from '../sources/fhir/references.js';
import type { EvalOptions, EvalReport, EvalSuite } from './types.js';
import { listCorpusFiles } from './corpus-files.js';
import { r4Validator } from '../sources/fhir/r4-structure.js';

type Counts = { in: number; stored: number; rejected: number };

/** Types that always belong to one patient: each stored one should be attached to a person. */
const CLINICAL = new Set(['Observation', 'Condition', 'MedicationRequest', 'MedicationStatement', 'Immunization', 'Procedure', 'Encounter', 'DiagnosticReport', 'AllergyIntolerance', 'DocumentReference', 'CarePlan', 'Goal', 'Claim', 'ExplanationOfBenefit', 'Coverage', 'Patient']);

const walk = (dir: string): string[] => listCorpusFiles(dir, (name) => /\.(nd)?json$/i.test(name));

/**
 * The names a resource answers to, built without the adapter's resolver (the oracle). The same
 * Type/id or fullUrl may occur twice (one resource exported in two files): any of them is a
 * right target. A conditional reference must match exactly one resource.
 */
class Oracle {
  private names = new Map<string, number[]>();
  private put(k: string, i: number) {
    const list = this.names.get(k);
    if (!list) this.names.set(k, [i]);
    else if (!list.includes(i)) list.push(i);
  }
  add(i: number, r: Resource, fullUrl?: string) {
    if (fullUrl) this.put(fullUrl, i);
    if (r.id) this.put(`${r.resourceType}/${r.id}`, i);
    // Most types hold a list of identifiers; a few (AdverseEvent, QuestionnaireResponse, Bundle…) hold one.
    const given = (r as { identifier?: Identifier | Identifier[] }).identifier;
    for (const id of Array.isArray(given) ? given : given ? [given] : []) {
      if (id?.value) this.put(`${r.resourceType}?identifier=${id.system ?? ''}|${id.value}`, i);
    }
  }
  /** The resources a reference may rightly resolve to (empty: not in the input, or ambiguous). */
  targets(ref: string): number[] {
    const plain = ref.split('/_history/')[0];
    const q = plain.indexOf('?identifier=');
    if (q > 0) {
      let value = plain.slice(q + 12);
      try {
        value = decodeURIComponent(value);
      } catch {
        // keep as written
      }
      const hits = this.names.get(`${plain.slice(0, q)}?identifier=${value.includes('|') ? value : `|${value}`}`) ?? [];
      return hits.length === 1 ? hits : [];
    }
    if (this.names.has(plain)) return this.names.get(plain)!;
    const parts = plain.split('/');
    return parts.length >= 2 ? (this.names.get(`${parts[parts.length - 2]}/${parts[parts.length - 1]}`) ?? []) : [];
  }
}

interface SetState {
  index: ReferenceIndex;
  oracle: Oracle;
  refs: Array<{ ref: string; context?: string }>;
  n: number;
}

const loadR4Validator = r4Validator;

export async function runFhirEval(corpusDir: string, opts: EvalOptions = {}): Promise<EvalReport & { table?: string }> {
  const root = join(corpusDir, 'fhir');
  const report: EvalReport & { table?: string } = { suite: 'fhir', corpus: corpusDir, documents: 0, failed: 0, crashes: 0, metrics: {} };
  if (!existsSync(root)) {
    report.metrics = { error: `no fhir/ folder under ${corpusDir}` };
    return report;
  }
  let files = walk(root);
  if (opts.limit) files = files.slice(0, opts.limit);
  const byType: Record<string, Counts> = {};
  const bump = (t: string, k: 'stored' | 'rejected') => {
    const c = (byType[t] ??= { in: 0, stored: 0, rejected: 0 });
    c.in++;
    c[k]++;
  };
  const skipped: Array<{ file: string; format: string }> = [];
  const crashed: Array<{ file: string; error: string }> = [];
  const rejections: string[] = [];
  const issuesByCode: Record<string, number> = {};
  const sets = new Map<string, SetState>();
  const validR4 = await loadR4Validator();
  let valid = 0;
  const invalidExamples: string[] = [];
  let children = 0;
  let clinical = 0;
  let attached = 0;
  let pages = 0;
  let inFile = { resolvable: 0, resolved: 0 };
  let contained = { total: 0, resolved: 0 };

  for (const file of files) {
    const rel = relative(root, file);
    const setName = rel.includes(sep) ? rel.split(sep)[0] : '.';
    const set = sets.get(setName) ?? { index: new ReferenceIndex(), oracle: new Oracle(), refs: [], n: 0 };
    sets.set(setName, set);
    const format = detectFile(file);
    if (format !== 'fhir-json' && format !== 'fhir-ndjson' && format !== 'fhir-xml') {
      skipped.push({ file: rel, format });
      continue;
    }
    report.documents++;
    if (opts.verbose) process.stderr.write(`fhir: ${rel}\n`);
    let parts: Extraction[];
    try {
      parts = await collectParts(fhirAdapter.extract(fileInput(file, format)));
    } catch (err) {
      report.crashes++;
      crashed.push({ file: rel, error: err instanceof Error ? err.message : String(err) });
      continue;
    }
    let stored = 0;
    let errors = 0;
    const fileItems: Array<{ resource: Resource; fullUrl?: string }> = [];
    for (const p of parts) {
      for (const r of p.resources) {
        bump(r.resource.resourceType, 'stored');
        const problem = validR4(r.resource);
        if (!problem) valid++;
        else if (invalidExamples.length < 20) invalidExamples.push(`${rel} ${r.resource.resourceType}/${r.resource.id ?? ''}: ${problem.slice(0, 300)}`);
        if (CLINICAL.has(r.resource.resourceType)) {
          clinical++;
          if (r.subject !== undefined && p.subjects?.[r.subject]) attached++;
        }
        const i = set.n++;
        set.index.add(i, r.resource, r.fullUrl);
        set.oracle.add(i, r.resource, r.fullUrl);
        forEachReference(r.resource, (ref) => {
          if (!ref.startsWith('#')) set.refs.push({ ref, context: r.fullUrl });
        });
        fileItems.push({ resource: r.resource, fullUrl: r.fullUrl });
      }
      stored += p.resources.length;
      children += p.children?.length ?? 0;
      pages += p.pages?.length ?? 0;
      for (const issue of p.issues) {
        issuesByCode[issue.code] = (issuesByCode[issue.code] ?? 0) + 1;
        if (issue.severity === 'error') errors++;
        if (issue.code === 'invalid-resource' || issue.code === 'duplicate-resource' || (issue.code === 'invalid-json' && issue.location?.line !== undefined)) {
          bump(issue.code === 'invalid-json' ? '(unparsable line)' : /^([A-Za-z]+|\(no resourceType\))/.exec(issue.message)?.[1] ?? '(unknown)', 'rejected');
          if (rejections.length < 30) rejections.push(`${rel}: ${issue.message}`);
        } else if (issue.severity === 'error' && rejections.length < 30) rejections.push(`${rel}: ${issue.message}`);
      }
    }
    if (stored === 0 && errors > 0) report.failed++;
    // Within the file: what the pipeline can rewrite from this one extraction.
    const within = resolveReferences(fileItems);
    const oracle = new Oracle();
    fileItems.forEach((it, i) => oracle.add(i, it.resource, it.fullUrl));
    for (const l of within.links) {
      if (l.kind === 'contained') continue;
      const ts = oracle.targets(l.reference);
      if (!ts.length) continue;
      inFile.resolvable++;
      if (l.target !== undefined && ts.includes(l.target)) inFile.resolved++;
    }
    contained = { total: contained.total + within.contained, resolved: contained.resolved + within.containedResolved };
  }

  // Within each import set (source folder).
  let resolvable = 0;
  let resolved = 0;
  let dangling = 0;
  const unresolvedForms: Record<string, number> = {};
  const unresolvedExamples: string[] = [];
  for (const set of sets.values()) {
    for (const { ref, context } of set.refs) {
      const ts = set.oracle.targets(ref);
      if (!ts.length) {
        dangling++;
        const form = ref.startsWith('urn:') ? 'urn' : ref.includes('?') ? 'conditional' : /^https?:/.test(ref) ? 'absolute' : 'relative';
        unresolvedForms[form] = (unresolvedForms[form] ?? 0) + 1;
        if (unresolvedExamples.length < 10) unresolvedExamples.push(ref);
        continue;
      }
      resolvable++;
      const got = set.index.resolve(ref, context);
      if (got !== undefined && ts.includes(got)) resolved++;
    }
  }

  const total = (k: keyof Counts) => Object.values(byType).reduce((s, c) => s + c[k], 0);
  report.metrics = {
    resources_in: total('in'),
    resources_stored: total('stored'),
    resources_rejected: total('rejected'),
    resources_valid_r4: valid,
    invalid_r4_examples: invalidExamples,
    references_resolvable: resolvable,
    references_resolved: resolved,
    references_not_in_input: dangling,
    references_not_in_input_by_form: unresolvedForms,
    references_not_in_input_examples: unresolvedExamples,
    references_resolvable_in_file: inFile.resolvable,
    references_resolved_in_file: inFile.resolved,
    references_contained: contained.total,
    references_contained_resolved: contained.resolved,
    clinical_resources: clinical,
    clinical_resources_with_person: attached,
    attachments_to_vault: children,
    text_pages: pages,
    issues_by_code: issuesByCode,
    files_skipped: skipped,
    crashed,
    rejections,
    by_type: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => a.localeCompare(b))),
  };
  report.table = table(byType, report);
  return report;
}

function table(byType: Record<string, Counts>, r: EvalReport): string {
  const m = r.metrics as Record<string, number>;
  const rows = Object.entries(byType).sort(([, a], [, b]) => b.in - a.in);
  const w = Math.max(12, ...rows.map(([t]) => t.length));
  const line = (a: string, b: unknown, c: unknown, d: unknown) => `${a.padEnd(w)}  ${String(b).padStart(7)}  ${String(c).padStart(7)}  ${String(d).padStart(8)}`;
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  return [
    line('resourceType', 'in', 'stored', 'rejected'),
    ...rows.map(([t, c]) => line(t, c.in, c.stored, c.rejected)),
    line('TOTAL', m.resources_in, m.resources_stored, m.resources_rejected),
    '',
    `stored resources valid R4 (official StructureDefinitions): ${m.resources_valid_r4}/${m.resources_stored} (${pct(m.resources_valid_r4, m.resources_stored)})`,
    `files: ${r.documents} FHIR, ${(r.metrics.files_skipped as unknown[]).length} skipped (not FHIR), ${r.failed} failed, ${r.crashes} crashes`,
    `references in import set: ${m.references_resolved}/${m.references_resolvable} resolvable resolved (${pct(m.references_resolved, m.references_resolvable)}), ${m.references_not_in_input} point outside the input`,
    `references within one file: ${m.references_resolved_in_file}/${m.references_resolvable_in_file} (${pct(m.references_resolved_in_file, m.references_resolvable_in_file)}); contained: ${m.references_contained_resolved}/${m.references_contained}`,
    `clinical resources attached to a person: ${m.clinical_resources_with_person}/${m.clinical_resources} (${pct(m.clinical_resources_with_person, m.clinical_resources)})`,
    `attachments to vault: ${m.attachments_to_vault}, text pages: ${m.text_pages}`,
  ].join('\n');
}

export const suite: EvalSuite = {
  name: 'fhir',
  description: 'FHIR R4 imports (resources, Bundles, NDJSON, DSTU2): resources in/stored/rejected per type, references resolved',
  category: 'fhir',
  run: runFhirEval,
};
