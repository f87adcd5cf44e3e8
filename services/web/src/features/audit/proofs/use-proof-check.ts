import { keyIdOf, parsePublicKey } from '@benvung/log-proof';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getEventProof } from '../api/get-event-proof';
import type { HistoryEvent } from '../api/get-history-page';
import { getLogKey, type LogKey } from '../api/get-log-key';
import { listHouseholdEvents } from '../api/list-household-events';
import { checkHouseholdProofs, type EventProofResult } from './check-household-proofs';

export type ProofCheckPhase = 'idle' | 'key' | 'events' | 'checking' | 'done' | 'error';

export interface ProofCheckState {
  phase: ProofCheckPhase;
  /** The key the server says it signs with: shown in full, to be compared with the published one. */
  serverKey?: LogKey;
  /** The key the proofs were checked with, and where it came from. */
  used?: { keyId: string; source: 'server' | 'pasted' };
  events: HistoryEvent[];
  /** By event id, filled in as each proof is checked. */
  results: Record<string, EventProofResult>;
  error?: unknown;
}

const IDLE: ProofCheckState = { phase: 'idle', events: [], results: {} };

/**
 * The in-browser proof check of a household: the server's key, then the history, then each event's
 * proof fetched and checked here. `run(pasted)` checks with the published key when one is given, else
 * with the server's; a new run or leaving the screen abandons the one before.
 */
export function useProofCheck(householdId: string) {
  const [state, setState] = useState<ProofCheckState>(IDLE);
  const running = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => running.current?.abort(), []);

  const run = useCallback(
    async (pasted?: Uint8Array) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      const { signal } = controller;
      const update = (change: Partial<ProofCheckState>) => {
        if (!signal.aborted) setState((s) => ({ ...s, ...change }));
      };
      setState({ ...IDLE, phase: 'key' });
      try {
        const serverKey = await getLogKey();
        const publicKey = pasted ?? parsePublicKey(serverKey.publicKey);
        update({
          phase: 'events',
          serverKey,
          used: { keyId: keyIdOf(publicKey), source: pasted ? 'pasted' : 'server' },
        });
        const events = await listHouseholdEvents(householdId, signal);
        update({ phase: 'checking', events });
        await checkHouseholdProofs({
          householdId,
          events,
          publicKey,
          signal,
          fetchProof: (eventId) => getEventProof(eventId, signal),
          onResult: (result) => {
            if (!signal.aborted) setState((s) => ({ ...s, results: { ...s.results, [result.eventId]: result } }));
          },
        });
        update({ phase: 'done' });
      } catch (error) {
        update({ phase: 'error', error });
      }
    },
    [householdId],
  );

  return { state, run, busy: state.phase === 'key' || state.phase === 'events' || state.phase === 'checking' };
}
