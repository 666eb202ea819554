/** The person's own methods: list them, remove or rename one, choose the default sign-in method. */
import type { Caller, Challenges } from './challenges.js';
import { readPasskeyName } from './passkey-routes.js';
import { respond } from './http.js';
import { readId } from './phone-routes.js';
import type { RegistrationsApi } from './registrations.js';

export function createMethodRoutes(challenges: Challenges, registrations: RegistrationsApi) {
  async function list(caller: Caller): Promise<Response> {
    return respond(200, await challenges.transaction((tx) => registrations.view(tx, caller.userId)));
  }

  async function remove(caller: Caller, id: string): Promise<Response> {
    const removed = await challenges.transaction((tx) => registrations.remove(tx, caller, id));
    registrations.notify(caller.userId, 'method-removed', removed);
    return respond(204);
  }

  async function setDefault(caller: Caller, body: Record<string, unknown>): Promise<Response> {
    const id = readId(body.id, 'id');
    const method = await challenges.transaction((tx) => registrations.setDefault(tx, caller, id));
    registrations.notify(caller.userId, 'default-changed', method);
    return respond(204);
  }

  /** `PATCH {base}/methods/{id}` with `{ name }`: a passkey's new name. */
  async function rename(caller: Caller, id: string, body: Record<string, unknown>): Promise<Response> {
    const name = readPasskeyName(body.name);
    await challenges.transaction((tx) => registrations.rename(tx, caller, id, name));
    return respond(204);
  }

  return { list, remove, rename, setDefault };
}
