/**
 * Who can see and change this person's record, and the record's audit trail: every view,
 * download, export, share and role change, with who, when and from where.
 */
import { useState, type FormEvent } from 'react';
import { accessApi, sendJson, type AuditEntry, type RoleEntry } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';

const ROLE_WORDS: Record<RoleEntry['role'], string> = {
  owner: 'Owner — full rights, decides who has access',
  caregiver: 'Caregiver — full rights',
  viewer: 'Viewer — can look, cannot change',
};

const ACTION_WORDS: Record<string, string> = {
  'record.view': 'viewed the record',
  'document.download': 'downloaded a document',
  'ips.export': 'exported the patient summary',
  'summary.export': 'exported a visit summary',
  'share.create': 'created a share link',
  'share.access': 'a share link was opened',
  'share.revoke': 'revoked a share link',
  'role.change': 'changed who has access',
  'form.correct': 'corrected the health form',
  'document.attach-person': 'attached a document',
};

export function Access({ personId, me }: { personId: string; me: string }) {
  const roles = useApi<RoleEntry[]>(accessApi.roles(personId));
  const audit = useApi<AuditEntry[]>(accessApi.audit(personId));
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<RoleEntry['role']>('viewer');
  const [message, setMessage] = useState<string | null>(null);
  const mine = roles.data?.find((r) => r.username === me)?.role;

  const change = async (name: string, newRole: RoleEntry['role'] | null) => {
    setMessage(null);
    try {
      if (newRole) await sendJson('PUT', accessApi.role(personId, name), { role: newRole });
      else await sendJson('DELETE', accessApi.role(personId, name));
      roles.reload();
      audit.reload();
      setMessage(newRole ? `${name} is now ${newRole}.` : `${name} no longer has access.`);
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const grant = (e: FormEvent) => {
    e.preventDefault();
    void change(username.trim(), role);
  };

  return (
    <div>
      <h1>Access and audit trail</h1>
      <section className="card">
        <h2>Who has access</h2>
        {roles.error ? (
          <Status error={roles.error} what="access" />
        ) : !roles.data ? (
          <Status loading what="access" />
        ) : (
          <ul className="plain">
            {roles.data.map((r) => (
              <li key={r.accountId}>
                <strong>{r.username}</strong>: {ROLE_WORDS[r.role]}
                {mine === 'owner' && r.username !== me && (
                  <button type="button" className="link" onClick={() => void change(r.username, null)}>
                    Remove {r.username}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {mine === 'owner' && (
          <form onSubmit={grant} className="inline-form">
            <label htmlFor="grant-user">Give access to (username)</label>
            <input id="grant-user" value={username} onChange={(e) => setUsername(e.target.value)} required />
            <label htmlFor="grant-role">as</label>
            <select id="grant-role" value={role} onChange={(e) => setRole(e.target.value as RoleEntry['role'])}>
              <option value="viewer">viewer</option>
              <option value="caregiver">caregiver</option>
              <option value="owner">owner</option>
            </select>
            <button type="submit">Give access</button>
          </form>
        )}
        {message && <p role="status">{message}</p>}
      </section>
      <section className="card">
        <h2>Audit trail</h2>
        {audit.error ? (
          <Status error={audit.error} what="the audit trail" />
        ) : !audit.data ? (
          <Status loading what="the audit trail" />
        ) : audit.data.length === 0 ? (
          <p>Nothing recorded yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>{e.actor}</td>
                  <td>{ACTION_WORDS[e.action] ?? e.action}</td>
                  <td>{e.ip ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
