import {
  ListYearRule,
  LoanCap,
  LoanProgramme,
  LoanRate,
  loadInto,
  PovertyStandard,
  Programme,
  ProgrammeComponent,
  type RuleBook,
  RuleDocument,
  sectionsOf,
} from '@benvung/domain';
import { appendRuleVersion, listAffectedReviews } from '@benvung/rules';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { waitForProjection } from '../application/read-your-writes.js';
import { today } from '../application/today.js';
import { ReadYourWritesHeaders } from '../openapi/headers.js';
import { HttpProblem } from '../plugins/problem.js';
import { ProblemSchema } from './schemas.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const versioned = <T extends z.ZodObject>(schema: T) =>
  schema.extend({ version: z.number().int().positive().describe('The rule version this row comes from') });
const VersionParam = z.object({ version: z.coerce.number().int().positive().describe('The rule version') });
const DryRun = z.enum(['true', 'false']).default('false').describe('true: validate and preview only, record nothing');

const RuleSetAnswer = z.object({
  date: z.iso.date().describe('The date asked for'),
  /** The versions applied for that date, in order. */
  versions: z.array(z.number().int()).describe('The rule versions applied for that date, in order'),
  standards: z.array(versioned(PovertyStandard)),
  listYearRules: z.array(versioned(ListYearRule)),
  loanProgrammes: z.array(versioned(LoanProgramme)),
  loanRates: z.array(versioned(LoanRate)),
  loanCaps: z.array(versioned(LoanCap)),
  programmes: z.array(versioned(Programme)),
  programmeComponents: z.array(versioned(ProgrammeComponent)),
});

const VersionSummary = z.object({
  version: z.number().int().describe('The rule version (1… in loading order)'),
  id: z.string().describe('The document’s id'),
  title: z.string().describe('The document’s title'),
  effectiveFrom: z.string().describe('The date from which it applies'),
  reason: z.string().describe('Why it was loaded (the decree, the correction)'),
  sections: z.array(z.string()).describe('The sections it carries (standards, loanRates …)'),
  recordedBy: z.string().optional().describe('Who loaded it (absent for the shipped documents)'),
  recordedAt: z.string().optional().describe('When it was loaded'),
});

const Outcome = z.object({
  classification: z.string().describe('poor, near_poor or non_poor'),
  standardId: z.string().describe('The poverty standard applied'),
  standardVersion: z.number().nullable().describe('The rule version the standard came from'),
});
const AffectedReview = z.object({
  householdId: z.uuid(),
  eventId: z.uuid().describe('The review’s event (amend it to decide again)'),
  unitCode: z.string().describe('The household’s unit'),
  effectiveDate: z.string().describe('The review’s effective date'),
  reviewType: z.string().describe('periodic, regular or baseline'),
  listYear: z.number().int().describe('The list year it decided'),
  recorded: Outcome.describe('What was recorded'),
  wouldBe: z
    .union([
      Outcome,
      z.object({
        refused: z.string().describe('The problem code the review would now be refused with'),
        detail: z.string().describe('Why'),
      }),
    ])
    .describe('What the rules through this version would decide, or why they would refuse the review'),
});
const AffectedPage = z.object({
  items: z.array(AffectedReview).describe('Reviews classified differently'),
  /** Pass as `cursor` for the next page; absent when every review was looked at. */
  nextCursor: z
    .string()
    .optional()
    .describe('Pass as cursor for the next page; absent when every review was looked at'),
  scanned: z.number().int().describe('Reviews looked at'),
});

const encodeCursor = (c: { householdId: string; eventId: string } | undefined) =>
  c && Buffer.from(`${c.householdId}:${c.eventId}`).toString('base64url');
function decodeCursor(cursor: string | undefined): { householdId: string; eventId: string } | undefined {
  if (!cursor) return undefined;
  const [householdId, eventId] = Buffer.from(cursor, 'base64url').toString().split(':');
  const uuid = z.uuid();
  if (!uuid.safeParse(householdId).success || !uuid.safeParse(eventId).success) {
    throw new HttpProblem(400, 'INVALID_CURSOR', 'Invalid cursor', 'cursor must be a nextCursor this route returned');
  }
  return { householdId: householdId as string, eventId: eventId as string };
}

const summary = (book: RuleBook, version: number) => {
  const v = book.versions.find((x) => x.version === version);
  if (!v) {
    throw new HttpProblem(404, 'RULE_VERSION_NOT_FOUND', 'No such rule version', `no rule version ${version}`, {
      ruleVersion: version,
    });
  }
  return {
    version: v.version,
    id: v.document.id,
    title: v.document.title,
    effectiveFrom: v.document.effectiveFrom,
    reason: v.document.reason,
    sections: sectionsOf(v.document),
    ...(v.recordedBy ? { recordedBy: v.recordedBy } : {}),
    ...(v.recordedAt ? { recordedAt: v.recordedAt } : {}),
    document: v.document,
  };
};

/** Reviews shown with a load: enough to see what a correction does; the rest are paged by the route below. */
const PREVIEW = 100;
/** Reviews a load looks at before answering (the paged route goes on from where it stopped). */
const PREVIEW_SCAN = 200_000;

/**
 * The programme's rules by version: what is in force on a date (for forms and previews), the versions
 * loaded, loading a new one (admins; validated in full, recorded with who and why, never changing what
 * was decided before), and the reviews a version would classify differently (for supervisors to
 * re-review; nothing is rewritten).
 */
