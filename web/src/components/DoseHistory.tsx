import type { DoseStep } from '../../../src/views/types.ts';
import { formatDate } from '../format.ts';

/**
 * A medication's doses over time (the record's items of the same ingredient, oldest first),
 * with the line being read marked, so "500 mg from 2015, 1,000 mg since 2018" reads at a glance.
 */
export function DoseHistory({ doses, current }: { doses: DoseStep[]; current: string }) {
  return (
    <details className="dose-history">
      <summary>Dose history ({doses.length})</summary>
      <ol>
        {doses.map((d) => (
          <li key={d.itemId} aria-current={d.itemId === current ? 'true' : undefined}>
            <span className="muted">{d.date ? formatDate(d.date) : 'no date'}</span> {d.display}
          </li>
        ))}
      </ol>
    </details>
  );
}
