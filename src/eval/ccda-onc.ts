/** Placeholder until the ONC intended-content comparison is written. */
import type { Resource } from '@medplum/fhirtypes';
export function oncIntended(_docs: Array<{ file: string; text: string; resources: Resource[] }>): unknown {
  return undefined;
}
