/**
 * The dashboard's frame: sign-in (a pasted token, or in development one click per role), the
 * connection state, and the four panels, which share one client and so one WebSocket.
 */
import { useEffect, useMemo, useState } from 'react';
import { DashboardClient } from './client';
import { FieldSalesPanel } from './FieldSalesPanel';
import { DashboardContext, useConnectionState, useDashboard } from './hooks';
import { OrdersPanel } from './OrdersPanel';
import { developmentSignIn, sessionOf, storedSession, storeSession, type Session } from './session';
import { StockPanel } from './StockPanel';
import { SyncPanel } from './SyncPanel';

/** What the gateway puts into the page (`#page-config`). */
export interface DashboardPageConfig {
  /** roles the development sign-in offers; empty where it does not exist */
  devSignIn: string[];
}

export function App({ config }: { config: DashboardPageConfig }) {
  const [session, setSession] = useState<Session | undefined>(storedSession);
  const signIn = (next: Session | undefined) => {
    storeSession(next);
    setSession(next);
  };
  return session ? <SignedIn session={session} onSignOut={() => signIn(undefined)} /> : <SignIn config={config} onSignIn={signIn} />;
}

function SignIn({ config, onSignIn }: { config: DashboardPageConfig; onSignIn: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const paste = () => {
    try {
      onSignIn(sessionOf(token));
    } catch (failure) {
      setError(`That is not a token: ${(failure as Error).message}`);
    }
  };
  const development = (role: string) =>
    developmentSignIn(role).then(onSignIn, (failure: Error) => setError(failure.message));
  return (
    <main className="sign-in">
      <h1>Tradegraph operations</h1>
      <p>Paste a token (e.g. from <code>npm run token -- --role MANAGER --subject manager-ber</code>).</p>
      <textarea aria-label="Token" rows={4} value={token} onChange={(e) => setToken(e.target.value)} placeholder="eyJhbGciOi…" />
      <button onClick={paste} disabled={!token.trim()}>
        Sign in
      </button>
      {config.devSignIn.length ? (
        <p>
          Development sign-in:{' '}
          {config.devSignIn.map((role) => (
            <button key={role} className="secondary" onClick={() => void development(role)}>
              {role}
            </button>
          ))}
        </p>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
    </main>
  );
}

function SignedIn({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const client = useMemo(() => new DashboardClient(session.token), [session.token]);
  useEffect(() => () => client.dispose(), [client]);
  const value = useMemo(() => ({ client, session }), [client, session]);
  return (
    <DashboardContext.Provider value={value}>
      <Header onSignOut={onSignOut} />
      <main className="grid">
        <StockPanel />
        <OrdersPanel />
        <SyncPanel />
        <FieldSalesPanel />
      </main>
    </DashboardContext.Provider>
  );
}

const STATE_TEXT = {
  connecting: 'connecting…',
  connected: 'live',
  reconnecting: 'disconnected — reconnecting',
  'signed-out': 'signed out: the token was refused or has expired',
} as const;

function Header({ onSignOut }: { onSignOut: () => void }) {
  const { session } = useDashboard();
  const state = useConnectionState();
  return (
    <header>
      <h1>Tradegraph operations</h1>
      <span className={`connection ${state}`} data-testid="connection" data-state={state}>
        {STATE_TEXT[state]}
      </span>
      <span className="who">
        {session.subject} <span className="muted">({session.roles.join(', ') || 'no roles'})</span>{' '}
        <button className="link" onClick={onSignOut}>
          sign out
        </button>
      </span>
    </header>
  );
}
