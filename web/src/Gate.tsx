/** Shows the app to a signed-in account, the sign-in (or first-run) page to anyone else. */
import { useEffect, useState } from 'react';
import { App } from './App.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { loadSession, type SessionInfo } from './session.ts';

export function Gate() {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = () =>
      loadSession()
        .then(setSession)
        .catch((e: Error) => setError(e.message));
    void load();
    window.addEventListener('vessel:signed-out', load);
    return () => window.removeEventListener('vessel:signed-out', load);
  }, []);

  if (error) return <p role="alert">Vessel could not be reached: {error}</p>;
  if (!session) return <p aria-busy="true">Loading…</p>;
  if (!session.signedIn) return <SignIn setupNeeded={session.setupNeeded} onSignedIn={setSession} />;
  return <App account={session.account!} />;
}
