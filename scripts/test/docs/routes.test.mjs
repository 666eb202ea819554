// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRoutes, routesOfOpenApi, routesOfTables } from './routes.mjs';

test('the routes of the contract tables and of the OpenAPI file are read alike', () => {
  const markdown = [
    '| route | body |',
    '| --- | --- |',
    '| `GET {base}/policy` | |',
    '| `POST {base}/phone/challenges/{id}/verify` | `{ code }` |',
    '| `GET {base}/service/audit?userId=&after=` | |',
  ].join('\n');
  const yaml = [
    'paths:',
    '  /policy:',
    '    get:',
    '      summary: x',
    '  /phone/challenges/{challengeId}/verify:',
    '    parameters: []',
    '    post:',
    '  /service/audit:',
    '    get:',
    'components:',
    '  schemas:',
    '    get:',
  ].join('\n');
  const expected = ['GET /policy', 'POST /phone/challenges/{}/verify', 'GET /service/audit'];
  assert.deepEqual([...routesOfTables(markdown)], expected);
  assert.deepEqual([...routesOfOpenApi(yaml)], expected);
});

test('a route in only one of the contract and the OpenAPI file is named', () => {
  const markdown = ['| `GET {base}/policy` | |', '| `DELETE {base}/methods/{id}` | |'].join('\n');
  const yaml = ['paths:', '  /policy:', '    get:', '  /methods:', '    get:'].join('\n');
  assert.deepEqual(checkRoutes(markdown, yaml, 'api.yaml'), [
    'DELETE /methods/{} is not in api.yaml',
    'GET /methods is not in docs/http-contract.md',
  ]);
});
