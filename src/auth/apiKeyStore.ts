import * as vscode from 'vscode';
import { StorageKeys } from '../util/ids';

const SECRET_KEY = StorageKeys.apiKeySecret;
export const ENV_VAR = 'TELNYX_API_KEY';

export type KeySource = 'secretStorage' | 'environment';

/**
 * The API key lives only in SecretStorage, or comes from TELNYX_API_KEY when nothing is
 * stored. It is never written to settings, logs or messages.
 */
export class ApiKeyStore implements vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.#changed.event;
  readonly #subscription: vscode.Disposable;
  readonly #secrets: vscode.SecretStorage;

  constructor(secrets: vscode.SecretStorage) {
    this.#secrets = secrets;
    this.#subscription = secrets.onDidChange((e) => {
      if (e.key === SECRET_KEY) this.#changed.fire();
    });
  }

  async get(): Promise<{ key: string; source: KeySource } | undefined> {
    const stored = (await this.#secrets.get(SECRET_KEY))?.trim();
    if (stored) return { key: stored, source: 'secretStorage' };
    const env = process.env[ENV_VAR]?.trim();
    if (env) return { key: env, source: 'environment' };
    return undefined;
  }

  async set(key: string): Promise<void> {
    await this.#secrets.store(SECRET_KEY, key.trim());
  }

  async clear(): Promise<void> {
    await this.#secrets.delete(SECRET_KEY);
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#changed.dispose();
  }
}
