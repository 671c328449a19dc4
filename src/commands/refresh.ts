import * as vscode from 'vscode';
import type { CommandContext } from './context';

export function registerRefresh(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxSims.refresh', () => ctx.view.refresh());
}
