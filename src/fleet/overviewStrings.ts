// Every piece of text the fleet overview shows. The host passes them in (translated with
// vscode.l10n); the defaults here go through @vscode/l10n so pure code and tests get the
// same English. `{0}` placeholders are filled by the view-model builder.
import * as l10n from '@vscode/l10n';
import type { AttentionReason } from './attention';

export interface OverviewStrings {
  title: string;
  /** "{0} SIMs" */
  simCount: string;
  /** "{0} need attention" */
  needAttention: string;
  /** "Loaded {0}" */
  loadedAt: string;
  statusHeading: string;
  statusChartLabel: string;
  histogramHeading: string;
  histogramChartLabel: string;
  /** Histogram bucket of SIMs without a limit or without usage data. */
  noLimit: string;
  /** ">100%" bucket. */
  overLimit: string;
  topHeading: string;
  groupsHeading: string;
  attentionHeading: string;
  colStatus: string;
  colSims: string;
  colShare: string;
  colUsage: string;
  colSim: string;
  colGroup: string;
  colDataUsed: string;
  colDataLimit: string;
  colPercent: string;
  colOverLimit: string;
  colNearLimit: string;
  colReason: string;
  noGroup: string;
  none: string;
  empty: string;
  /** Screen-reader name of the busy mark while a load runs. */
  refreshing: string;
  /** Tooltip/aria of a clickable bar or row: "Show {0} SIMs in the tree" */
  filterStatusHint: string;
  filterGroupHint: string;
  openSimHint: string;
  reasons: Record<AttentionReason, string>;
}

export function defaultOverviewStrings(): OverviewStrings {
  return {
    title: l10n.t('Fleet Overview'),
    simCount: l10n.t('{0} SIMs'),
    needAttention: l10n.t('{0} need attention'),
    loadedAt: l10n.t('Loaded {0}'),
    statusHeading: l10n.t('SIMs by status'),
    statusChartLabel: l10n.t('Bar chart of SIM counts by status'),
    histogramHeading: l10n.t('Data used vs limit'),
    histogramChartLabel: l10n.t('Histogram of SIMs by share of their data limit used this billing period'),
    noLimit: l10n.t('No limit'),
    overLimit: l10n.t('>100%'),
    topHeading: l10n.t('Top 10 by data used'),
    groupsHeading: l10n.t('SIM card groups'),
    attentionHeading: l10n.t('Needs attention'),
    colStatus: l10n.t('Status'),
    colSims: l10n.t('SIMs'),
    colShare: l10n.t('Share'),
    colUsage: l10n.t('Usage of limit'),
    colSim: l10n.t('SIM (ICCID)'),
    colGroup: l10n.t('Group'),
    colDataUsed: l10n.t('Data used'),
    colDataLimit: l10n.t('Data limit'),
    colPercent: l10n.t('Used'),
    colOverLimit: l10n.t('Over limit'),
    colNearLimit: l10n.t('Near limit'),
    colReason: l10n.t('Reason'),
    noGroup: l10n.t('No group'),
    none: l10n.t('None'),
    empty: l10n.t('No SIM cards loaded.'),
    refreshing: l10n.t('Refreshing'),
    filterStatusHint: l10n.t('Filter the SIM Cards view by status {0}'),
    filterGroupHint: l10n.t('Filter the SIM Cards view by group {0}'),
    openSimHint: l10n.t('Open SIM {0}'),
    reasons: {
      limitExceeded: l10n.t('Data limit exceeded'),
      unauthorizedImei: l10n.t('Unauthorized IMEI'),
      nearLimit: l10n.t('Near data limit'),
      noGroup: l10n.t('Not in a SIM card group'),
      actionInProgress: l10n.t('Action in progress'),
    },
  };
}

export { fillTemplate } from './template';
