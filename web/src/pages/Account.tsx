/**
 * The signed-in account's own settings: its passkeys (add one on this device, see when each
 * was last used, remove one). Passkeys belong to the account, not to a person's record, so
 * they live here rather than on a record's Access page.
 */
import { useState, type FormEvent } from 'react';
import { sendJson } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { addPasskey, passkeyAddressHint } from '../session.ts';
import { PasskeyAddressNote } from '../components/PasskeyAddressNote.tsx';
import type { PasskeyInfo } from '../../../src/auth/passkeys.ts';

export function Account({ username }: { username: string }) {
  const passkeys = useApi<PasskeyInfo[]>('/api/passkeys');
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
    </div>
  );
}
