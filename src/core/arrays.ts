/**
 * `target.push(...items)` passes every item as an argument: past ~125,000 items (Node 20, under
 * tsx) it throws "Maximum call stack size exceeded". A reader's output grows with its input (an
 * HL7 v2 message of 150,000 OBX, a FHIR Bundle of 150,000 entries each with an issue), so lists
 * of resources, issues, pages or children are appended with this instead.
 */
export function pushAll<T>(target: T[], items: readonly T[] | undefined): T[] {
  if (items) for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}
