/**
 * The pre-filled health history form: every answer with where it came from, a way to correct
 * or remove any row and to add missing ones (kept as the person's own statements, used the
 * next time), and the form to print, as a PDF, or as FHIR for a clinic's system.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { doctorApi, sendJson, type FormCorrection, type FormRow, type FormSection, type HealthForm as Form } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { AnswerSourceLink } from '../components/AnswerSourceLink.tsx';

/** What the server stores for a row: the answer (question sections) or the cells joined by " | ". */
export function correctionValue(section: Pick<FormSection, 'questions'>, cells: string[]): string {
  const clean = cells.map((c) => c.replace(/\|/g, '/').trim());
  if (section.questions) return clean[1] ?? '';
  return clean.every((c) => !c) ? '' : clean.join(' | ');
}

type Editing = { section: string; key: string; isNew: boolean };

/** Each added row is its own statement: a fresh key every time (the same key would replace it). */
const newRowKey = () => `added-${Array.from(crypto.getRandomValues(new Uint8Array(5)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

/** Back to the button that opened an editor, once the editor is gone. */
const refocus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

function RowEditor({ section, row, isNew, onSave, onCancel }: { section: FormSection; row?: FormRow; isNew: boolean; onSave(cells: string[], remove?: boolean): Promise<void>; onCancel(): void }) {
  const [cells, setCells] = useState<string[]>(() => section.columns.map((_, i) => row?.cells[i] ?? ''));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const first = useRef<HTMLInputElement>(null);
  const base = useId();
  useEffect(() => first.current?.focus(), []);
  // Question sections: the question stays, only the answer is edited.
  const editable = section.columns.map((_, i) => !(section.questions && i === 0 && !isNew));
  const run = async (remove: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      await onSave(remove ? section.columns.map(() => '') : cells, remove);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(false);
  };
  let firstSet = false;
  return (
    <form className="row-editor" onSubmit={submit} aria-label={isNew ? `Add to ${section.title}` : `Correct ${row?.cells[0] || 'this answer'}`}>
      {section.columns.map((col, i) => {
        if (!editable[i]) return null;
        const ref = !firstSet ? ((firstSet = true), first) : undefined;
        return (
          <div className="field" key={col}>
            <label htmlFor={`${base}-${i}`}>{section.questions && i === 1 && row ? row.cells[0] : col}</label>
            <input id={`${base}-${i}`} ref={ref} value={cells[i]} onChange={(e) => setCells(cells.map((c, j) => (j === i ? e.target.value : c)))} autoComplete="off" />
          </div>
        );
      })}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Save
        </button>
        {!isNew && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void run(true)}>
            Remove this row
          </button>
        )}
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          Could not save: {error}
        </p>
      )}
    </form>
  );
}

function Section({ section, editing, setEditing, save }: { section: FormSection; editing?: Editing; setEditing(e?: Editing): void; save(c: FormCorrection, note: string): Promise<void> }) {
  const headingId = useId();
  const editingHere = editing?.section === section.id ? editing : undefined;
  const cols = section.columns.length + 2;
  const saveRow = (key: string, isNew: boolean, row?: FormRow) => async (cells: string[], remove?: boolean) => {
    const value = correctionValue(section, cells);
    if (isNew && !value) return setEditing(undefined);
    const what = row?.cells[0] || cells[0] || 'the row';
    await save({ section: section.id, field: section.questions && isNew ? cells[0].trim() || key : key, value }, remove ? `Removed “${what}”.` : `Saved your answer for “${section.questions ? what : cells[0] || what}”.`);
  };
  return (
    <section className="card form-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{section.title}</h2>
      {section.rows.length === 0 && <p className="muted">Nothing in your records. Add it if there is something to say.</p>}
      {section.rows.length > 0 && (
        <div className="table-wrap" role="region" aria-label={`Table: ${section.title}`} tabIndex={0}>
          <table>
            <thead>
              <tr>
                {section.columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
                <th scope="col">Where it came from</th>
                <th scope="col">
                  <span className="visually-hidden">Correct</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row) => {
                const open = editingHere?.key === row.key && !editingHere.isNew;
                return [
                  <tr key={row.key} className={row.source?.statedByYou ? 'stated-row' : undefined}>
                    {row.cells.map((c, i) => (i === 0 && section.questions ? <th scope="row" key={i}>{c}</th> : <td key={i} data-label={section.columns[i]}>{c || <span className="muted">blank</span>}</td>))}
                    <td data-label="Where it came from">{row.source || row.cells.slice(section.questions ? 1 : 0).some(Boolean) ? <AnswerSourceLink source={row.source} /> : <span className="muted">not in your records</span>}</td>
                    <td className="fix-cell">
                      <button type="button" className="secondary small-button" id={`fix-${section.id}-${row.key}`} aria-expanded={open} onClick={() => setEditing(open ? undefined : { section: section.id, key: row.key, isNew: false })}>
                        Correct<span className="visually-hidden"> {row.cells[0]}</span>
                      </button>
                    </td>
                  </tr>,
                  open && (
                    <tr key={`${row.key}-edit`} className="editor-row">
                      <td colSpan={cols}>
                        <RowEditor section={section} row={row} isNew={false} onSave={saveRow(row.key, false, row)} onCancel={() => (setEditing(undefined), refocus(`fix-${section.id}-${row.key}`))} />
                      </td>
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
        </div>
      )}
      {editingHere?.isNew ? (
        <RowEditor section={section} isNew onSave={saveRow(editingHere.key, true)} onCancel={() => (setEditing(undefined), refocus(`add-${section.id}`))} />
      ) : (
        <p>
          <button type="button" className="secondary" id={`add-${section.id}`} onClick={() => setEditing({ section: section.id, key: newRowKey(), isNew: true })}>
            Add to {section.title.toLowerCase()}
          </button>
        </p>
      )}
    </section>
  );
}

export function HealthForm({ personId }: { personId: string }) {
  const form = useApi<Form>(doctorApi.form(personId));
  const [editing, setEditing] = useState<Editing>();
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLParagraphElement>(null);
  const save = async (c: FormCorrection, message: string) => {
    await sendJson('POST', doctorApi.formCorrections(personId), { corrections: [c] });
    setEditing(undefined);
    setNote(message);
    form.reload();
    requestAnimationFrame(() => noteRef.current?.focus());
  };
  return (
    <div>
      <h1>Health history form</h1>
      <p>Vessel filled in this form from your records. Please check every answer: each one says where it came from. Correct anything that is wrong or missing; your corrections are kept and used the next time.</p>
      <div className="form-tools">
        <a className="button" href={doctorApi.formHtml(personId)} target="_blank" rel="noopener">
          Open the form to print
        </a>
        <a className="button secondary" href={doctorApi.formPdf(personId)} download="health-history.pdf">
          Download as PDF
        </a>
        <a className="button secondary" href={doctorApi.formFhir(personId)} download="health-history.fhir.json">
          Download for a clinic's system (FHIR)
        </a>
      </div>
      <p className="ok-line" role="status" ref={noteRef} tabIndex={-1}>
        {note}
      </p>
      <Status loading={form.loading && !form.data} error={form.error} what="the form" />
      {form.data?.sections.map((s) => (
        <Section key={s.id} section={s} editing={editing} setEditing={setEditing} save={save} />
      ))}
    </div>
  );
}
