import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { api, onSignedOut, unwrap } from './api-client';
import { clearDrafts } from './offline/use-draft';

export type Role = 'case_worker' | 'supervisor' | 'auditor' | 'analyst' | 'admin';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  units: string[];
  mustChangePassword: boolean;
}

interface AuthValue {
  user: User | undefined;
  loading: boolean;
  signIn(username: string, password: string): Promise<User>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthValue | undefined>(undefined);
const ME = ['auth', 'me'] as const;

async function fetchMe(): Promise<User | null> {
  const result = await api.GET('/v1/auth/me');
  if (result.response.status === 401) return null;
  return unwrap(result).user as User;
}

/** Who is signed in (the session cookie), and signing in and out. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
  useEffect(
    () =>
      onSignedOut(() => {
        queryClient.setQueryData(ME, null);
      }),
    [queryClient],
  );
  const value = useMemo<AuthValue>(
    () => ({
      user: me.data ?? undefined,
      loading: me.isPending,
      async signIn(username, password) {
        const answer = unwrap(await api.POST('/v1/auth/sign-in', { body: { username, password } }));
        const user = answer.user as User;
        // Another user's data must not show; the signed-in query itself stays observed (not removed).
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
        queryClient.setQueryData(ME, user);
        return user;
      },
      async signOut() {
        await api.POST('/v1/auth/sign-out').catch(() => undefined);
        clearDrafts();
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
        queryClient.setQueryData(ME, null);
      },
    }),
    [me.data, me.isPending, queryClient],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user (inside the signed-in part of the app). */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
