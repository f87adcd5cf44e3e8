import { useEffect, useState, useSyncExternalStore } from 'react';
import { type OutboxEntry, outbox } from './outbox';

/** The entries waiting in the outbox (all, or one household's), kept current. */
export function useOutbox(householdId?: string): OutboxEntry[] {
  const all = useSyncExternalStore(outbox.subscribe, outbox.entries);
  return householdId ? all.filter((e) => e.householdId === householdId) : all;
}

/** The entries of a review round waiting in the outbox, kept current. */
export function useRoundOutbox(roundId: string): OutboxEntry[] {
  const all = useSyncExternalStore(outbox.subscribe, outbox.entries);
  return all.filter((e) => e.roundId === roundId);
}

/** Whether the browser believes it is online, kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}
