import * as vscode from 'vscode';
import { describeError, NoApiKeyError, type SimCard } from '../telnyx';
import type { ClientProvider } from '../services/clientProvider';

export const RAW_RECORD_SCHEME = 'telnyx-sim';

/** What the provider watches to refetch open documents: the fleet loader fits. */
/** Fires once per finished fleet load (complete or clearly partial). */
export interface ReloadSource {
  readonly onDidCompleteLoad: vscode.Event<unknown>;
}

/**
 * Read-only JSON documents of `GET /sim_cards/{id}`. The path gives the editor a readable
 * title (`SIM 8931…0123.json`); the SIM id travels in the query. VS Code keeps a provided
 * document (even for a while after it is closed) and only asks again when onDidChange
 * fires, so every completed fleet load and every key or setting change refetches them all.
 */
export class RawRecordProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.#changed.event;
  readonly #disposables: vscode.Disposable[] = [this.#changed];
  /** The typed error of the last failed fetch per document, so the opener can word it itself. */
  readonly #failures = new Map<string, unknown>();
  /** The text each open document shows, kept while VS Code holds the document. */
  readonly #shown = new Map<string, string>();
  readonly #clients: ClientProvider;

  constructor(clients: ClientProvider, reloads?: ReloadSource) {
    this.#clients = clients;
    this.#disposables.push(clients.onDidChange(() => this.reloadOpen()));
    if (reloads) this.#disposables.push(reloads.onDidCompleteLoad(() => this.reloadOpen()));
    this.#disposables.push(
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.#shown.delete(doc.uri.toString());
        this.#failures.delete(doc.uri.toString());
      }),
    );
  }

  uriFor(sim: Pick<SimCard, 'id' | 'iccid'>): vscode.Uri {
    const name = sim.iccid && /^[0-9A-Za-z]+$/.test(sim.iccid) ? sim.iccid : sim.id.replace(/[^0-9A-Za-z-]/g, '');
    return vscode.Uri.from({ scheme: RAW_RECORD_SCHEME, path: `/SIM ${name}.json`, query: encodeURIComponent(sim.id) });
  }

  /** Fetches again every raw record VS Code still holds, or only those of `simId`. */
  reloadOpen(simId?: string): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== RAW_RECORD_SCHEME) continue;
      if (simId !== undefined && safeDecode(doc.uri.query) !== simId) continue;
      this.#changed.fire(doc.uri);
    }
  }

  /** Why the last fetch of `uri` failed (the typed error), or undefined after a success. */
  failureFor(uri: vscode.Uri): unknown {
    return this.#failures.get(uri.toString());
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const key = uri.toString();
    const id = safeDecode(uri.query);
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort());
    try {
      const client = await this.#clients.get();
      if (!client) throw new NoApiKeyError();
      const record = await client.getSimCard(id, controller.signal);
      this.#failures.delete(key);
      // Depth-capped: a 10,000-deep record shows a marker instead of overflowing the stack.
      // Read with the first record shown (a chunk shared with the details panel).
      const text = (await import('../details/json')).toJsonText(record);
      this.#shown.set(key, text);
      return text;
    } catch (e) {
      this.#failures.set(key, e);
      // A re-read after a load (the SIM deleted since, the API down, the key cleared) keeps what
      // the editor shows, as a failed refresh keeps the tree; the view says why loads fail. Thrown,
      // VS Code would keep the text too but log the failure as an extension error.
      const kept = this.#shown.get(key);
      if (kept !== undefined) return kept;
      // VS Code may show this message in a notification, which renders links: describeError
      // gives our own sentence with server text made inert.
      throw new Error(describeError(e, 'sim', this.#clients.apiHost()));
    } finally {
      sub.dispose();
    }
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
