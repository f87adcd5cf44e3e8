/**
 * PostgreSQL global position: the writing transaction's id and the event's sequence number. Opaque to
 * callers ("<tx>:<seq>"); ordered first by transaction, which is what makes the xmin filter gap-free.
 */
export interface PgPosition {
  tx: bigint;
  seq: bigint;
}

const START: PgPosition = { tx: 0n, seq: 0n };

export function encodePosition(p: PgPosition): string {
  return `${p.tx}:${p.seq}`;
}

export function decodePosition(value: string | undefined): PgPosition {
  if (value === undefined || value === '') return START;
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(value);
  if (!match?.[1] || !match[2]) throw new RangeError(`not a PostgreSQL event-store position: ${value}`);
  return { tx: BigInt(match[1]), seq: BigInt(match[2]) };
}

export function comparePgPositions(a: string, b: string): number {
  const pa = decodePosition(a);
  const pb = decodePosition(b);
  if (pa.tx !== pb.tx) return pa.tx < pb.tx ? -1 : 1;
  if (pa.seq !== pb.seq) return pa.seq < pb.seq ? -1 : 1;
  return 0;
}
