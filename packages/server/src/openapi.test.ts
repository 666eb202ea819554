// The OpenAPI file (docs/http-contract.openapi.yaml) lists the statuses the handler answers: each answer of these
// requests is checked against the statuses its route lists there, besides the status the test expects.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { SecurityInfoPolicy } from '@security-info/core';
import { createMemoryStore } from './memory-store.js';
import type { SecurityInfoStore } from './store.js';
import { BASE, requester, setup } from './test-support.js';

const OPENAPI = readFileSync(new URL('../../../docs/http-contract.openapi.yaml', import.meta.url), 'utf8');

/**
 * Each operation of an OpenAPI file, as `METHOD /path` with each `{parameter}` as `{}`, and the statuses it lists;
 * read from the file's layout (paths at two spaces, methods at four, statuses at eight).
 */
function statusesOfOpenApi(yaml: string): Map<string, Set<number>> {
  const operations = new Map<string, Set<number>>();
  let path = '';
  let statuses: Set<number> | undefined;
  for (const line of yaml.split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('paths:')) [path, statuses] = ['', undefined];
    const pathLine = /^ {2}(\/\S*):\s*$/.exec(line);
    if (pathLine) [path, statuses] = [pathLine[1]!.replace(/\{[^}]+\}/g, '{}'), undefined];
    const method = /^ {4}(get|post|put|patch|delete):\s*$/.exec(line);
    if (method && path) operations.set(`${method[1]!.toUpperCase()} ${path}`, (statuses = new Set()));
    const status = /^ {8}'(\d{3})':/.exec(line);
    if (status && statuses) statuses.add(Number(status[1]));
  }
  return operations;
}

/**
 * The fields each operation's request body requires, where its schema is one object (`oneOf` bodies are left out);
 * read from the file's layout as `statusesOfOpenApi` reads it (the schema's `required` at fourteen spaces).
 */
function requiredFieldsOfOpenApi(yaml: string): Map<string, string[]> {
  const operations = new Map<string, string[]>();
  let path = '';
  let operation = '';
  let inBody = false;
  for (const line of yaml.split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('paths:')) [path, operation] = ['', ''];
    const pathLine = /^ {2}(\/\S*):\s*$/.exec(line);
    if (pathLine) [path, operation] = [pathLine[1]!.replace(/\{[^}]+\}/g, '{}'), ''];
    const method = /^ {4}(get|post|put|patch|delete):\s*$/.exec(line);
    if (method && path) operation = `${method[1]!.toUpperCase()} ${path}`;
    if (/^ {6}\S/.test(line)) inBody = /^ {6}requestBody:/.test(line);
    const required = /^ {14}required: \[([^\]]*)\]\s*$/.exec(line);
    if (required && inBody && operation)
      operations.set(
        operation,
        required[1]!.split(',').map((field) => field.trim()),
      );
  }
  return operations;
}

const DOCUMENTED = statusesOfOpenApi(OPENAPI);
const REQUIRED_FIELDS = requiredFieldsOfOpenApi(OPENAPI);

/** The operation of the file a request is for, or undefined. */
function operationOf(request: Request): string | undefined {
  const path = new URL(request.url).pathname.slice(new URL(BASE).pathname.length);
  return [...DOCUMENTED.keys()].find((operation) => {
    const [method, template] = operation.split(' ') as [string, string];
    const pattern = new RegExp(`^${template.replace(/\{\}/g, '[^/]+')}$`);
    return method === request.method && pattern.test(path);
  });
}

/**
 * The handler, with every answer checked against the statuses its route lists, and every request it accepts against
 * the fields its route's body requires: a field the server does without is not one a caller must send.
 */
function documented(handler: (request: Request) => Promise<Response>) {
  return async (request: Request) => {
    const operation = operationOf(request);
    const sent = request.body ? ((await request.clone().json()) as Record<string, unknown>) : undefined;
    const response = await handler(request);
    assert.ok(operation, `${request.method} ${request.url} is not in the OpenAPI file`);
    assert.ok(
      DOCUMENTED.get(operation)!.has(response.status),
      `${operation} answered ${response.status}, which docs/http-contract.openapi.yaml does not list for it`,
    );
    if (response.ok && sent)
      for (const field of REQUIRED_FIELDS.get(operation) ?? [])
        assert.ok(
          field in sent,
          `${operation} accepted a body without ${field}, which docs/http-contract.openapi.yaml requires`,
        );
    return response;
  };
}

const QUESTIONS_POLICY: SecurityInfoPolicy = {
  methods: [
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'security-questions', purposes: ['password-reset'] },
  ],
  securityQuestions: { questions: [{ id: 'first-pet' }, { id: 'birth-city' }, { id: 'first-car' }], required: 3 },
};
const ANSWERS = [
  { questionId: 'first-pet', answer: 'Rex the Dog' },
  { questionId: 'birth-city', answer: 'Utrecht' },
  { questionId: 'first-car', answer: 'A red Fiat' },
];

