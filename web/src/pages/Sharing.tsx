/** Placeholder: the page is being written. */
export function Sharing({ personId }: { personId: string }) {
  void personId;
  return <h1>Share with a provider</h1>;
}
