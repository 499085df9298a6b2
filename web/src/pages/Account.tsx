/**
 * The signed-in account's own settings: its passkeys (add one on this device, see when each
 * was last used, remove one) and its recent sign-ins. Passkeys belong to the account, not to a person's record, so
 * they live here rather than on a record's Access page.
 */
import { useState, type FormEvent } from 'react';
import { sendJson } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { addPasskey, passkeyAddressHint } from '../session.ts';
import { PasskeyAddressNote } from '../components/PasskeyAddressNote.tsx';
import type { PasskeyInfo } from '../../../src/auth/passkeys.ts';

type Activity = { id: number; at: string; action: string; target: string | null; detail: { method?: string; passkey?: string; reason?: string }; ip: string | null };

/** An event of the account's own trail, in words. */
function describe(e: Activity): string {
  switch (e.action) {
    case 'login':
      return e.detail.method === 'passkey' ? `Signed in with the passkey "${e.detail.passkey ?? '?'}"` : 'Signed in with the password';
    case 'login.failed':
      return e.detail.method === 'passkey' ? 'A passkey sign-in failed' : 'A sign-in with a wrong password';
    case 'login.locked':
      return 'A sign-in was refused: the account was locked';
    case 'logout':
      return 'Signed out';
    case 'passkey.add':
      return `Added the passkey "${e.target ?? ''}"`;
    case 'passkey.remove':
      return `Removed the passkey "${e.target ?? ''}"`;
    case 'account.password':
      return 'The password was changed';
    default:
      return e.action;
  }
}

export function Account({ username }: { username: string }) {
  const passkeys = useApi<PasskeyInfo[]>('/api/passkeys');
  const activity = useApi<Activity[]>('/api/account/activity');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const webauthn = typeof window.PublicKeyCredential === 'function';

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setBusy(true);
    try {
      await addPasskey(name);
      setName('');
      setMessage('Passkey added. You can now sign in with it.');
      passkeys.reload();
      activity.reload();
    } catch (err) {
      setMessage((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (p: PasskeyInfo) => {
    setMessage(null);
    try {
      await sendJson('DELETE', `/api/passkeys/${encodeURIComponent(p.id)}`);
      setMessage(`Passkey "${p.name}" removed; it no longer signs you in.`);
      passkeys.reload();
      activity.reload();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };

  return (
    <div>
      <h1>Your account: {username}</h1>
      <section className="card" aria-labelledby="passkeys-heading">
        <h2 id="passkeys-heading">Passkeys</h2>
        <p>A passkey signs you in with your device's fingerprint, face or screen lock instead of your password. Your password keeps working too.</p>
        {passkeys.error ? (
          <Status error={passkeys.error} what="your passkeys" />
        ) : !passkeys.data ? (
          <Status loading what="your passkeys" />
        ) : passkeys.data.length === 0 ? (
          <p>You have no passkeys yet.</p>
        ) : (
          <ul className="plain">
            {passkeys.data.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong> — added {new Date(p.createdAt).toLocaleDateString()}
                {p.lastUsedAt ? `, last used ${new Date(p.lastUsedAt).toLocaleString()}` : ', not used yet'}
                {p.backedUp ? ' (synced across your devices)' : ''}
                <button type="button" className="link" onClick={() => void remove(p)}>
                  Remove {p.name}
                </button>
              </li>
            ))}
          </ul>
        )}
        {passkeyAddressHint() !== undefined ? (
          <PasskeyAddressNote />
        ) : webauthn ? (
          <form onSubmit={add} className="inline-form">
            <label htmlFor="passkey-name">Name (optional)</label>
            <input id="passkey-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Work laptop" maxLength={60} />
            <button type="submit" disabled={busy}>
              Add a passkey
            </button>
          </form>
        ) : (
          <p className="muted">This browser does not support passkeys.</p>
        )}
        {message && <p role="status">{message}</p>}
      </section>
      <section className="card" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Recent sign-ins</h2>
        {activity.error ? (
          <Status error={activity.error} what="recent sign-ins" />
        ) : !activity.data ? (
          <Status loading what="recent sign-ins" />
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {activity.data.map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>{describe(e)}</td>
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
