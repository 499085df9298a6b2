import type { SourceRef } from '../../../src/views/types.ts';
import { formatDate } from '../format.ts';
import { href } from '../router.ts';

/** "from Mercy discharge summary, 3 Mar 2019, page 2": opens the source at that spot. */
export function sourceText(s: SourceRef): string {
  const parts = [`from ${s.title ?? s.filename}`];
  if (s.date) parts.push(formatDate(s.date));
  if (s.page) parts.push(`page ${s.page}`);
  else if (s.line) parts.push(`line ${s.line}`);
  return parts.join(', ');
}

export function sourceHref(s: SourceRef, resourceId?: string): string {
  return href(['documents', s.documentId], { page: s.page, resource: resourceId });
}

export function SourceLink({ source, resourceId }: { source: SourceRef; resourceId?: string }) {
  return (
    <a className="source" href={sourceHref(source, resourceId)}>
      {sourceText(source)}
    </a>
  );
}
