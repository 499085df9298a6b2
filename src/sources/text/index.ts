/**
 * Plain text (clinical notes from FHIR attachments, Blue Button ASCII downloads, .txt files):
 * kept readable and searchable. Pages split at form feeds, as printers and Blue Button do.
 * No structure is guessed here; structuring text belongs to the channels that know its shape.
 */
import type { Extraction, SourceAdapter } from '../../core/types.js';
import { htmlToText, looksLikeHtml } from './html.js';

/** UTF-8 when valid, else Windows-1252 (what old systems write). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function textToExtraction(text: string): Extraction {
  const pages = text
    .split('\f')
    .map((t, i) => ({ page: i + 1, text: t.replace(/\r\n?/g, '\n').trim(), method: 'plain' as const }))
    .filter((p) => p.text);
  return { resources: [], pages, issues: pages.length ? [] : [{ severity: 'warning', code: 'blank', message: 'the text file holds no text' }] };
}

export const textAdapter: SourceAdapter = {
  name: 'text',
  formats: ['text'],
  async extract(input) {
    const text = decodeText(await input.bytes());
    // HTML notes (FHIR attachments, portal downloads) are read as their visible text, never as markup.
    return textToExtraction(looksLikeHtml(input.filename, text) ? htmlToText(text) : text);
  },
};
