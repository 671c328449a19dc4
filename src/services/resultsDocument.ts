// Read-only plain-text documents with the results of bulk runs ("Show Results"). Content
// providers make documents VS Code cannot save over; the text lives here, per run.
import * as vscode from 'vscode';

export const RESULTS_SCHEME = 'telnyx-sim-results';
/** Older reports are dropped; each is a few lines per SIM. */
const KEEP = 20;

export class ResultsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  readonly #texts = new Map<string, string>();
  #serial = 0;
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.#changed.event;

  /** Stores a report and returns the address to open it at. */
  add(title: string, text: string): vscode.Uri {
    this.#serial++;
    // The path names the document in its tab; keep it to safe characters.
    const name = `${title
      .replace(/[^\p{L}\p{N} ,.-]+/gu, ' ')
      .trim()
      .slice(0, 80)} (${this.#serial}).txt`;
    const uri = vscode.Uri.from({ scheme: RESULTS_SCHEME, path: `/${name}` });
    this.#texts.set(uri.toString(), text);
    while (this.#texts.size > KEEP) {
      const oldest = this.#texts.keys().next().value;
      if (oldest === undefined) break;
      this.#texts.delete(oldest);
    }
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.#texts.get(uri.toString()) ?? vscode.l10n.t('These results are no longer available.');
  }

  async show(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const plain = doc.languageId === 'plaintext' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    return vscode.window.showTextDocument(plain, { preview: false });
  }

  dispose(): void {
    this.#changed.dispose();
    this.#texts.clear();
  }
}
