/** Placeholder: the page is being written. */
export function Answers({ personId }: { personId: string }) {
  void personId;
  return <h1>Answers to your doctor's questions</h1>;
}
