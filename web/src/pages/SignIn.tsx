/** Sign in, or on a new install create the first account (which owns what is imported). */
import { useState, type FormEvent } from 'react';
import { setUp, signIn, type SessionInfo } from '../session.ts';

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
    </main>
  );
}
