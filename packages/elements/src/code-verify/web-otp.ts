/**
 * WebOTP: asks the browser for the code of the text message on its way (`navigator.credentials.get({ otp })`),
 * where the browser offers it; the person confirms, the code arrives. The request is aborted when the host leaves
 * the page, stops wanting codes, or submits one (the code is in hand: a prompt for it would only be in the way).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Asks for an OTP credential, as `navigator.credentials.get` does. */
export type OtpRequest = (options: CredentialRequestOptions) => Promise<Credential | null>;

export interface WebOtpOptions {
  /** Whether the host wants codes read now: WebOTP asked for, and a text message (not a call) on its way. */
  enabled(): boolean;
  /** A code the browser read from a text message. */
  received(code: string): void;
  /** Asks the browser for the code: `navigator.credentials.get` where WebOTP exists, by default. */
  request?: OtpRequest;
}

/** The browser's WebOTP, or a request that finds nothing where it has none. */
const browserOtp: OtpRequest = (options) =>
  'OTPCredential' in globalThis && navigator.credentials ? navigator.credentials.get(options) : Promise.resolve(null);

export class WebOtpController implements ReactiveController {
  /** Ends the request under way, if there is one. */
  private asking: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly options: WebOtpOptions,
  ) {
    host.addController(this);
  }

  /**
   * Asks for the next code if `enabled()` says so and the host is on the page, unless a request is under way;
   * stops listening if `enabled()` says no. Call it when what `enabled()` reads changes and when a new message
   * is sent.
   */
  listen(): void {
    if (!this.options.enabled()) return this.abort();
    if (!this.host.isConnected || this.asking) return;
    const controller = new AbortController();
    this.asking = controller;
    const request = { otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions;
    const settled = () => {
      if (this.asking === controller) this.asking = undefined;
    };
    (this.options.request ?? browserOtp)(request).then((credential) => {
      settled();
      const code = (credential as (Credential & { code?: string }) | null)?.code;
      if (code && !controller.signal.aborted) this.options.received(code);
    }, settled); // No code, refused, or aborted: the person types it.
  }

  /** Stops listening for the present message; `listen()` starts again. */
  abort(): void {
    this.asking?.abort();
    this.asking = undefined;
  }

  hostConnected(): void {
    this.listen();
  }

  hostDisconnected(): void {
    this.abort();
  }
}
