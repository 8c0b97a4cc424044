/**
 * React bindings of the dashboard's client: the client and the caller in a context, a query
 * hook and a subscription hook. Panels read state with `useQuery` and keep it current with
 * `useSubscription`, whose `reset` reloads the query when events were lost.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ApiError, ConnectionState, DashboardClient } from './client';
import type { Session } from './session';

export interface DashboardContextValue {
  client: DashboardClient;
  session: Session;
}

export const DashboardContext = createContext<DashboardContextValue | null>(null);

export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('useDashboard() outside <DashboardContext.Provider>');
  return value;
}

export function useConnectionState(): ConnectionState {
  const { client } = useDashboard();
  const [state, setState] = useState(client.connectionState);
  useEffect(() => client.onState(setState), [client]);
  return state;
}

export interface QueryState<R> {
  data: R | undefined;
  error: string | undefined;
  /** reads again (keeps showing the previous data meanwhile) */
  reload: () => void;
}

/** Runs the query when mounted and whenever `key` (the variables, serialised) changes. */
export function useQuery<R, V>(document: TypedDocumentNode<R, V>, variables: V | null): QueryState<R> {
  const { client } = useDashboard();
  const [data, setData] = useState<R>();
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (variables === null) return;
    let current = true;
    client.request(document, variables).then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(undefined);
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
    // `key` stands for `variables`, which callers build anew on every render.
  }, [client, document, key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, reload };
}

/**
 * Subscribes while mounted (and while `variables` is not null); `onData` and `onReset` may
 * change on every render, the subscription stays.
 */
export function useSubscription<R, V extends { after?: string | null }>(
  document: TypedDocumentNode<R, V>,
  variables: Omit<V, 'after'> | null,
  onData: (data: R) => void,
  onReset?: () => void,
): ApiError | undefined {
  const { client } = useDashboard();
  const handlers = useRef({ onData, onReset });
  handlers.current = { onData, onReset };
  const [error, setError] = useState<ApiError>();
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (variables === null) return;
    return client.subscribe(document, variables, {
      next: (data) => handlers.current.onData(data),
      reset: () => handlers.current.onReset?.(),
      error: setError,
    });
  }, [client, document, key]);
  return error;
}
