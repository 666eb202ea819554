/**
 * The phone metadata an element needs, loaded in small chunks (core's `loadPhoneMetadataFor`), with one rule for
 * trying again: a load that failed (offline) is asked for again at the next `need()`, and by the controller
 * itself when the browser is back online or the element is connected again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadPhoneMetadataFor, missingPhoneData, type PhoneMetadata } from '@security-info/core';

export interface PhoneDataOptions {
  /** Called with all the metadata loaded so far, each time a load brings more. */
  loaded?(metadata: PhoneMetadata): void;
  /** Called when a load fails; it is tried again as described above. */
  failed?(error: unknown): void;
  /** Loads the metadata of calling codes: core's chunks by default. */
  load?(codes: readonly string[]): Promise<PhoneMetadata>;
}

export class PhoneDataController implements ReactiveController {
  /** All the metadata loaded so far; `undefined` until the first load. */
  metadata: PhoneMetadata | undefined;
  /** What was needed last: asked for again when the browser is back online or the element connected again. */
  private wanted: [number: string, region: string | undefined] | undefined;
  /** The calling codes on their way, so that each is asked for once at a time. */
  private requested: string | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: PhoneDataOptions = {},
  ) {
    host.addController(this);
  }

  /**
   * Loads the metadata that `number` and `region` need (see core's `missingPhoneData`) unless it is here or on its
   * way. With nothing needed, the first call still loads (nothing), so that `metadata` is set. `here`: the caller
   * found all of it in `metadata` already (a check of the number), which is not looked for again.
   */
  need(number: string, region?: string, here = false): void {
    this.wanted = [number, region];
    if (here && this.metadata) return;
    const codes = missingPhoneData(number, region, this.metadata);
    const key = codes.join();
    if ((this.metadata && codes.length === 0) || key === this.requested) return;
    this.requested = key;
    (this.options.load ?? loadPhoneMetadataFor)(codes).then(
      (metadata) => {
        if (this.requested === key) this.requested = undefined;
        this.metadata = metadata;
        this.options.loaded?.(metadata);
      },
      (error: unknown) => {
        if (this.requested === key) this.requested = undefined;
        this.options.failed?.(error);
      },
    );
  }

  hostConnected(): void {
    globalThis.addEventListener?.('online', this.retry);
    this.retry();
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('online', this.retry);
  }

  private readonly retry = () => {
    this.requested = undefined;
    if (this.wanted) this.need(...this.wanted);
  };
}
