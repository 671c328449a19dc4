import * as vscode from 'vscode';
import { DEFAULT_USER_AGENT, errorKind, TelnyxClient, type RetryInfo, type RequestLogLevel } from '../telnyx';
import { checkBaseUrl, nonDefaultHostNote } from '../telnyx/baseUrlPolicy';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { readSettings, SECTION } from '../config';
import type { HostGate } from './hostGate';

export const USER_AGENT = `${DEFAULT_USER_AGENT} (vscode)`;

/** Which stored key a rejection was about (a serial number, so the key itself is never passed around). */
export interface KeyRejection {
  readonly keySerial: number;
}

/**
 * Builds the API client from the stored key and the settings, and rebuilds it when
 * either changes. Any request of that client answered 401/403 fires `onDidRejectKey`:
 * the one signal the tree, the panels and the "Set API Key" prompt listen to.
 * Never logs the key: only the log line the client gives is written.
 */
export class ClientProvider implements vscode.Disposable {
  #cached: { client: TelnyxClient; fingerprint: string; serial: number } | undefined;
  /** Counts distinct keys, so a rejection is reported once per key, not once per settings change. */
  #serial = 0;
  #lastKey: string | undefined;
  readonly #changed = new vscode.EventEmitter<void>();
  readonly #rejected = new vscode.EventEmitter<KeyRejection>();
  readonly #retried = new vscode.EventEmitter<RetryInfo>();
  /** Fires when the key or a connection setting changed, so the tree reloads. */
  readonly onDidChange = this.#changed.event;
  /** Fires when Telnyx answered 401/403 to a request made with the current key. */
  readonly onDidRejectKey = this.#rejected.event;
  /**
   * Fires when a request of the current client failed and will be tried again: the view
   * shows `retryingText(info.attempt, info.maxAttempts)` ("Retrying (2 of 3)…") meanwhile.
   */
  readonly onDidRetry = this.#retried.event;
  readonly #disposables: vscode.Disposable[] = [];
  readonly #keys: ApiKeyStore;
  readonly #log: vscode.LogOutputChannel;
  readonly #gate: HostGate | undefined;

  constructor(keys: ApiKeyStore, log: vscode.LogOutputChannel, gate?: HostGate) {
    this.#keys = keys;
    this.#log = log;
    this.#gate = gate;
    this.#disposables.push(
      this.#changed,
      this.#rejected,
      this.#retried,
      keys.onDidChange(() => this.#invalidate()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          e.affectsConfiguration(`${SECTION}.apiBaseUrl`) ||
          e.affectsConfiguration(`${SECTION}.pageSize`) ||
          e.affectsConfiguration(`${SECTION}.maxConcurrentRequests`)
        ) {
          this.#invalidate();
        }
      }),
    );
  }

  /** The client for the current key, or undefined when no key is set anywhere. */
  async get(): Promise<TelnyxClient | undefined> {
    const found = await this.#keys.get();
    if (!found) return undefined;
    const settings = readSettings();
    // Before the key first goes to a server other than Telnyx or this computer.
    await this.#gate?.ensureAllowed(settings.apiBaseUrl);
    // The fingerprint holds the key only in memory, to notice a change without rereading.
    const fingerprint = JSON.stringify([found.key, settings.apiBaseUrl, settings.pageSize, settings.maxConcurrentRequests]);
    if (this.#cached?.fingerprint !== fingerprint) {
      if (found.key !== this.#lastKey) {
        this.#lastKey = found.key;
        this.#serial++;
      }
      this.#cached = {
        client: this.#watched(
          this.create(found.key, (info) => this.#retried.fire(info)),
          this.#serial,
        ),
        fingerprint,
        serial: this.#serial,
      };
    }
    return this.#cached.client;
  }

  /** A client for a key that is not stored yet (to check it before saving); its 401s are not reported. */
  create(apiKey: string, onRetry?: (info: RetryInfo) => void): TelnyxClient {
    const settings = readSettings();
    return new TelnyxClient({
      apiKey,
      ...(onRetry ? { onRetry } : {}),
      baseUrl: settings.apiBaseUrl,
      pageSize: settings.pageSize,
      concurrency: settings.maxConcurrentRequests,
      userAgent: USER_AGENT,
      log: (line, level) => this.#logRequest(line, level, apiKey),
    });
  }

  /**
   * One line per request at Info (the output channel's default level, so users see it), retries
   * at Warning, requests that failed for good at Error. The client never puts the key in a line;
   * it is cut out here as well, so no path or server text can ever carry it to the log.
   */
  #logRequest(line: string, level: RequestLogLevel, apiKey: string): void {
    const safe = apiKey.length >= 4 ? line.split(apiKey).join('[redacted]') : line;
    if (level === 'error') this.#log.error(safe);
    else if (level === 'warn') this.#log.warn(safe);
    else this.#log.info(safe);
  }

  /**
   * The same client, with every promise-returning method observed for 401/403. Callers still
   * get the rejection; this only adds the one notification, whatever method failed.
   */
  #watched(client: TelnyxClient, keySerial: number): TelnyxClient {
    const onRejected = (error: unknown): void => {
      if (errorKind(error) === 'auth' && this.#cached?.serial === keySerial) this.#rejected.fire({ keySerial });
    };
    return new Proxy(client, {
      get(target, prop, receiver): unknown {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]): unknown => {
          const result: unknown = Reflect.apply(value, target, args);
          if (result instanceof Promise) result.catch(onRejected);
          return result;
        };
      },
    });
  }

  /** create() after the host gate: for checking a new key before saving it. */
  async createAllowed(apiKey: string): Promise<TelnyxClient> {
    await this.#gate?.ensureAllowed(readSettings().apiBaseUrl);
    return this.create(apiKey);
  }

  /** Host of the API base URL setting ("api.telnyx.com"), to name the server in messages. */
  apiHost(): string | undefined {
    const verdict = checkBaseUrl(readSettings().apiBaseUrl);
    return verdict.ok ? new URL(verdict.url).host : undefined;
  }

  /** "Server: 127.0.0.1:4010" when requests go somewhere other than Telnyx, for the view's description. */
  hostNote(): string | undefined {
    return nonDefaultHostNote(readSettings().apiBaseUrl);
  }

  #invalidate(): void {
    this.#cached = undefined;
    this.#changed.fire();
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }
}
