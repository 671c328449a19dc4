// The details webview's words in the display language, worded on the host through @vscode/l10n
// (configured with VS Code's bundle in activate) and written into the panel's document.
import * as l10n from '@vscode/l10n';
import { copyFieldLabel } from './copyFieldLabel';
import { COPY_FIELDS, type CopyField } from './model';
import type { DetailsStrings } from './strings';

/** Templates keep their `{0}` (no argument is passed): the webview fills them. */
export function detailsStrings(): DetailsStrings {
  const copy = Object.fromEntries(COPY_FIELDS.map((f) => [f, l10n.t('Copy {0}', copyFieldLabel(f))])) as Record<CopyField, string>;
  return {
    loading: l10n.t('Loading SIM details…'),
    heading: l10n.t('SIM details'),
    refresh: l10n.t('Refresh'),
    refreshing: l10n.t('Refreshing…'),
    updated: l10n.t('Updated {0}'),
    keepOpen: l10n.t('Keep Open'),
    toolbarLabel: l10n.t('SIM actions'),
    actionsLabel: l10n.t('Change this SIM'),
    enable: l10n.t('Enable'),
    disable: l10n.t('Disable'),
    standby: l10n.t('Standby'),
    editTags: l10n.t('Edit Tags'),
    moveToGroup: l10n.t('Move to Group'),
    dataLimit: l10n.t('Data Limit'),
    setApiKey: l10n.t('Set API Key'),
    retry: l10n.t('Retry'),
    identifiers: l10n.t('Identifiers'),
    usage: l10n.t('Usage this billing period'),
    summary: l10n.t('Summary'),
    network: l10n.t('Network'),
    networkNotLoaded: l10n.t('Live network details not loaded'),
    sessions: l10n.t('Recent connectivity sessions'),
    raw: l10n.t('Raw record'),
    copyJson: l10n.t('Copy JSON'),
    openDocument: l10n.t('Open as Document'),
    none: l10n.t('None'),
    notSet: l10n.t('Not set'),
    unknown: l10n.t('Unknown'),
    usedOfLimit: l10n.t('of {0} used'),
    usedThisPeriod: l10n.t('used this billing period'),
    meterLabel: l10n.t('Data used this billing period'),
    limit: l10n.t('Limit'),
    remaining: l10n.t('Remaining'),
    colStart: l10n.t('Start'),
    colStop: l10n.t('Stop'),
    colType: l10n.t('Type'),
    colApn: l10n.t('APN'),
    colNetwork: l10n.t('Network'),
    colIp: l10n.t('IP address'),
    colRat: l10n.t('RAT'),
    sessionsCaption: l10n.t('Recent connectivity sessions, newest first'),
    sessionsTableLabel: l10n.t('Connectivity sessions table'),
    jsonLabel: l10n.t('SIM record as JSON'),
    jsonOneItem: l10n.t('1 item'),
    jsonItems: l10n.t('{0} items'),
    jsonOneKey: l10n.t('1 key'),
    jsonKeys: l10n.t('{0} keys'),
    copy,
  };
}
