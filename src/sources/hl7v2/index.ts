/**
 * The HL7 v2 adapter: one message or a batch (FHS/BHS … BTS/FTS, several MSH) → FHIR R4.
 * Parsing (parse.ts) is separate from mapping (one mapper per message family, message.ts).
 * Never throws for bad input: a message without MSH or with bad delimiters is an error issue,
 * the other messages of the batch are kept.
 */
import type { Extraction, SourceAdapter, SourceInput } from '../../core/types.js';
import { mapMessage } from './message.js';
import { parseHl7 } from './parse.js';
import { pushAll } from '../../core/arrays.js';

/** Bytes → text: UTF-8 when valid, else Latin-1 (common for 8859/1 senders). */
export function decodeText(bytes: Uint8Array): { text: string; charset: 'utf-8' | 'latin1' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('latin1').decode(bytes), charset: 'latin1' };
  }
}

/** Maps HL7 v2 text (one message or a batch) to an Extraction. Pure. */
export function extractHl7(text: string): Extraction {
  const out: Extraction = { resources: [], issues: [], pages: [], children: [], subjects: {} };
  const parsed = parseHl7(text);
  if (!parsed.messages.length) {
    out.issues.push({ severity: 'error', code: 'no-message', message: 'no HL7 v2 message found (no MSH segment)' });
  }
  let nextPage = 1;
  for (const msg of parsed.messages) {
    if (msg.error) {
      out.issues.push({ severity: 'error', code: 'bad-message', message: `message ${msg.index} (line ${msg.line}): ${msg.error}; message skipped`, location: { line: msg.line } });
      continue;
    }
    try {
      const { ctx, subjects } = mapMessage(msg, nextPage);
      nextPage = ctx.nextPage;
      pushAll(out.resources, ctx.resources);
      pushAll(out.issues, ctx.issues);
      pushAll(out.pages!, ctx.pages);
      pushAll(out.children!, ctx.children);
      Object.assign(out.subjects!, subjects);
    } catch (err) {
      // A mapper bug must not lose the batch: report it against this message only.
      out.issues.push({ severity: 'error', code: 'map-failed', message: `message ${msg.index} (line ${msg.line}, ${msg.type}^${msg.trigger}): could not be mapped: ${err instanceof Error ? err.message : String(err)}`, location: { line: msg.line } });
    }
  }
  const first = parsed.messages.find((m) => !m.error);
  if (first) {
    const msh = first.segments[0];
    const d = first.delimiters;
    const date = msh.fields[7]?.split(d.component)[0];
    const facility = msh.fields[4]?.split(d.component)[0];
    out.label = {
      type: `hl7v2 ${first.type}${first.trigger ? `^${first.trigger}` : ''}`,
      ...(date && /^\d{8}/.test(date) ? { date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}` } : {}),
      ...(facility ? { facility } : {}),
    };
  }
  if (!out.pages!.length) delete out.pages;
  if (!out.children!.length) delete out.children;
  if (!Object.keys(out.subjects!).length) delete out.subjects;
  return out;
}

/** Returns one Extraction (never a stream): HL7 v2 inputs are small. */
export interface Hl7v2Adapter extends SourceAdapter {
  extract(input: SourceInput): Promise<Extraction>;
}

export const hl7v2Adapter: Hl7v2Adapter = {
  name: 'hl7v2',
  formats: ['hl7v2'],
  async extract(input: SourceInput): Promise<Extraction> {
    let bytes: Buffer;
    try {
      bytes = await input.bytes();
    } catch (err) {
      return { resources: [], issues: [{ severity: 'error', code: 'read-failed', message: `reading ${input.filename} failed: ${err instanceof Error ? err.message : String(err)}` }] };
    }
    const { text, charset } = decodeText(bytes);
    const e = extractHl7(text);
    if (charset === 'latin1') e.issues.unshift({ severity: 'information', code: 'charset', message: 'the file is not valid UTF-8; read as Latin-1 (ISO 8859-1)' });
    return e;
  },
};
