import * as vscode from 'vscode';
import { BadRequestError } from '../telnyx';
import { checkBaseUrl, sendKeyQuestion } from '../telnyx/baseUrlPolicy';
import { describeCause } from '../telnyx/errorCauses';
import { StorageKeys } from '../util/ids';

const ALLOWED_KEY = StorageKeys.allowedApiHosts;

/** Asks the user whether the key may go to `url`; true for Allow. */
export type HostQuestion = (url: string) => Promise<boolean>;

/**
 * Asks once per distinct base URL before the API key is first sent to a server that is
 * neither Telnyx nor this computer; an "Allow" is remembered in global state (per user,
 * never in a workspace). Refused URLs (http to another computer...) never get this far.
 */
export class HostGate {
  readonly #asking = new Map<string, Promise<boolean>>();
  readonly #state: vscode.Memento;
  readonly #ask: HostQuestion;

  /** `ask` replaces the modal only in tests (VS Code refuses dialogs in its test mode). */
  constructor(state: vscode.Memento, ask: HostQuestion = askWithModal) {
    this.#state = state;
    this.#ask = ask;
  }

  /** Resolves when the key may go to `baseUrl`; rejects with a typed error otherwise. */
  async ensureAllowed(baseUrl: string): Promise<void> {
    const verdict = checkBaseUrl(baseUrl);
    if (!verdict.ok) throw new BadRequestError(verdict.message, { reason: 'badBaseUrl' });
    if (verdict.kind !== 'other') return;
    if (this.allowedUrls().includes(verdict.url)) return;
    // Several requests at once (tree, details, raw record) share one question.
    let answer = this.#asking.get(verdict.url);
    if (!answer) {
      answer = this.#askAndRemember(verdict.url).finally(() => this.#asking.delete(verdict.url));
      this.#asking.set(verdict.url, answer);
    }
    if (!(await answer)) {
      throw new BadRequestError(describeCause('hostNotAllowed', { host: new URL(verdict.url).host }), { reason: 'hostNotAllowed' });
    }
  }

  /** URLs the user allowed (normalised, as checkBaseUrl returns them). */
  allowedUrls(): string[] {
    const v = this.#state.get<unknown>(ALLOWED_KEY);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  async #askAndRemember(url: string): Promise<boolean> {
    if (!(await this.#ask(url))) return false;
    await this.#state.update(ALLOWED_KEY, [...new Set([...this.allowedUrls(), url])]);
    return true;
  }
}

async function askWithModal(url: string): Promise<boolean> {
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
  return choice === allow;
}

/**
 * The host question in ExtensionMode.Test: VS Code refuses modal dialogs there, so the
 * integration tests see each question and answer it through the test API. The gate around
 * it (what is asked, when, what is remembered) is the production one.
 */
export class ScriptedHostQuestions {
  readonly #waiting: { url: string; answer: (allow: boolean) => void }[] = [];
  /** Every URL asked about, in order. */
  readonly asked: string[] = [];

  readonly ask: HostQuestion = (url) =>
    new Promise<boolean>((resolve) => {
      this.asked.push(url);
      this.#waiting.push({ url, answer: resolve });
    });

  /** The URLs whose question is still open. */
  pending(): string[] {
    return this.#waiting.map((w) => w.url);
  }

  /** Answers the oldest open question; false when none is open. */
  answer(allow: boolean): boolean {
    const next = this.#waiting.shift();
    next?.answer(allow);
    return next !== undefined;
  }
}
