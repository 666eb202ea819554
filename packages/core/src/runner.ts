/**
 * Runs an enrollment: keeps its state, applies events to the state machine and makes the adapter call each state
 * asks for, with a time-out and an AbortSignal that fires when the state moves on; a failure becomes the event the
 * state machine reads. No DOM: `<security-info-wizard>` renders the state and feeds in what the person does, and
 * the tests drive it in Node.
 *
 * By itself the runner knows the start of a flow: the policy call and the start's part of the state machine
 * (enrollment-start.ts), and failures by their code. A method's steps bring the rest with `use()` when they load
 * (the phone's: runner-phone.ts), so a page downloads each part with the steps that need it.
 */
import { failureCode, isSignInReason, type NormalizeErrorContext } from './error-codes.js';
import { initialEnrollment, startTransition } from './enrollment-start.js';
import type { EnrollmentEvent, EnrollmentFailure, EnrollmentOptions, EnrollmentState } from './enrollment-state.js';
import type { AdapterOperation, EnrollmentRequest } from './requests.js';
import type { SecurityInfoAdapter, SecurityInfoPolicy } from './types.js';

/** A part of the state machine: the next state for an event, or the same state for an event of another part. */
export type EnrollmentTransition<E = EnrollmentEvent> = (state: EnrollmentState, event: E) => EnrollmentState;

/** What an adapter call is made with. */
export interface CallContext {
  adapter: SecurityInfoAdapter;
  /** The state that asked for the call. */
  state: EnrollmentState;
  /** Fires when the state moves on (back, cancel, the host leaving the page) and at the time-out. */
  signal: AbortSignal;
}

/**
 * Makes the adapter call of a request and resolves to the event its answer causes, once the answer is checked
 * against the contract; rejects with whatever went wrong.
 */
export type EnrollmentCall = ((request: EnrollmentRequest, context: CallContext) => Promise<EnrollmentEvent>) & {
  /** How long this call may take in `state`, when not the time-out every call gets (`limit`). */
  limit?(state: EnrollmentState, limit: number): number;
};

/** The calls of a method's steps, by operation. */
export type EnrollmentCalls = Partial<Record<AdapterOperation, EnrollmentCall>>;

/** Describes what a call rejected with, for the `failed` event. */
export type DescribeFailure = (error: unknown, context: NormalizeErrorContext) => EnrollmentFailure;

/** What a method's steps bring to the runner when they load (see `EnrollmentRunner.use`). */
export interface EnrollmentPart {
  /** Their adapter calls. */
  calls?: EnrollmentCalls;
  /** Their part of the state machine, for their events and the answers to their calls. */
  transition?: EnrollmentTransition;
  /** How failures are described from then on: with the details these steps show (`toSecurityInfoError`). */
  describeFailure?: DescribeFailure;
}

/** Called after each change of state, with the state before and after it. */
export type EnrollmentListener = (before: EnrollmentState, after: EnrollmentState) => void;

export interface EnrollmentRunnerOptions {
  /** The backend, read at each call. */
  adapter(): SecurityInfoAdapter | undefined;
  /** Milliseconds a call may take before it is aborted and fails as `timeout`, read at each call. Default 30000. */
  timeout?(): number;
  /**
   * A call was refused until the person signs in again (`unauthenticated`, `reauthentication-required`). The host
   * may sign them in and have the call made once more: see `followSignIn` (runner-sign-in.ts).
   */
  signInRequired?(refused: EnrollmentRequest): void;
}

/** Used when the adapter has no `getPolicy` and the host gives no policy: a backend without policies enrolls phones. */
export const PHONE_ONLY_POLICY: SecurityInfoPolicy = {
  methods: [{ id: 'phone', purposes: ['mfa', 'password-reset'] }],
};

// The policy's reader loads while the policy is asked for: neither waits for the other, and the first view has
// neither. The other methods' sections are read by a module that loads only for a policy that has them.
const getPolicy: EnrollmentCall = async ({ id }, { adapter, signal }) => {
  const [{ readPolicy }, value] = await Promise.all([import('./policy-read.js'), adapter.getPolicy?.({ signal })]);
  return { type: 'policy-loaded', requestId: id, policy: value ? await readPolicy(value) : PHONE_ONLY_POLICY };
};

