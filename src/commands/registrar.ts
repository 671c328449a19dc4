import * as vscode from 'vscode';
import type { ErrorReporter } from '../services/errorReporter';
import type { FleetNode } from '../fleet';
import type { CommandContext, CommandTable, CommandTarget } from './context';
import { COMMAND_NAMES, COMMAND_PREFIX } from './ids';

export interface RegistrarDeps {
  readonly reporter: ErrorReporter;
  readonly log: vscode.LogOutputChannel;
  /** A real check that a value is a node of our tree (not a look-alike object). */
  readonly isNode: (x: unknown) => x is FleetNode;
}

/**
 * VS Code calls tree commands with (clicked node, selected nodes); anything else (strings,
 * objects from `executeCommand`) is ignored, so no argument can skip the UI.
 */
function targetOf(args: readonly unknown[], isNode: (x: unknown) => x is FleetNode): CommandTarget {
  const [clicked, all] = args;
  return {
    node: isNode(clicked) ? clicked : undefined,
    nodes: Array.isArray(all) ? all.filter(isNode) : [],
  };
}

/** Registers every row of the table under its `telnyxSims.` id, with one error path. */
export function registerCommandTable(table: CommandTable, ctx: CommandContext, deps: RegistrarDeps): vscode.Disposable {
  return vscode.Disposable.from(
    ...COMMAND_NAMES.map((name) => {
      const id = `${COMMAND_PREFIX}${name}`;
      const run = table[name](ctx);
      return vscode.commands.registerCommand(id, async (...args: unknown[]): Promise<void> => {
        deps.log.trace(`command ${id}`);
        try {
          await run(targetOf(args, deps.isNode));
        } catch (error) {
          // Ours, never VS Code's generic "Error running command".
          deps.reporter.report(error, 'command', id);
        }
      });
    }),
  );
}
