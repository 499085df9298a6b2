/** Placeholder: the page is being written. */
export function HealthForm({ personId }: { personId: string }) {
  void personId;
  return <h1>Health history form</h1>;
}
