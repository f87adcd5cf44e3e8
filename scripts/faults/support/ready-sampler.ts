/** One answer of GET /ready (status 0: no answer), with when it was asked and answered. */
export interface ReadySample {
  sentAt: number;
  receivedAt: number;
  status: number;
  body?: {
    status: string;
    checks: {
      database: string;
      projections: Array<{ name: string; caughtUp: boolean; lagEvents: number | null; state?: string }>;
    };
  };
}

export interface ReadySampler {
  readonly samples: ReadySample[];
  stop(): Promise<void>;
}

/** Asks /ready every `intervalMs` (one request at a time) until stopped. */
export function sampleReadiness(baseUrl: () => string, intervalMs = 250): ReadySampler {
  const samples: ReadySample[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const sentAt = Date.now();
      try {
        const r = await fetch(`${baseUrl()}/ready`, { signal: AbortSignal.timeout(5000) });
        samples.push({
          sentAt,
          receivedAt: Date.now(),
          status: r.status,
          body: (await r.json()) as ReadySample['body'],
        });
      } catch {
        samples.push({ sentAt, receivedAt: Date.now(), status: 0 });
      }
      await new Promise((r) => setTimeout(r, Math.max(0, intervalMs - (Date.now() - sentAt))));
    }
  })();
  return {
    samples,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

/** Ready and every projection caught up and running: what a recovered instance must say. */
export function recovered(sample: ReadySample | undefined): boolean {
  return (
    sample?.status === 200 &&
    sample.body?.status === 'ready' &&
    (sample.body.checks.projections.length ?? 0) > 0 &&
    sample.body.checks.projections.every((p) => p.caughtUp && p.state === 'running')
  );
}

/** Samples asked and answered entirely within [from, to]. */
export const within = (samples: readonly ReadySample[], from: number, to: number) =>
  samples.filter((s) => s.sentAt >= from && s.receivedAt <= to);

/** The projections the gateway runs, as its /ready lists them. */
export async function projectionNames(baseUrl: string): Promise<string[]> {
  const body = (await (await fetch(`${baseUrl}/ready`)).json()) as NonNullable<ReadySample['body']>;
  return body.checks.projections.map((p) => p.name);
}
