/** Previous / next page of a long list; says where the reader is. */
export function Pager({ offset, limit, total, onChange, label }: { offset: number; limit: number; total: number; onChange(offset: number): void; label: string }) {
  if (total <= limit) return null;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        Previous
      </button>
      <span aria-live="polite">
        {offset + 1}–{last} of {total}
      </span>
      <button type="button" disabled={last >= total} onClick={() => onChange(offset + limit)}>
        Next
      </button>
    </nav>
  );
}