/** Settles with `promise`, or rejects as soon as `signal` aborts, so a hung adapter call never holds the flow. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined); // A late rejection after an abort is expected, not unhandled.
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}

export class EnrollmentRunner {
  private current: EnrollmentState | undefined;
  private readonly calls: EnrollmentCalls = { getPolicy };
  private readonly transitions: EnrollmentTransition[] = [startTransition];
  private describeFailure: DescribeFailure = (error, context) => ({ code: failureCode(error, context) });
  private readonly listeners = new Set<EnrollmentListener>();
  private inflight: { id: number; controller: AbortController } | undefined;

  constructor(private readonly options: EnrollmentRunnerOptions) {}

  /** The state now; undefined until `start()`. */
  get state(): EnrollmentState | undefined {
    return this.current;
  }

  /**
   * Starts the flow (once) and makes its first call. Without a policy from the host and without `getPolicy` on the
   * adapter, it starts from a policy that allows phones, with no call.
   */
  start(options: EnrollmentOptions): void {
    if (this.current) return;
    const policy = options.policy ?? (this.options.adapter()?.getPolicy ? undefined : PHONE_ONLY_POLICY);
    this.current = initialEnrollment({ ...options, policy });
    this.run();
  }

  /**
   * Applies an event to the state machine: to `transition` when given (sign-in.ts's), else to the parts the runner
   * has. When the state changes, a call it no longer waits for is aborted, the listeners hear of it, and the call
   * it asks for is made.
   * @returns whether the state changed.
   */
  dispatch(event: EnrollmentEvent): boolean;
  dispatch<E>(event: E, transition: EnrollmentTransition<E>): boolean;
  dispatch<E>(event: E, transition?: EnrollmentTransition<E>): boolean {
    const before = this.current;
    if (!before) return false;
    const after = transition ? transition(before, event) : this.next(before, event as EnrollmentEvent);
    if (after === before) return false;
    this.current = after;
    if (this.inflight && after.request?.id !== this.inflight.id) {
      this.inflight.controller.abort(new DOMException('The step was left.', 'AbortError'));
      this.inflight = undefined;
    }
    // A listener may move the state on itself (a host that cancels on a step event): the later ones then hear of
    // that change instead of this one.
    for (const listener of [...this.listeners]) if (this.current === after) listener(before, after);
    this.run();
    return true;
  }

  /** Adds what a method's steps bring, and makes the call the state waits for if it is among their calls. */
  use({ calls, transition, describeFailure }: EnrollmentPart): void {
    Object.assign(this.calls, calls);
    if (transition && !this.transitions.includes(transition)) this.transitions.push(transition);
    if (describeFailure) this.describeFailure = describeFailure;
    this.run();
  }

  /** Calls `listener` after each change of state, until the returned function is called. */
  subscribe(listener: EnrollmentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The host left the page: the call in flight is abandoned, and the step stays. Nothing starts a call again until
   * the person acts: an answer or a sign-in that arrives meanwhile belongs to a request that is over.
   */
  pause(): void {
    this.dispatch({ type: 'interrupted' });
  }

  /** Back on the page: a policy that never arrived is asked for again. */
  resume(): void {
    const state = this.current;
    if (state?.step === 'loading' && !state.request && !state.error) this.dispatch({ type: 'retry' });
  }

  /** The next state by the first part of the state machine that the event changes it in. */
  private next(state: EnrollmentState, event: EnrollmentEvent): EnrollmentState {
    for (const part of this.transitions) {
      const next = part(state, event);
      if (next !== state) return next;
    }
    return state;
  }

  /** Makes the call the state asks for, unless it is under way or no steps have brought it yet. */
  private run(): void {
    const request = this.current?.request;
    if (!request || this.inflight?.id === request.id || request.operation === 'signIn') return;
    const call = this.calls[request.operation];
    if (call) void this.perform(request, call);
  }

  private async perform(request: EnrollmentRequest, call: EnrollmentCall): Promise<void> {
    const controller = new AbortController();
    const inflight = (this.inflight = { id: request.id, controller });
    const { adapter, timeout, signInRequired } = this.options;
    let timedOut = false;
    const limit = timeout?.() ?? 30_000;
    const timer = setTimeout(
      () => {
        timedOut = true;
        controller.abort(new DOMException('The backend took too long.', 'TimeoutError'));
      },
      call.limit?.(this.current!, limit) ?? limit,
    );
    let answer: EnrollmentEvent;
    try {
      const backend = adapter();
      if (!backend) throw new Error('No adapter was given.');
      const { signal } = controller;
      answer = await abortable(call(request, { adapter: backend, state: this.current!, signal }), signal);
    } catch (error) {
      const offline = globalThis.navigator?.onLine === false;
      answer = { type: 'failed', requestId: request.id, error: this.describeFailure(error, { timedOut, offline }) };
    } finally {
      clearTimeout(timer);
    }
    // Aborted by back, cancel or the host leaving: the state moved on already, there is nothing to report.
    if (this.inflight !== inflight) return;
    this.inflight = undefined;
    this.dispatch(answer);
    if (answer.type === 'failed' && isSignInReason(this.current?.error?.code)) signInRequired?.(request);
  }
}
