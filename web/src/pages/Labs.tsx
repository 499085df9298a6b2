import { api, type LabGroup } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { SourceLink } from '../components/SourceLink.tsx';
import { formatDate } from '../format.ts';
import { href } from '../router.ts';
import { unitLabel } from '../../../src/views/unit-label.ts';

const FLAG_WORDS: Record<string, string> = { H: 'High', L: 'Low', HH: 'Critically high', LL: 'Critically low', A: 'Abnormal', N: 'Normal' };

function Flag({ flag }: { flag?: string }) {
  if (!flag) return null;
  return <span className={`flag flag-${flag}`}>{FLAG_WORDS[flag] ?? flag}</span>;
}

function sameUnit(a?: string, b?: string) {
  return !a || !b || a.trim().toLowerCase() === b.trim().toLowerCase();
}

function LabDetail({ group, personId, kind }: { group: LabGroup; personId: string; kind: 'labs' | 'vitals' }) {
  const plotted = group.points.filter((p) => p.value !== undefined && p.date && sameUnit(p.unit, group.unit));
  return (
    <div>
      <p>
        <a href={href(['p', personId, kind])}>← All {kind === 'labs' ? 'lab tests' : 'vital signs'}</a>
      </p>
      <h1>{group.name}</h1>
      <p className="muted">
        {group.loinc ? `LOINC ${group.loinc} · ` : ''}
        {group.points.length} result{group.points.length === 1 ? '' : 's'}
        {group.unit ? ` · plotted in ${unitLabel(group.unit)}` : ''}
      </p>
      <TrendChart group={group} points={plotted} />
      {plotted.length < group.points.length && <p className="muted">{group.points.length - plotted.length} result(s) in another unit or without a number are listed below but not drawn.</p>}
      <div className="table-wrap" role="region" aria-label={`${group.name} results`} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Value</th>
              <th scope="col">Range</th>
              <th scope="col">Flag</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {[...group.points].reverse().map((p, i) => (
              <tr key={p.resourceId + i}>
                <td>{formatDate(p.date)}</td>
                <td>
                  {p.display}
                  {p.original && <div className="muted small">as written: {p.original}</div>}
                </td>
                <td>{p.rangeText ?? ''}</td>
                <td>
                  <Flag flag={p.flag} />
                </td>
                <td>
                  <SourceLink source={p.source} resourceId={p.resourceId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function Labs({ personId, groupKey, kind }: { personId: string; groupKey?: string; kind: 'labs' | 'vitals' }) {
  const labs = useApi<LabGroup[]>(groupKey ? null : kind === 'labs' ? api.labs(personId) : api.vitals(personId));
  const group = useApi<LabGroup>(groupKey ? api.labGroup(personId, kind, groupKey) : null);
  const title = kind === 'labs' ? 'Lab results' : 'Vital signs';
  if (groupKey) return group.data ? <LabDetail group={group.data} personId={personId} kind={kind} /> : <Status loading={group.loading} error={group.error} what="the results" />;
  if (!labs.data) return <Status loading={labs.loading} error={labs.error} what={title.toLowerCase()} />;
  return (
    <div>
      <h1>{title}</h1>
      {!labs.data.length && <p className="muted">No {title.toLowerCase()} in this record yet.</p>}
      {labs.data.length > 0 && (
        <div className="table-wrap" role="region" aria-label={title} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Test</th>
                <th scope="col">Latest</th>
                <th scope="col">Flag</th>
                <th scope="col">Date</th>
                <th scope="col">Results</th>
              </tr>
            </thead>
            <tbody>
              {labs.data.map((g) => (
                <tr key={g.key}>
                  <td>
                    <a href={href(['p', personId, kind, g.key])}>{g.name}</a>
                  </td>
                  <td>{g.latest.display}</td>
                  <td>
                    <Flag flag={g.latest.flag} />
                  </td>
                  <td>{formatDate(g.latest.date)}</td>
                  <td>{g.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
