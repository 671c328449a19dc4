import * as vscode from 'vscode';
import { describeError, errorKind, type ErrorSubject } from '../telnyx';

/**
 * The one error path for things the user started (commands, panel buttons): logged in
 * full, shown as one sentence from describeError. A rejected key is only logged: the
 * client provider's onDidRejectKey already leads to the single "Set API Key" prompt.
 */
export class ErrorReporter {
  readonly #log: vscode.LogOutputChannel;
  readonly #host: () => string | undefined;
  /** `host` names the API server in connection failures (see describeError). */
  constructor(log: vscode.LogOutputChannel, host: () => string | undefined = () => undefined) {
    this.#log = log;
    this.#host = host;
  }

  report(error: unknown, subject: ErrorSubject, what: string): void {
    const kind = errorKind(error);
    this.#log.error(`${what} failed (${kind}): ${error instanceof Error ? error.message : String(error)}`);
    if (kind === 'cancelled' || kind === 'auth') return;
    // describeError gives our own sentence with any server text made inert (plainText):
    // notifications render Markdown links and command URIs. Not awaited: it stays until closed.
    vscode.window.showErrorMessage(describeError(error, subject, this.#host())).then(undefined, () => undefined);
  }
}
