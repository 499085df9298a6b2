/**
 * Sources as the doctor features name them (src/doctor: AnswerSource) shown with the app's
 * one SourceLink, so every answer and form row opens its document at the page it came from.
 */
import type { AnswerSource } from '../api.ts';
import type { SourceRef } from '../../../src/views/types.ts';
import { SourceLink } from './SourceLink.tsx';

export function toSourceRef(s: AnswerSource): SourceRef {
  const ref: SourceRef = { documentId: s.documentId, filename: s.filename };
  if (s.documentDate) ref.date = s.documentDate;
  if (s.page != null) ref.page = s.page;
  return ref;
}

/** A document link, "stated by you" for the person's own corrections, or a plain "no source". */
export function AnswerSourceLink({ source }: { source?: AnswerSource }) {
  if (!source) return <span className="source muted">no source document</span>;
  if (source.statedByYou) return <span className="source stated">stated by you</span>;
  return <SourceLink source={toSourceRef(source)} resourceId={source.resourceId} />;
}