export const ruleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/rules',
    {
      schema: {
        tags: ['rules'],
        operationId: 'getRulesInForce',
        summary:
          'The rules in force on a date: standards with their indicators, list-year rules, loan programmes, rates and caps, programme components',
        querystring: z.strictObject({ date: z.iso.date().optional().describe('The date; today when omitted') }),
        // 422 NO_RULES_IN_FORCE before the first rules take effect.
        response: { 200: RuleSetAnswer, ...errors, 422: ProblemSchema },
      },
    },
    async (request) => {
      const date = request.query.date ?? today();
      const set = (await app.deps.rules.current()).on(date);
      return {
        date,
        versions: [...set.applied],
        standards: [...set.standards],
        listYearRules: Object.values(set.listYearRules),
        loanProgrammes: [...set.loanProgrammes],
        loanRates: [...set.loanRates],
        loanCaps: [...set.loanCaps],
        programmes: [...set.programmes],
        programmeComponents: [...set.programmeComponents],
      };
    },
  );

  app.get(
    '/v1/admin/rules',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['rules'],
        operationId: 'listRuleVersions',
        summary: 'Every rule version loaded, oldest first, with who loaded it and why',
        response: { 200: z.object({ versions: z.array(VersionSummary) }), ...errors },
      },
    },
    async () => {
      const book = await app.deps.rules.current();
      return {
        versions: book.versions.map((v) => {
          const { document: _document, ...rest } = summary(book, v.version);
          return rest;
        }),
      };
    },
  );

  app.get(
    '/v1/admin/rules/:version',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['rules'],
        operationId: 'getRuleVersion',
        summary: 'One rule version with its document',
        params: VersionParam,
        response: { 200: VersionSummary.extend({ document: RuleDocument }), ...errors },
      },
    },
    async (request) => summary(await app.deps.rules.current(), request.params.version),
  );

  app.post(
    '/v1/admin/rules',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['rules'],
        operationId: 'loadRuleVersion',
        summary:
          'Load a rule document as the next version, in force from its effectiveFrom; dryRun=true only validates it and lists the reviews it would classify differently',
        headers: ReadYourWritesHeaders,
        querystring: z.strictObject({ dryRun: DryRun }),
        body: RuleDocument,
        response: {
          503: ProblemSchema,
          200: z
            .object({
              dryRun: z.literal(true),
              version: z.number().int().describe('The version it would become'),
              affected: AffectedPage,
            })
            .describe('Validated (dry run): nothing recorded'),
          201: z
            .object({
              dryRun: z.literal(false),
              version: z.number().int().describe('The new rule version'),
              affected: AffectedPage,
            })
            .describe('Loaded as the next version'),
          ...errors,
          409: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const dryRun = request.query.dryRun === 'true';
      // The affected reviews are read from review_history joined to household_status (the unit): a
      // caller waiting for its own last review waits for both, or a household just registered is missed.
      await waitForProjection(app, request, 'review_history');
      await waitForProjection(app, request, 'household_status');
      const book = await app.deps.rules.current();
      // A dry run validates exactly as a load does, and records nothing.
      const loaded = dryRun
        ? { book: loadInto(book, request.body), version: book.latestVersion + 1 }
        : await appendRuleVersion(app.deps.store, book, request.body, request.actor);
      if (!dryRun) {
        app.deps.rules.replace(loaded.book);
        request.log.info({ ruleVersion: loaded.version, ruleDocument: request.body.id }, 'rule version loaded');
      }
      const page = await listAffectedReviews(app.deps.readModels, loaded.book, loaded.version, {
        limit: PREVIEW,
        maxScan: PREVIEW_SCAN,
      });
      const affected = { items: page.items, scanned: page.scanned, ...optionalCursor(page.next) };
      if (dryRun) return reply.status(200).send({ dryRun: true as const, version: loaded.version, affected });
      return reply.status(201).send({ dryRun: false as const, version: loaded.version, affected });
    },
  );

  app.get(
    '/v1/rules/:version/affected-reviews',
    {
      config: { roles: ['supervisor', 'admin'] },
      schema: {
        tags: ['rules'],
        operationId: 'listAffectedReviews',
        summary:
          'Recorded reviews that the rules through this version would classify differently, in the caller’s units: for re-review (an amendment decides again under the rules in force)',
        headers: ReadYourWritesHeaders,
        params: VersionParam,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).default(100).describe('Reviews per page, 1–500'),
          cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
        }),
        response: { 200: AffectedPage, ...errors, 503: ProblemSchema },
      },
    },
    async (request) => {
      // As for a load: the reviews are joined to household_status, so both must have the position.
      await waitForProjection(app, request, 'review_history');
      await waitForProjection(app, request, 'household_status');
      const book = await app.deps.rules.current();
      summary(book, request.params.version);
      const unitCodes = request.units.length > 0 ? request.units.flatMap((u) => app.geography.expand(u)) : undefined;
      const after = decodeCursor(request.query.cursor);
      const page = await listAffectedReviews(app.deps.readModels, book, request.params.version, {
        limit: request.query.limit,
        ...(after ? { after } : {}),
        ...(unitCodes ? { unitCodes } : {}),
      });
      return { items: page.items, scanned: page.scanned, ...optionalCursor(page.next) };
    },
  );
};

function optionalCursor(next: { householdId: string; eventId: string } | undefined): { nextCursor?: string } {
  const cursor = encodeCursor(next);
  return cursor ? { nextCursor: cursor } : {};
}
