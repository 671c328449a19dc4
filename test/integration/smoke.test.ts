// Proves the harness: this suite runs inside a real VS Code extension host with our extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('harness smoke', () => {
  it('runs inside VS Code with the extension under development registered', () => {
    assert.ok(vscode.version.length > 0);
    const ext = vscode.extensions.getExtension('telnyx-sim-explorer.telnyx-sim-explorer');
    assert.ok(ext, 'extension telnyx-sim-explorer.telnyx-sim-explorer is not registered');
    assert.equal(ext.packageJSON.name, 'telnyx-sim-explorer');
  });
});
