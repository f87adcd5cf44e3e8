import type { SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { OpenAPIV3 } from 'openapi-types';
import { z } from 'zod';
import { ProblemSchema } from '../routes/schemas.js';
import { HEADER_NAMES, RESPONSE_HEADER_NAMES, RESPONSE_HEADERS, type ResponseHeaderName } from './headers.js';
import { PROBLEM_MEDIA_TYPE, PROBLEM_RESPONSES, PROBLEM_SCHEMA_REF } from './problem-responses.js';
import { ROUTE_NOTES, type RouteNotes } from './route-transform.js';

type Operation = OpenAPIV3.OperationObject & { [ROUTE_NOTES]?: RouteNotes };
type Parameter = OpenAPIV3.ParameterObject | OpenAPIV3.ReferenceObject;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

const ref = (kind: 'parameters' | 'responses' | 'headers' | 'schemas', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
});

/** Parameters every operation may take, besides its own. */
const SHARED_PARAMETERS = {
  AcceptLanguage: {
    in: 'header',
    name: 'Accept-Language',
    required: false,
    description:
      'Language of problem titles and details: vi or en (quality values respected, e.g. "vi-VN, vi;q=0.9, en;q=0.5"). Without it, English. Data is never translated.',
    schema: { type: 'string', example: 'vi' },
  },
  CsrfToken: {
    in: 'header',
    name: 'X-CSRF-Token',
    required: false,
    description:
      'With the web app’s session cookie: the value of the benvung_csrf cookie (403 CSRF_INVALID without it). Not needed with a bearer token.',
    schema: { type: 'string' },
  },
} satisfies Record<string, OpenAPIV3.ParameterObject>;

const SUCCESS: Readonly<Record<string, string>> = {
  200: 'OK',
  201: 'Created: recorded',
  202: 'Accepted: started, follow it at Location',
  204: 'Done, nothing to answer',
};

/**
 * The document-wide part: shared problem responses (application/problem+json, the Problem schema by
 * reference), the parameters and response headers every operation shares as components, problem
 * statuses and Accept-Language on every operation that may answer a problem, X-CSRF-Token on unsafe
 * operations a session may call, and no security requirement on public operations.
 */
export const documentTransform: SwaggerTransformObject = (input) => {
  const doc = jsonSchemaTransformObject(input) as OpenAPIV3.Document;
  const parameters: Record<string, OpenAPIV3.ParameterObject> = {};
  const responses: Record<string, OpenAPIV3.ResponseObject> = {};
  const headers: Partial<Record<ResponseHeaderName, OpenAPIV3.HeaderObject>> = {};

  const useHeader = (name: ResponseHeaderName) => {
    headers[name] = { ...RESPONSE_HEADERS[name] } as OpenAPIV3.HeaderObject;
    return ref('headers', name);
  };
  const useParameter = (name: string, parameter: OpenAPIV3.ParameterObject) => {
    parameters[name] ??= parameter;
    return ref('parameters', name);
  };
  /** A problem status as a shared response (made once, then referred to). */
  const useProblem = (status: number): OpenAPIV3.ReferenceObject | OpenAPIV3.ResponseObject => {
    const shared = PROBLEM_RESPONSES[status];
    const response: OpenAPIV3.ResponseObject = {
      description: shared?.description ?? `A problem (status ${status}).`,
      headers: Object.fromEntries(
        ['ContentLanguage' as const, ...(shared?.headers ?? [])].map((h) => [RESPONSE_HEADER_NAMES[h], useHeader(h)]),
      ),
      content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_SCHEMA_REF } } },
    };
    if (!shared) return response;
    responses[shared.name] ??= response;
    return ref('responses', shared.name);
  };

  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item?.[method] as Operation | undefined;
      if (!op) continue;
      const notes = op[ROUTE_NOTES];
      delete op[ROUTE_NOTES];
      if (!notes) continue;
      // Route headers stay inline (routes describe them their way); only their names get their usual case.
      op.parameters = (op.parameters as OpenAPIV3.ParameterObject[] | undefined)?.map(
        (p): Parameter => (p.in === 'header' ? { ...p, name: HEADER_NAMES[p.name.toLowerCase()] ?? p.name } : p),
      );
      const shared: Parameter[] = [];
      if (notes.problems.length > 0) shared.push(useParameter('AcceptLanguage', SHARED_PARAMETERS.AcceptLanguage));
      if (notes.authenticated && UNSAFE.has(method))
        shared.push(useParameter('CsrfToken', SHARED_PARAMETERS.CsrfToken));
      op.parameters = [...(op.parameters ?? []), ...shared];
      if (op.parameters.length === 0) delete op.parameters;

      for (const status of notes.problems) op.responses[status] = useProblem(status);
      for (const [status, names] of Object.entries(notes.responseHeaders)) {
        const response = op.responses[status];
        if (!response || '$ref' in response || !names) continue;
        response.headers = {
          ...response.headers,
          ...Object.fromEntries(names.map((n) => [RESPONSE_HEADER_NAMES[n], useHeader(n)])),
        };
      }
      if (notes.formFiles) {
        const media = (op.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content['multipart/form-data'];
        if (media) {
          media.encoding = Object.fromEntries(
            Object.entries(notes.formFiles).map(([field, types]) => [field, { contentType: types.join(', ') }]),
          );
        }
      }
      for (const [status, response] of Object.entries(op.responses)) {
        // A body schema without a description of its own: say what the status means.
        if ('description' in response && response.description === 'Default Response')
          response.description = SUCCESS[status] ?? 'Response';
      }
      op.responses = Object.fromEntries(Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)));
      // The document requires credentials by default; health checks and sign-in take none.
      if (!notes.authenticated && op.security === undefined) op.security = [];
    }
  }

  const problem = z.toJSONSchema(ProblemSchema, { target: 'openapi-3.0', io: 'output' }) as Record<string, unknown>;
  delete problem.$schema;
  return {
    ...doc,
    components: {
      ...doc.components,
      schemas: { ...doc.components?.schemas, Problem: problem as OpenAPIV3.SchemaObject },
      responses: { ...doc.components?.responses, ...responses },
      parameters: { ...doc.components?.parameters, ...parameters },
      headers: { ...doc.components?.headers, ...headers },
    },
  };
};