describe('the OpenAPI file', () => {
  it('reads the statuses of each operation', () => {
    const yaml = [
      'paths:',
      '  /policy:',
      '    get:',
      '      responses:',
      "        '200':",
      '          description: x',
      "        '401': { $ref: '#/components/responses/Unauthenticated' }",
      '  /phone/challenges/{id}/resend:',
      '    parameters: []',
      '    post:',
      '      responses:',
      "        '410': { $ref: '#/components/responses/Error' }",
      'components:',
      '  responses:',
      '    get:',
      "        '500': {}",
    ].join('\n');
    assert.deepEqual(
      [...statusesOfOpenApi(yaml)].map(([operation, statuses]) => [operation, [...statuses]]),
      [
        ['GET /policy', [200, 401]],
        ['POST /phone/challenges/{}/resend', [410]],
      ],
    );
  });

  it('reads the fields each request body requires', () => {
    const yaml = [
      'paths:',
      '  /phone/challenges/{id}/resend:',
      '    post:',
      '      requestBody:',
      '        required: true',
      '        content:',
      '          application/json:',
      '            schema:',
      '              type: object',
      '              required: [channel, locale]',
      '      responses:',
      "        '200':",
      '          content:',
      '            application/json:',
      '              schema:',
      '              required: [challengeId]',
    ].join('\n');
    assert.deepEqual([...requiredFieldsOfOpenApi(yaml)], [['POST /phone/challenges/{}/resend', ['channel', 'locale']]]);
    assert.deepEqual(REQUIRED_FIELDS.get('POST /phone/challenges'), ['phoneNumber', 'channel']);
  });

  it('asks no channel of the resend of an email sign-in check, which has one', async () => {
    const token = 'svc_0123456789abcdefghijklmnopqrstuvwxyz';
    const emails: string[] = [];
    const server = setup({
      policy: {
        methods: [
          { id: 'phone', purposes: ['mfa', 'password-reset'] },
          { id: 'email', purposes: ['password-reset'] },
        ],
      },
      sender: { send: async () => undefined, sendEmail: async ({ code }) => void emails.push(code) },
      serviceCredentials: { 'sign-in': token },
    });
    const call = requester(documented(server.handler));
    const sent = (await (await call('POST', '/email/challenges', { email: 'jan@example.com' })).json()) as {
      challengeId: string;
    };
    assert.equal(
      (await call('POST', `/email/challenges/${sent.challengeId}/verify`, { code: emails.at(-1) })).status,
      204,
    );
    const { methods } = (await (await call('GET', '/methods')).json()) as { methods: { id: string }[] };
    const service = { user: null, headers: { authorization: `Bearer ${token}` } };
    const started = await call('POST', '/service/users/alice/verifications', { methodId: methods[0]!.id }, service);
    assert.equal(started.status, 201);
    const { verificationId } = (await started.json()) as { verificationId: string };
    server.advance(61);
    const resent = await call('POST', `/service/users/alice/verifications/${verificationId}/resend`, {}, service);
    assert.equal(resent.status, 200);
  });

  it('lists 410 for the resend of an expired phone challenge', async () => {
    const server = setup();
    const call = requester(documented(server.handler));
    const id = await server.start();
    server.advance(301);
    const response = await call('POST', `/phone/challenges/${id}/resend`, { channel: 'sms' });
    assert.equal(response.status, 410);
    assert.equal(((await response.json()) as { error: string }).error, 'code-expired');
  });

  it('lists 422 for an authenticator app the policy does not offer', async () => {
    const call = requester(documented(setup().handler));
    assert.equal((await call('POST', '/authenticator-app/challenges', {})).status, 422);
  });

  it('lists 422, 429 and 409 for security questions', async () => {
    const call = requester(documented(setup().handler));
    assert.equal((await call('PUT', '/security-questions', { answers: ANSWERS })).status, 422, 'not offered');

    const limited = requester(
      documented(
        setup({ policy: QUESTIONS_POLICY, limits: { sendsPerUser: [{ max: 1, windowSeconds: 600 }] } }).handler,
      ),
    );
    assert.equal((await limited('PUT', '/security-questions', { answers: ANSWERS })).status, 204);
    const refused = await limited('PUT', '/security-questions', { answers: ANSWERS });
    assert.equal(refused.status, 429);
    assert.equal(((await refused.json()) as { error: string }).error, 'rate-limited');

    // The set the save names to replace is removed after the save looked it up, before it registers the new one.
    const memory = createMemoryStore();
    const race: { replacing?: string } = {};
    let removeFirst: (() => Promise<unknown>) | undefined;
    const store: SecurityInfoStore = Object.assign(Object.create(memory) as SecurityInfoStore, {
      async transaction<T>(work: Parameters<SecurityInfoStore['transaction']>[0]): Promise<T> {
        const before = removeFirst;
        removeFirst = undefined;
        await before?.();
        return memory.transaction(async (tx) => {
          const consume = tx.consume.bind(tx);
          // The save's charge comes between its look-up and its registration.
          tx.consume = async (charges, at) => {
            if (charges.some((charge) => charge.key.startsWith('questions-user:')) && race.replacing)
              removeFirst = () => memory.transaction((other) => other.deleteMethod('alice', race.replacing!));
            return consume(charges, at);
          };
          return (await work(tx)) as T;
        });
      },
    });
    const raced = requester(documented(setup({ policy: QUESTIONS_POLICY, store }).handler));
    assert.equal((await raced('PUT', '/security-questions', { answers: ANSWERS })).status, 204);
    const methods = (await (await raced('GET', '/methods')).json()) as { methods: { id: string }[] };
    race.replacing = methods.methods[0]!.id;
    const replacing = { answers: ANSWERS, replaces: race.replacing };
    assert.equal((await raced('PUT', '/security-questions', replacing)).status, 409);
  });
});
