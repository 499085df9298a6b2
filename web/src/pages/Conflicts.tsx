/** Placeholder: the page is being written. */
export function Conflicts({ personId }: { personId: string }) {
  void personId;
  return <h1>Check merged items</h1>;
}
