// Demo only: shows the Telnyx view as soon as the window is up, so nobody has to find it.
const vscode = require('vscode');

exports.activate = async function activate() {
  await vscode.commands.executeCommand('workbench.view.extension.telnyxSims');
};

exports.deactivate = function deactivate() {};
