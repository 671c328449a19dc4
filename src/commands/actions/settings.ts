// Settings of the SIM actions: how many requests a run keeps in flight and the fee rates
// of the preview's estimate.
import * as vscode from 'vscode';
import { DEFAULT_FEE_RATES, type FeeRates } from '../../fleet/bulkPlan';
import { SECTION } from '../../config';

export interface ActionSettings {
  concurrency: number;
  feeRates: FeeRates;
}

function rate(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1000 ? value : fallback;
}

export function readActionSettings(): ActionSettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const n = c.get<unknown>('bulkConcurrency');
  const concurrency = typeof n === 'number' && Number.isFinite(n) ? Math.min(8, Math.max(1, Math.round(n))) : 4;
  return {
    concurrency,
    feeRates: {
      active: rate(c.get('monthlyFeeActive'), DEFAULT_FEE_RATES.active),
      inactive: rate(c.get('monthlyFeeInactive'), DEFAULT_FEE_RATES.inactive),
    },
  };
}
