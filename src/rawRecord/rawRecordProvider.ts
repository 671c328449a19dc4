import * as vscode from 'vscode';
import { NoApiKeyError } from '../telnyx';
import type { SimCard } from '../telnyx/types';
import type { ClientProvider } from '../services/clientProvider';

export const RAW_RECORD_SCHEME = 'telnyx-sim';

/**
 * Read-only JSON documents of `GET /sim_cards/{id}`. The path gives the editor a readable
 * title (`SIM 8931…0123.json`); the SIM id travels in the query.
 */
export class RawRecordProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly clients: ClientProvider) {}

  uriFor(sim: Pick<SimCard, 'id' | 'iccid'>): vscode.Uri {
    const name = sim.iccid && /^[0-9A-Za-z]+$/.test(sim.iccid) ? sim.iccid : sim.id.replace(/[^0-9A-Za-z-]/g, '');
    return vscode.Uri.from({ scheme: RAW_RECORD_SCHEME, path: `/SIM ${name}.json`, query: encodeURIComponent(sim.id) });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const id = decodeURIComponent(uri.query);
    const client = await this.clients.get();
    if (!client) throw new NoApiKeyError();
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort());
    try {
      const record = await client.getSimCard(id, controller.signal);
      return `${JSON.stringify(record, null, 2)}\n`;
    } finally {
      sub.dispose();
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
