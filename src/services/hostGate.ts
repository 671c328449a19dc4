import * as vscode from 'vscode';
import { BadRequestError } from '../telnyx';
import { checkBaseUrl, sendKeyQuestion } from '../telnyx/baseUrlPolicy';
import { describeCause } from '../telnyx/errorCauses';

const ALLOWED_KEY = 'telnyxSims.allowedApiHosts';

/**
 * Asks once per distinct base URL before the API key is first sent to a server that is
 * neither Telnyx nor this computer; an "Allow" is remembered in global state (per user,
 * never in a workspace). Refused URLs (http to another computer...) never get this far.
 */
export class HostGate {
  private readonly asking = new Map<string, Promise<boolean>>();

  constructor(private readonly state: vscode.Memento) {}

  /** Resolves when the key may go to `baseUrl`; rejects with a typed error otherwise. */
  async ensureAllowed(baseUrl: string): Promise<void> {
    const verdict = checkBaseUrl(baseUrl);
    if (!verdict.ok) throw new BadRequestError(verdict.message, { reason: 'badBaseUrl' });
    if (verdict.kind !== 'other') return;
    if (this.allowedUrls().includes(verdict.url)) return;
    // Several requests at once (tree, details, raw record) share one question.
    let answer = this.asking.get(verdict.url);
    if (!answer) {
      answer = this.ask(verdict.url).finally(() => this.asking.delete(verdict.url));
      this.asking.set(verdict.url, answer);
    }
    if (!(await answer)) {
      throw new BadRequestError(describeCause('hostNotAllowed', { host: new URL(verdict.url).host }), { reason: 'hostNotAllowed' });
    }
  }

  /** URLs the user allowed (normalised, as checkBaseUrl returns them). */
  allowedUrls(): string[] {
    const v = this.state.get<unknown>(ALLOWED_KEY);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  private async ask(url: string): Promise<boolean> {
    const allow = vscode.l10n.t('Allow');
    const choice = await vscode.window.showWarningMessage(
      sendKeyQuestion(url),
      {
        modal: true,
        detail: vscode.l10n.t(
          'This server is not the Telnyx API. It will receive your API key with every request. The address comes from the setting telnyxSims.apiBaseUrl.',
        ),
      },
      allow,
    );
    if (choice !== allow) return false;
    await this.state.update(ALLOWED_KEY, [...new Set([...this.allowedUrls(), url])]);
    return true;
  }
}
