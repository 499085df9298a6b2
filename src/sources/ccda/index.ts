/** The C-CDA / CDA source adapter (format 'cda-xml'). See extract.ts; docs/ccda.md for the decisions. */
import type { Extraction, SourceAdapter, SourceInput } from '../../core/types.js';
import { extractCda } from './extract.js';
import { MAX_BYTES } from './xml.js';

export const ccdaAdapter: SourceAdapter = {
  name: 'ccda',
  formats: ['cda-xml'],
  async extract(input: SourceInput): Promise<Extraction> {
    if (input.size > MAX_BYTES) return { resources: [], issues: [{ severity: 'error', code: 'too-large', message: `C-CDA larger than ${MAX_BYTES} bytes is not read` }] };
    try {
      return extractCda(await input.bytes(), input.filename);
    } catch (err) {
      return { resources: [], issues: [{ severity: 'error', code: 'internal', message: `C-CDA reader failed: ${err instanceof Error ? err.message : String(err)}` }] };
    }
  },
};

export { extractCda };
