// The settings of the glance features (attention, status bar, auto-refresh), read in one place.
import * as vscode from 'vscode';
import { DEFAULT_USAGE_THRESHOLD, normalizeThreshold } from '../fleet/attention';
import { autoRefreshIntervalMs } from '../fleet/autoRefreshPolicy';
import { SettingKeys } from '../util/ids';

export const GlanceSettingKeys = {
  usageThreshold: SettingKeys.usageThreshold,
  showAttention: SettingKeys.showAttention,
  showStatusBar: SettingKeys.showStatusBar,
  autoRefreshMinutes: SettingKeys.autoRefreshMinutes,
} as const;

export interface GlanceSettings {
  /** Percent of the data limit at which a SIM counts as near it. */
  readonly usageThreshold: number;
  readonly showAttention: boolean;
  readonly showStatusBar: boolean;
  /** 0 = off. */
  readonly autoRefreshMs: number;
}

/** `allowFractions`: test mode only, auto-refresh minutes below 1 are taken as they are. */
export function readGlanceSettings(allowFractions = false): GlanceSettings {
  const c = vscode.workspace.getConfiguration('telnyxSims');
  return {
    usageThreshold: normalizeThreshold(c.get<unknown>('attention.usageThreshold', DEFAULT_USAGE_THRESHOLD)),
    showAttention: c.get<unknown>('attention.show', true) !== false,
    showStatusBar: c.get<unknown>('statusBar.show', true) !== false,
    autoRefreshMs: autoRefreshIntervalMs(c.get<unknown>('autoRefreshMinutes', 0), allowFractions),
  };
}

/** True when the change touches one of the given settings. */
export function affectsAny(e: vscode.ConfigurationChangeEvent, keys: readonly string[]): boolean {
  return keys.some((k) => e.affectsConfiguration(k));
}
