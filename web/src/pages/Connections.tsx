/** Placeholder: the page is being written. */
export function Connections() {
  return <h1>Connections to patient portals</h1>;
}
