// Records shared by the details tests (shapes as the Telnyx API sends them).
import type { SimCard, SimCardDetail, SimCardGroup, WirelessConnectivityLog } from '../../../src/telnyx/types';

export const NOW = new Date('2024-06-15T12:00:00Z');

/** Strings that break naive HTML building: markup, quotes, bidi override, emoji. */
export const HOSTILE = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=1">',
  quotes: `"'\`);--`,
  rtl: 'abc\u202Egnp.exe',
  emoji: '📡 SIM 🚀',
};

export function listSim(overrides: Partial<SimCard> = {}): SimCard {
  return {
    id: '6b14e151-8493-4fa1-8664-1cc4e6d14158',
    record_type: 'sim_card',
    status: { value: 'enabled', reason: 'The SIM card is active, ready to connect to networks and consume data.' },
    type: 'physical',
    iccid: '89310410106543789301',
    imsi: '081932214823362973',
    msisdn: '+13109976224',
    sim_card_group_id: '47a1c2b0-cc7b-4ab1-bb98-b33fb0fc61b9',
    tags: ['personal', 'customers'],
    data_limit: { amount: '2048.0', unit: 'MB' },
    current_billing_period_consumed_data: { amount: '1536.0', unit: 'MB' },
    authorized_imeis: ['106516771852751'],
    created_at: '2024-06-12T12:00:00.000Z',
    updated_at: '2024-06-15T11:00:00.000Z',
    ...overrides,
  };
}

export function detailSim(overrides: Partial<SimCardDetail> = {}): SimCardDetail {
  return {
    ...listSim(),
    current_imei: '457032284023794',
    ipv4: '192.168.0.0',
    ipv6: '2001:cdba:0000:0000:0000:0000:3257:9652',
    current_mcc: '410',
    current_mnc: '510',
    live_data_session: 'connected',
    current_device_location: { latitude: '41.143', longitude: '-8.605', accuracy: 1250, accuracy_unit: 'm' },
    ...overrides,
  };
}

export function group(overrides: Partial<SimCardGroup> = {}): SimCardGroup {
  return {
    id: '47a1c2b0-cc7b-4ab1-bb98-b33fb0fc61b9',
    record_type: 'sim_card_group',
    name: 'Fleet A',
    default: false,
    data_limit: { amount: '5', unit: 'GB' },
    ...overrides,
  };
}

export function log(overrides: Partial<WirelessConnectivityLog> = {}): WirelessConnectivityLog {
  return {
    id: 137,
    record_type: 'wireless_connectivity_log',
    sim_card_id: '6b14e151-8493-4fa1-8664-1cc4e6d14158',
    log_type: 'data',
    imsi: '081932214823362973',
    imei: '457032284023794',
    mobile_country_code: '310',
    mobile_network_code: '410',
    start_time: '2024-06-15T10:00:00Z',
    stop_time: '2024-06-15T10:30:00Z',
    apn: 'data00.telnyx',
    ipv4: '100.64.10.1',
    radio_access_technology: 'LTE',
    ...overrides,
  };
}
