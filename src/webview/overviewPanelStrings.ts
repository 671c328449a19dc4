// The fleet overview's strings, translated by the host with vscode.l10n (the same English
// as defaultOverviewStrings in src/fleet/overviewStrings.ts, which pure code and tests use).
import * as vscode from 'vscode';
import type { OverviewStrings } from '../fleet/overviewStrings';

/** Templates keep their `{0}`: it is passed as its own argument, filled later by buildOverviewModel. */
export function hostOverviewStrings(): OverviewStrings {
  return {
    title: vscode.l10n.t('Fleet Overview'),
    simCount: vscode.l10n.t('{0} SIMs', '{0}'),
    needAttention: vscode.l10n.t('{0} need attention', '{0}'),
    loadedAt: vscode.l10n.t('Loaded {0}', '{0}'),
    statusHeading: vscode.l10n.t('SIMs by status'),
    statusChartLabel: vscode.l10n.t('Bar chart of SIM counts by status'),
    histogramHeading: vscode.l10n.t('Data used vs limit'),
    histogramChartLabel: vscode.l10n.t('Histogram of SIMs by share of their data limit used this billing period'),
    noLimit: vscode.l10n.t('No limit'),
    overLimit: vscode.l10n.t('>100%'),
    topHeading: vscode.l10n.t('Top 10 by data used'),
    groupsHeading: vscode.l10n.t('SIM card groups'),
    attentionHeading: vscode.l10n.t('Needs attention'),
    colStatus: vscode.l10n.t('Status'),
    colSims: vscode.l10n.t('SIMs'),
    colShare: vscode.l10n.t('Share'),
    colUsage: vscode.l10n.t('Usage of limit'),
    colSim: vscode.l10n.t('SIM (ICCID)'),
    colGroup: vscode.l10n.t('Group'),
    colDataUsed: vscode.l10n.t('Data used'),
    colDataLimit: vscode.l10n.t('Data limit'),
    colPercent: vscode.l10n.t('Used'),
    colOverLimit: vscode.l10n.t('Over limit'),
    colNearLimit: vscode.l10n.t('Near limit'),
    colReason: vscode.l10n.t('Reason'),
    noGroup: vscode.l10n.t('No group'),
    none: vscode.l10n.t('None'),
    empty: vscode.l10n.t('No SIM cards loaded.'),
    refreshing: vscode.l10n.t('Refreshing'),
    filterStatusHint: vscode.l10n.t('Filter the SIM Cards view by status {0}', '{0}'),
    filterGroupHint: vscode.l10n.t('Filter the SIM Cards view by group {0}', '{0}'),
    openSimHint: vscode.l10n.t('Open SIM {0}', '{0}'),
    reasons: {
      limitExceeded: vscode.l10n.t('Data limit exceeded'),
      unauthorizedImei: vscode.l10n.t('Unauthorized IMEI'),
      nearLimit: vscode.l10n.t('Near data limit'),
      noGroup: vscode.l10n.t('Not in a SIM card group'),
      actionInProgress: vscode.l10n.t('Action in progress'),
    },
  };
}
