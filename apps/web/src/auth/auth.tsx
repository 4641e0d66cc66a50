import type { Me } from '@kcbx/api-contract';
import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { endSession, hasSession, scheduleRefresh, setUnauthorizedHandler, startSession } from '../api/client';
import { api } from '../api/endpoints';

type Status = 'checking' | 'anonymous' | 'signed-in';

interface Auth {
  status: Status;
  me: Me | null;
  /** Set when the API ended the session (401), so the login page can say why. */
  expired: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): void;
  can(permission: string): boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<Status>(() => (hasSession() ? 'checking' : 'anonymous'));
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setMe(null);
      setStatus('anonymous');
      setExpired(true);
    });
    if (!hasSession()) return;
    // A reload keeps the token (sessionStorage); ask who we are again rather than trusting stale data.
    scheduleRefresh();
    api
      .me()
      .then((m) =>
        // the signed-in shell's first render, in slices (see main.tsx)
        startTransition(() => {
          setMe(m);
          setStatus('signed-in');
        }),
      )
      .catch(() => {
        endSession();
        setStatus('anonymous');
      });
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const res = await api.login(username, password);
    startSession(res.accessToken, res.expiresIn);
    setExpired(false);
    setMe(res.user);
    setStatus('signed-in');
  }, []);

  const logout = useCallback(() => {
    // Best effort: the page leaves the session at once; the server ends it when the call arrives.
    void api.logout().catch(() => undefined);
    endSession();
    setMe(null);
    setExpired(false);
    setStatus('anonymous');
  }, []);

  const value = useMemo<Auth>(
    () => ({ status, me, expired, login, logout, can: (p) => !!me?.permissions.includes(p) }),
    [status, me, expired, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
