import * as vscode from 'vscode';
import { describeError, errorKind, type ErrorSubject } from '../telnyx';

/**
 * The one error path for things the user started (commands, panel buttons): logged in
 * full, shown as one sentence from describeError. A rejected key is only logged: the
 * client provider's onDidRejectKey already leads to the single "Set API Key" prompt.
 */
export class ErrorReporter {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  report(error: unknown, subject: ErrorSubject, what: string): void {
    const kind = errorKind(error);
    this.log.error(`${what} failed (${kind}): ${error instanceof Error ? error.message : String(error)}`);
    if (kind === 'cancelled' || kind === 'auth') return;
    // Not awaited: a notification stays until the user closes it.
    vscode.window.showErrorMessage(describeError(error, subject)).then(undefined, () => undefined);
  }
}
