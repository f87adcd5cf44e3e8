import type { SwaggerOptions } from '@fastify/swagger';
import type { OpenAPIV3 } from 'openapi-types';
import { documentTransform } from './document-transform.js';
import { routeTransform } from './route-transform.js';

const DESCRIPTION = `Household follow-up for Vietnam's sustainable poverty-reduction programme (giảm nghèo bền vững).

**Errors** are \`application/problem+json\` (RFC 9457) with a stable \`code\`; clients translate and branch on
\`code\` (texts of every code in Vietnamese and English: \`PROBLEM_MESSAGES\` of @benvung/domain). Send
\`Accept-Language: vi\` for Vietnamese titles and details; without it they are English.

**Commands** on a household answer its new version as an ETag: send it back in \`If-Match\` to refuse a
change made meanwhile (412). An \`Idempotency-Key\` makes a retry safe.

**Read-your-writes**: a command answers the \`position\` of its events; reads behind a projection take it
in \`X-Wait-For-Position\` and wait until they show it.`;

const TAGS: OpenAPIV3.TagObject[] = [
  { name: 'households', description: 'Registering households and reading their current status' },
  {
    name: 'commands',
    description: 'What happens to a household: reviews, support, notes, flags, corrections, moves, closure',
  },
  { name: 'members', description: 'The members a household lists (personal data)' },
  { name: 'audit', description: 'Replaying a household’s history, its state at a point, and its hash chain' },
  { name: 'imports', description: 'Importing the lists provinces keep (xlsx, csv) and their row-by-row problems' },
  {
    name: 'rules',
    description: 'Poverty standards, list-year rules, loan programmes and components as versioned data',
  },
  { name: 'units', description: 'Administrative units (provinces, communes) and the unit lists loaded' },
  {
    name: 'analytics',
    description: 'Relapse and transition statistics for analysts: aggregates only, small groups withheld',
  },
  { name: 'admin', description: 'Administration: the access log, accounts' },
  { name: 'auth', description: 'Signing in and out of the web app, and one’s own password' },
  { name: 'users', description: 'Accounts of the web app' },
  { name: 'operations', description: 'Liveness and readiness, for operators' },
];

/**
 * @fastify/swagger options around the document's frame (title, security schemes): the description,
 * servers and tags, the per-route transform (zod to JSON Schema, route notes) and the document transform
 * (shared problem responses, parameters and headers).
 */
export function swaggerOptions(frame: {
  info: Pick<OpenAPIV3.InfoObject, 'title' | 'version'>;
  components?: OpenAPIV3.ComponentsObject;
  security?: OpenAPIV3.SecurityRequirementObject[];
}): SwaggerOptions {
  const info: OpenAPIV3.InfoObject = {
    ...frame.info,
    description: DESCRIPTION,
    contact: { name: 'benvung maintainers' },
  };
  // Relative: the document describes whichever host serves it.
  const servers = [{ url: '/', description: 'This gateway' }];
  return {
    openapi: { ...frame, openapi: '3.0.3', info, servers, tags: TAGS },
    transform: routeTransform,
    transformObject: documentTransform,
  };
}
