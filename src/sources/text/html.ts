/**
 * Readable text of an HTML note (FHIR attachments, portal downloads): scripts and styles
 * dropped, block ends as line breaks, entities decoded. Never rendered as HTML.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<(br|\/p|\/div|\/tr|\/li|\/h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const hex = e[1] === 'x' || e[1] === 'X';
      const cp = parseInt(e.slice(hex ? 2 : 1), hex ? 16 : 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

/** Whether a text file is HTML: by its name, or by how it starts. */
export function looksLikeHtml(filename: string, text: string): boolean {
  if (/\.(html?|xhtml)$/i.test(filename)) return true;
  return /^\s*(<!doctype html|<html[\s>]|<body[\s>])/i.test(text.slice(0, 512));
}
