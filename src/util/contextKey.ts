import * as vscode from 'vscode';

/** A `when`-clause context key that remembers its value so it is only set when it changes. */
export class ContextKey<V> {
  #value: V | undefined;

  constructor(readonly name: string) {}

  async set(value: V): Promise<void> {
    if (this.#value === value) return;
    this.#value = value;
    await vscode.commands.executeCommand('setContext', this.name, value);
  }
}
