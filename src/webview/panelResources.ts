// What every panel of the app sets up the same way: the SIM icon on its tab, and what its
// static document needs from the host (CSP source, a fresh nonce, URIs of the extension's files).
import * as vscode from 'vscode';
import { makeNonce } from './nonce';

export interface PanelDocumentBasics {
  cspSource: string;
  nonce: string;
  /** Turns extension-relative path parts into a URI the webview may load. */
  asUri: (...parts: string[]) => string;
  /** media/webview-base.css, the stylesheet every panel links before its own. */
  baseStyleUri: string;
}

/** Sets the panel's tab icon; returns what the document shell needs from the host. */
export function preparePanel(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): PanelDocumentBasics {
  panel.iconPath = {
    light: vscode.Uri.joinPath(extensionUri, 'media', 'sim-light.svg'),
    dark: vscode.Uri.joinPath(extensionUri, 'media', 'sim-dark.svg'),
  };
  const webview = panel.webview;
  const asUri = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  return { cspSource: webview.cspSource, nonce: makeNonce(), asUri, baseStyleUri: asUri('media', 'webview-base.css') };
}
