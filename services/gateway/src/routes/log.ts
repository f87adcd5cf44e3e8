import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertHouseholdInScope } from '../application/household-access.js';
import { HttpProblem } from '../plugins/problem.js';
import { ProblemSchema } from './schemas.js';

const auditors = ['auditor', 'admin'] as const;
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 503: ProblemSchema };

const Checkpoint = z.object({
  treeSize: z.number().int().describe('Events covered: the first treeSize leaves of the log, in commit order'),
  rootHash: z.string().describe('Merkle root (RFC 9162) over those leaves, hex'),
  position: z.string().describe('Store position of the last covered event'),
  signedAt: z.string().describe('When it was signed'),
  keyId: z.string().describe('First 16 hex digits of SHA-256 of the signing public key'),
  signature: z.string().describe('Ed25519 signature over the checkpoint’s lines, base64url'),
});

const Checkpoints = z.object({
  publicKey: z
    .string()
    .describe('The public key this service signs with (base64url). Compare it with the one the operator gave you.'),
  keyId: z.string(),
  checkpoints: z.array(Checkpoint).describe('Newest first'),
  nextBefore: z.number().int().optional().describe('Pass as `before` for older checkpoints'),
});

const Proof = z.object({
  event: z
    .object({
      eventId: z.string(),
      streamId: z.string(),
      type: z.string(),
      schemaVersion: z.number().int(),
      data: z.record(z.string(), z.unknown()),
      personalDigest: z.string().nullable().describe('Digest of the personal part (the part itself is not hashed)'),
      metadata: z.record(z.string(), z.unknown()),
      occurredAt: z.string(),
      version: z.number().int(),
      previousHash: z.string().describe('Chain hash of the stream’s event before it (zeros for the first)'),
      hash: z.string().describe('This event’s chain hash'),
      recordedAt: z.string(),
      chainScheme: z.union([z.literal(1), z.literal(2)]).describe('2: the recorded time is in the chain hash'),
    })
    .describe('The event as stored: recompute its content and chain hashes from these fields'),
  leafIndex: z.number().int().describe('The event’s leaf in the log’s Merkle tree'),
  path: z.array(z.string()).describe('Audit path, leaf to root (RFC 9162 §2.1.3), hex'),
  checkpoint: Checkpoint,
});

const ProofAnswer = z.union([
  z.object({ covered: z.literal(true), proof: Proof }),
  z.object({
    covered: z.literal(false),
    reason: z.enum(['no_checkpoint', 'not_yet_covered']).describe('No checkpoint yet, or the event is newer'),
    checkpoint: Checkpoint.optional(),
  }),
]);

/** Signed checkpoints of the whole log, and inclusion proofs an auditor checks without trusting us. */
export const logRoutes: FastifyPluginAsyncZod = async (app) => {
  const log = () => {
    const l = app.deps.log;
    if (!l)
      throw new HttpProblem(503, 'LOG_CHECKPOINTS_UNAVAILABLE', 'Not available', 'this service keeps no checkpoints');
    return l;
  };

  app.get(
    '/v1/log/checkpoints',
    {
      config: { roles: auditors },
      schema: {
        tags: ['audit'],
        operationId: 'listLogCheckpoints',
        summary: 'Signed checkpoints of the event log, newest first, with the public key that signs them',
        querystring: z
          .object({
            limit: z.coerce.number().int().min(1).max(500).default(20).describe('How many checkpoints, newest first'),
            before: z.coerce.number().int().min(1).optional().describe('Only checkpoints of fewer events'),
          })
          .strict(),
        response: { 200: Checkpoints, ...errors },
      },
    },
    async (request) => {
      const l = log();
      const checkpoints = await l.proofs.checkpoints(request.query.limit, request.query.before);
      const last = checkpoints.at(-1);
      return {
        publicKey: l.key.publicKeyText,
        keyId: l.key.keyId,
        checkpoints,
        ...(checkpoints.length === request.query.limit && last ? { nextBefore: last.treeSize } : {}),
      };
    },
  );

  app.get(
    '/v1/log/proof',
    {
      config: { roles: auditors },
      schema: {
        tags: ['audit'],
        operationId: 'getLogInclusionProof',
        summary:
          'Inclusion proof of one event in the latest signed checkpoint: check it offline with `pnpm verify-proof`',
        querystring: z.object({ eventId: z.uuid().describe('The event (as in a household’s history)') }).strict(),
        response: { 200: ProofAnswer, ...errors },
      },
    },
    async (request) => {
      const answer = await log().proofs.forEvent(request.query.eventId.toLowerCase());
      if (!answer.covered && answer.reason === 'no_event') {
        throw new HttpProblem(404, 'NOT_FOUND', 'Not found', `no event ${request.query.eventId} you may see`);
      }
      // Households are scoped: an auditor of one province learns nothing about another's.
      const streamId = answer.covered ? answer.proof.event.streamId : answer.streamId;
      if (streamId.startsWith('household-')) await assertHouseholdInScope(app, request, streamId.slice(10));
      if (!answer.covered) {
        return {
          covered: false as const,
          reason: answer.reason,
          ...(answer.checkpoint ? { checkpoint: answer.checkpoint } : {}),
        };
      }
      return answer;
    },
  );
};
