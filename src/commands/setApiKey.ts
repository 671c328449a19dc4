import * as vscode from 'vscode';
import { describeError } from '../telnyx';
import type { CommandContext } from './context';

/** Checks `key` with one cheap call; the reason it was refused (plain text), or undefined when Telnyx accepts it. */
async function keyProblem(ctx: CommandContext, key: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    // Through the host gate: a new key goes only where the stored one may go.
    await (await ctx.clients.createAllowed(key)).listSimCards({ pageNumber: 1, pageSize: 1 }, signal);
    return undefined;
  } catch (error) {
    // describeError makes any server text inert.
    return vscode.l10n.t('{0} The key was not saved.', describeError(error, 'apiKey', ctx.clients.apiHost()));
  }
}

async function store(ctx: CommandContext, key: string): Promise<void> {
  await ctx.keys.set(key);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Telnyx API key saved'), 3000);
}

/** Checks `key` and stores it in SecretStorage only if Telnyx accepts it (no UI besides the status bar). */
export async function checkAndStoreKey(ctx: CommandContext, input: string): Promise<boolean> {
  const key = input.trim();
  if (!key || (await keyProblem(ctx, key)) !== undefined) return false;
  await store(ctx, key);
  return true;
}

/**
 * Asks for a key in a password box that stays open while the key is checked (busy, not
 * editable); a rejection shows under the box so the user can fix the key in place. Only a
 * key Telnyx accepts closes it.
 */
export async function setApiKey(ctx: CommandContext): Promise<void> {
  const box = vscode.window.createInputBox();
  box.title = vscode.l10n.t('Telnyx API Key');
  box.prompt = vscode.l10n.t("Enter a Telnyx API v2 key. It is kept in VS Code's secret storage.");
  box.placeholder = 'KEY…';
  box.password = true;
  box.ignoreFocusOut = true;
  let checking: AbortController | undefined;
  const accept = async (): Promise<void> => {
    const key = box.value.trim();
    if (checking) return;
    if (!key) {
      box.validationMessage = vscode.l10n.t('The API key cannot be empty.');
      return;
    }
    const controller = new AbortController();
    checking = controller;
    box.busy = true;
    box.enabled = false;
    box.validationMessage = undefined;
    const problem = await keyProblem(ctx, key, controller.signal);
    checking = undefined;
    if (controller.signal.aborted) return;
    box.busy = false;
    box.enabled = true;
    if (problem !== undefined) {
      box.validationMessage = { message: problem, severity: vscode.InputBoxValidationSeverity.Error };
      return;
    }
    await store(ctx, key);
    box.hide();
  };
  await new Promise<void>((resolve) => {
    const disposables: vscode.Disposable[] = [
      box.onDidChangeValue(() => {
        if (!checking) box.validationMessage = undefined;
      }),
      box.onDidAccept(() => {
        accept().catch((error: unknown) => {
          // Storing failed (secret storage): say so in place, keep the box open.
          box.busy = false;
          box.enabled = true;
          box.validationMessage = { message: describeError(error, 'apiKey'), severity: vscode.InputBoxValidationSeverity.Error };
        });
      }),
      box.onDidHide(() => {
        checking?.abort();
        for (const d of disposables) d.dispose();
        box.dispose();
        resolve();
      }),
    ];
    box.show();
  });
}
