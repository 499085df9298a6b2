/**
 * API errors as FHIR OperationOutcome with stable codes. A 500 is logged in full and the
 * client gets only a generic message: health data must not leak through stack traces.
 */
import type { OperationOutcome } from '@medplum/fhirtypes';

export const ERRORS = {
  not_found: { status: 404, code: 'not-found' },
  unauthorized: { status: 401, code: 'login' },
  forbidden: { status: 403, code: 'forbidden' },
  conflict: { status: 409, code: 'conflict' },
  too_many: { status: 429, code: 'throttled' },
  bad_request: { status: 400, code: 'invalid' },
  too_large: { status: 413, code: 'too-costly' },
  internal: { status: 500, code: 'exception' },
} as const;

export type ErrorKey = keyof typeof ERRORS;

export class ApiError extends Error {
  constructor(
    readonly key: ErrorKey,
    message: string,
  ) {
    super(message);
  }
  get status(): number {
    return ERRORS[this.key].status;
  }
}

export function outcome(key: ErrorKey, message: string): OperationOutcome & { error: string } {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: ERRORS[key].code, diagnostics: message }],
    // A stable machine-readable key beside the FHIR shape, for the web app.
    error: key,
  };
}
