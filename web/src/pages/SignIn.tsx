/** Sign in, or on a new install create the first account (which owns what is imported). */
import { useState, type FormEvent } from 'react';
import { passkeyAddressHint, setUp, signIn, signInWithPasskey, type SessionInfo } from '../session.ts';
import { PasskeyAddressNote } from '../components/PasskeyAddressNote.tsx';

export function SignIn({ setupNeeded, onSignedIn }: { setupNeeded: boolean; onSignedIn: (s: SessionInfo) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (setupNeeded && password !== again) return setError('The two passwords differ.');
    setBusy(true);
    try {
      onSignedIn(await (setupNeeded ? setUp(username, password) : signIn(username, password)));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const withPasskey = async () => {
    setError(null);
    setBusy(true);
    try {
      onSignedIn(await signInWithPasskey(username));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="signin">
      <h1>{setupNeeded ? 'Set up Vessel' : 'Sign in to Vessel'}</h1>
      {setupNeeded && <p>Create your account. It will own the records you import; you can give family members or caregivers access later.</p>}
      <form className="card" onSubmit={submit}>
        <p>
          <label htmlFor="username">Username</label>
          <input id="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </p>
        <p>
          <label htmlFor="password">Password{setupNeeded ? ' (at least 10 characters)' : ''}</label>
          <input id="password" type="password" autoComplete={setupNeeded ? 'new-password' : 'current-password'} value={password} onChange={(e) => setPassword(e.target.value)} required />
        </p>
        {setupNeeded && (
          <p>
            <label htmlFor="again">Password again</label>
            <input id="again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {setupNeeded ? 'Create account' : 'Sign in'}
        </button>
      </form>
      {!setupNeeded && typeof window.PublicKeyCredential === 'function' && (
        <section className="card" aria-labelledby="passkey-heading">
          <h2 id="passkey-heading">Or use a passkey</h2>
          {passkeyAddressHint() !== undefined ? (
            <PasskeyAddressNote />
          ) : (
            <>
              <p className="muted">Your device asks for your fingerprint, face or screen lock. Fill in the username above to use only that account's passkeys.</p>
              <button type="button" onClick={() => void withPasskey()} disabled={busy}>
                Sign in with a passkey
              </button>
            </>
          )}
        </section>
      )}
    </main>
  );
}
