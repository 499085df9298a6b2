/** The eval suites by name. Each channel adds one line. */
import type { EvalSuite } from './types.js';
import { suite as fhirSuite } from './fhir.js';

const suites: EvalSuite[] = [fhirSuite];

export function evalSuite(name: string): EvalSuite | undefined {
  return suites.find((s) => s.name === name);
}

export function evalSuiteNames(): string[] {
  return suites.map((s) => s.name);
}
