/** Loading and error lines, announced to screen readers. */
export function Status({ loading, error, what }: { loading?: boolean; error?: string; what: string }) {
  if (error) return <p className="error" role="alert">Could not load {what}: {error}</p>;
  if (loading) return <p className="muted" role="status">Loading {what}…</p>;
  return null;
}
