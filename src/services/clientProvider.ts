import * as vscode from 'vscode';
import { DEFAULT_USER_AGENT, TelnyxClient } from '../telnyx';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { readSettings, SECTION } from '../config';
import type { HostGate } from './hostGate';

export const USER_AGENT = `${DEFAULT_USER_AGENT} (vscode)`;

/**
 * Builds the API client from the stored key and the settings, and rebuilds it when
 * either changes. Never logs the key: only the log line the client gives is written.
 */
export class ClientProvider implements vscode.Disposable {
  private cached: { client: TelnyxClient; fingerprint: string } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the key or a connection setting changed, so the tree reloads. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly gate?: HostGate,
  ) {
    this.disposables.push(
      this.changed,
      keys.onDidChange(() => this.invalidate()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          e.affectsConfiguration(`${SECTION}.apiBaseUrl`) ||
          e.affectsConfiguration(`${SECTION}.pageSize`) ||
          e.affectsConfiguration(`${SECTION}.maxConcurrentRequests`)
        ) {
          this.invalidate();
        }
      }),
    );
  }

  /** The client for the current key, or undefined when no key is set anywhere. */
  async get(): Promise<TelnyxClient | undefined> {
    const found = await this.keys.get();
    if (!found) return undefined;
    const settings = readSettings();
    // Before the key first goes to a server other than Telnyx or this computer.
    await this.gate?.ensureAllowed(settings.apiBaseUrl);
    // The fingerprint holds the key only in memory, to notice a change without rereading.
    const fingerprint = JSON.stringify([found.key, settings.apiBaseUrl, settings.pageSize, settings.maxConcurrentRequests]);
    if (this.cached?.fingerprint !== fingerprint) {
      this.cached = { client: this.create(found.key), fingerprint };
    }
    return this.cached.client;
  }

  /** A client for a key that is not stored yet (to check it before saving). */
  create(apiKey: string): TelnyxClient {
    const settings = readSettings();
    return new TelnyxClient({
      apiKey,
      baseUrl: settings.apiBaseUrl,
      pageSize: settings.pageSize,
      concurrency: settings.maxConcurrentRequests,
      userAgent: USER_AGENT,
      log: (line) => this.log.debug(line),
    });
  }

  /** create() after the host gate: for checking a new key before saving it. */
  async createAllowed(apiKey: string): Promise<TelnyxClient> {
    await this.gate?.ensureAllowed(readSettings().apiBaseUrl);
    return this.create(apiKey);
  }

  private invalidate(): void {
    this.cached = undefined;
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
