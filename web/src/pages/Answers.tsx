/**
 * Quick answers to the questions doctors ask ("When was your last tetanus shot?"), each with
 * its date and a link to the page it came from; "not found in your records" said plainly.
 * A filter box narrows the questions (words of the question or of the answer).
 */
import { useId, useState } from 'react';
import { doctorApi, type Answer, type AnswerEntry, type AnswersView } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { AnswerSourceLink } from '../components/AnswerSourceLink.tsx';
import { formatDate } from '../format.ts';

/** Every word typed appears (as a word start) in the question or the answer. */
export function answerMatches(a: Answer, filter: string): boolean {
  const words = filter.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words) return true;
  const text = [a.question, a.found ? a.value : '', ...(a.entries ?? []).map((e) => e.value)].join(' ').toLowerCase();
  const have = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.every((w) => have.some((h) => h.startsWith(w)));
}

/** What a list entry's date means, by question. */
const DATE_WORDS: Record<string, string> = { medications: 'since ', allergies: 'noted ', specialists: 'last visit ' };

function EntryLine({ entry, dateWords = '' }: { entry: AnswerEntry; dateWords?: string }) {
  return (
    <li>
      <span className="fact-title">{entry.value}</span>
      {entry.date && (
        <span className="muted">
          {' '}
          · {dateWords}
          {formatDate(entry.date)}
        </span>
      )}
      <div>
        <AnswerSourceLink source={entry.source} />
      </div>
    </li>
  );
}

function AnswerCard({ answer }: { answer: Answer }) {
  const headingId = useId();
  // Lists (medications, allergies, doctors) have entries and no single source; screenings have
  // a latest answer plus every other mention; labs a latest value plus the trend.
  const list = !!answer.entries?.length && !answer.source && !answer.trend;
  const more = answer.trend && answer.trend.length > 1 ? [...answer.trend].reverse() : !list && answer.entries && answer.entries.length > 1 ? answer.entries : undefined;
  return (
    <section className={`card answer${answer.found ? '' : ' answer-missing'}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{answer.question}</h2>
      {!answer.found && <p className="not-found">Not found in your records.</p>}
      {answer.found && !list && (
        <>
          <p className="answer-value">
            <span className="fact-title">{answer.value}</span>
            {answer.date && <span> on {formatDate(answer.date)}</span>}
          </p>
          <AnswerSourceLink source={answer.source} />
        </>
      )}
      {answer.found && list && (
        <ul className="fact-list">
          {answer.entries!.map((e, i) => (
            <EntryLine key={i} entry={e} dateWords={DATE_WORDS[answer.id]} />
          ))}
        </ul>
      )}
      {more && (
        <details className="answer-more">
          <summary>{answer.trend ? `All ${more.length} results over time` : `Every mention in your records (${more.length})`}</summary>
          <ul className="fact-list">
            {more.map((e, i) => (
              <EntryLine key={i} entry={e} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

export function Answers({ personId }: { personId: string }) {
  const view = useApi<AnswersView>(doctorApi.answers(personId));
  const [filter, setFilter] = useState('');
  const shown = view.data?.answers.filter((a) => answerMatches(a, filter)) ?? [];
  return (
    <div>
      <h1>Answers for your doctor</h1>
      <p className="muted">Questions doctors often ask, answered from your records. Each answer links to the page it came from, so you can check it.</p>
      <div className="filter-box">
        <label htmlFor="answer-filter">Find a question</label>
        <input id="answer-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="for example: tetanus" autoComplete="off" />
      </div>
      <Status loading={view.loading && !view.data} error={view.error} what="the answers" />
      {view.data && (
        <p className="muted" role="status">
          {filter.trim() ? `${shown.length} of ${view.data.answers.length} questions match “${filter.trim()}”.` : `${view.data.answers.length} questions.`}
        </p>
      )}
      {shown.map((a) => (
        <AnswerCard key={a.id} answer={a} />
      ))}
    </div>
  );
}
