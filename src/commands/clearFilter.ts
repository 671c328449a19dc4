import * as vscode from 'vscode';
import type { CommandContext } from './context';

export function registerClearFilter(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxSims.clearFilter', () => ctx.state.setFilter({}));
}
