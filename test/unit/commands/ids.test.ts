import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_NAMES, COMMAND_PREFIX, commandId } from '../../../src/commands/ids';

/** The manifest, read as a file (independent of the code under test). */
function manifest(): { contributes: { commands: { command: string }[] } } {
  const file = path.resolve(__dirname, '../../../../package.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { contributes: { commands: { command: string }[] } };
}

describe('command ids', () => {
  it('the command table ids equal package.json contributes.commands', () => {
    const declared = manifest()
      .contributes.commands.map((c) => c.command)
      .sort();
    // The table is typed Record<CommandName, ...>, so its keys are exactly COMMAND_NAMES.
    assert.deepEqual(COMMAND_NAMES.map((n) => `${COMMAND_PREFIX}${n}`).sort(), declared);
    assert.equal(new Set(COMMAND_NAMES).size, COMMAND_NAMES.length, 'no id twice');
  });

  it('each full id is a command the manifest declares', () => {
    const declared = new Set(manifest().contributes.commands.map((c) => c.command));
    for (const name of COMMAND_NAMES) assert.ok(declared.has(commandId(name)), commandId(name));
  });
});
