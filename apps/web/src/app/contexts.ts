import { createContext, useContext } from 'react';
import type { ApiClients } from '../lib/api';
import type { Principal } from '../lib/auth';

export interface Session {
  readonly principal: Principal;
  readonly signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);
export const ApiContext = createContext<ApiClients | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

export function useApi(): ApiClients {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside a signed-in page');
  return api;
}
