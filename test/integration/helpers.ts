// Shared set-up for the suites that run inside the real VS Code extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startMockApi, type MockApi, type MockApiOptions } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import type { FleetNode, SimNode } from '../../src/fleet';
import { isFleetNode } from '../../src/views/simTreeProvider';
import { click as clickElement, waitFor as waitForElement } from '../host/bridgeClient';

export const EXTENSION_ID = 'telnyx-sim-explorer.telnyx-sim-explorer';
/** The key every suite's local API accepts; suites after the key test reuse the stored key. */
export const TEST_KEY = 'secret-test-key-8c1f';

/** Polls until `check` returns a truthy value; fails with `what` after `timeoutMs`. */
type Falsy = false | undefined | null | '' | 0;
export async function waitFor<T>(what: string, check: () => T | Falsy | Promise<T | Falsy>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens the Telnyx view container, which activates the extension, and returns its API. */
export async function openView(): Promise<TestApi> {
  await vscode.commands.executeCommand('workbench.view.extension.telnyxSims');
  const ext = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  await waitFor('the extension to activate', () => ext.isActive);
  // activate returns its test API only in ExtensionMode.Test, which is how this host runs it.
  assert.ok(ext.exports, 'the extension runs in test mode and returned its test API');
  return ext.exports;
}

export async function setSetting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('telnyxSims').update(name, value, vscode.ConfigurationTarget.Global);
}

/** Starts a local Telnyx API and points the extension at it. */
export async function useMockApi(opts: MockApiOptions = {}): Promise<MockApi> {
  const api = await startMockApi({ port: 0, sims: 300, seed: 11, apiKey: TEST_KEY, ...opts });
  await setSetting('apiBaseUrl', api.url);
  return api;
}

/** Waits until the last load has ended (complete or clearly partial). */
export async function waitForLoaded(ext: TestApi, what = 'SIM cards to load'): Promise<void> {
  await waitFor(what, () => ext.fleet.settled);
}

/** Stores `key` as "Set API Key" does after its input box (it checks the key against the API first). */
export async function setKey(key: string): Promise<boolean> {
  return (await openView()).setApiKey(key);
}

/** The fleet's roots (the "Needs attention" node above them left out). */
export function roots(ext: TestApi): FleetNode[] {
  return ext.view.provider.getChildren().filter(isFleetNode);
}

/** Ungroups the tree (the `groupBy` setting: reset it to undefined after the suite); its SIM rows once it shows them. */
export async function flatTree(ext: TestApi): Promise<SimNode[]> {
  await setSetting('groupBy', 'none');
  await waitFor('a flat tree', () => ext.view.provider.getChildren()[0]?.kind === 'sim');
  return ext.view.provider.getChildren().filter((n): n is SimNode => n.kind === 'sim');
}

/** Bucket label -> SIM count, as the tree shows them. */
export function bucketCounts(ext: TestApi): Map<string, number> {
  const out = new Map<string, number>();
  for (const node of roots(ext)) {
    if (node.kind !== 'bucket') throw new Error(`expected buckets at the root, got ${node.kind}`);
    const item = ext.view.provider.getTreeItem(node);
    // "1,234" or "1,234 · <id>": the count comes first.
    out.set(String(item.label), Number(String(item.description).split(' · ')[0]?.replace(/,/g, '')));
  }
  return out;
}

/** Every SIM node under `node`, through ranges. */
export function simsUnder(ext: TestApi, node?: FleetNode): string[] {
  const ids: string[] = [];
  for (const child of ext.view.provider.getChildren(node).filter(isFleetNode)) {
    if (child.kind === 'sim') ids.push(child.simId);
    else ids.push(...simsUnder(ext, child));
  }
  return ids;
}

/** Points the extension at a new local API and waits for the tree to show its fleet. */
export async function loadedWith(opts: MockApiOptions = {}): Promise<{ mock: MockApi; ext: TestApi }> {
  const ext = await openView();
  await resetExtensionState(ext);
  const mock = await useMockApi(opts);
  if ((await setKeyIfMissing(ext)) === false) throw new Error('could not set the test key');
  await waitFor('the fleet of the new local API', () => ext.fleet.settled && ext.fleet.model.size === mock.fleet.sims.length);
  return { mock, ext };
}

async function setKeyIfMissing(ext: TestApi): Promise<boolean | undefined> {
  if (ext.fleet.phase !== 'noKey') return undefined;
  return setKey(TEST_KEY);
}

export async function resetExtensionState(ext: TestApi): Promise<void> {
  await setSetting('groupBy', undefined);
  // "Needs attention (N)" sits above the fleet's roots; suites about the tree's shape read the
  // roots directly, so it is off unless a suite turns it on (40-glance, 41-attention).
  await setSetting('attention.show', false);
  await ext.fleet.setOptions({ filter: {}, sort: 'iccid', groupBy: 'status' });
}

/** Back to grouping by status (kept in workspace state, like filter and sort). */
export async function resetGroupBy(ext: TestApi): Promise<void> {
  await ext.fleet.setOptions({ groupBy: 'status' });
}

/** Runs a Group By command and waits until the model has the new grouping. */
export async function groupBy(ext: TestApi, value: string): Promise<void> {
  await vscode.commands.executeCommand(`telnyxSims.groupBy.${value}`);
  await waitFor(`grouping by ${value}`, () => ext.fleet.model.options.groupBy === value);
}

/** Dark theme and no stray notifications, so screenshots for the README show the extension. */
export async function prepareScreenshot(): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('notifications.clearAll');
  await new Promise((r) => setTimeout(r, 500));
}

/** The view message as VS Code shows it (pending redraws sent first). */
export function messageOf(ext: TestApi): string {
  ext.view.flush();
  return String(ext.view.treeView.message ?? '');
}

/** The view's title description (pending redraws sent first). */
export function descriptionOf(ext: TestApi): string {
  ext.view.flush();
  return String(ext.view.treeView.description ?? '');
}

/**
 * Waits for the Set API Key password box and makes sure it has the keyboard: typed keys go where
 * the focus is, and a webview left open by an earlier suite can keep it from the box.
 */
export async function focusKeyInput(): Promise<void> {
  const box = '.quick-input-widget input[type="password"]';
  await waitForElement(box);
  for (let attempt = 1; ; attempt++) {
    try {
      await waitForElement(`${box}:focus`, undefined, 3_000);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await clickElement(box);
    }
  }
}
