// Records as the Telnyx Wireless API sends them. Every field the API may omit or
// null is optional here, because parsing must never throw on a hostile record.

/** Statuses a SIM record can carry; the API may add more, so unknown strings pass through. */
export const SIM_STATUSES = [
  'registering',
  'enabling',
  'enabled',
  'disabling',
  'disabled',
  'data_limit_exceeded',
  'unauthorized_imei',
  'setting_standby',
  'standby',
] as const;
export type KnownSimStatus = (typeof SIM_STATUSES)[number];
export type SimStatus = KnownSimStatus | (string & {});

/** Statuses `filter[status]` accepts (a subset of the record statuses). */
export const FILTERABLE_STATUSES = ['enabled', 'disabled', 'standby', 'data_limit_exceeded', 'unauthorized_imei'] as const;
export type FilterableStatus = (typeof FILTERABLE_STATUSES)[number];

export type SimType = 'physical' | 'esim' | (string & {});

/** An amount as the API writes it: a decimal string with a unit (`"2048.0"`, `"MB"`). */
export interface DataAmount {
  amount?: string | null;
  unit?: string | null;
}

export interface SimCardStatus {
  value?: SimStatus | null;
  reason?: string | null;
}

/** List items of `GET /sim_cards` (`SimpleSIMCard` in the spec). */
export interface SimCard {
  id: string;
  record_type?: string;
  status?: SimCardStatus | null;
  type?: SimType | null;
  iccid?: string | null;
  imsi?: string | null;
  msisdn?: string | null;
  sim_card_group_id?: string | null;
  tags?: string[] | null;
  data_limit?: DataAmount | null;
  current_billing_period_consumed_data?: DataAmount | null;
  actions_in_progress?: boolean | null;
  created_at?: string | null;
  updated_at?: string | null;
  esim_installation_status?: string | null;
  version?: string | null;
  resources_with_in_progress_actions?: unknown[] | null;
  eid?: string | null;
  authorized_imeis?: string[] | null;
  /** Present when the list was requested with `include_sim_card_group=true`. */
  sim_card_group?: SimCardGroup | null;
}

export interface DeviceLocation {
  latitude?: string | number | null;
  longitude?: string | number | null;
  accuracy?: number | null;
  accuracy_unit?: string | null;
}

export interface LiveDataSession {
  [key: string]: unknown;
}

/** `GET /sim_cards/{id}` (`SIMCard` in the spec): the list item plus live fields. */
export interface SimCardDetail extends SimCard {
  current_imei?: string | null;
  ipv4?: string | null;
  ipv6?: string | null;
  current_device_location?: DeviceLocation | null;
  current_mcc?: string | null;
  current_mnc?: string | null;
  live_data_session?: string | LiveDataSession | null;
  pin_puk_codes?: unknown;
}

export interface SimCardGroup {
  id: string;
  record_type?: string;
  default?: boolean | null;
  name?: string | null;
  data_limit?: DataAmount | null;
  consumed_data?: DataAmount | null;
  sim_card_count?: number | null;
  private_wireless_gateway_id?: string | null;
  wireless_blocklist_id?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
}

export interface SimCardAction {
  id: string;
  record_type?: string;
  sim_card_id?: string;
  action_type?: 'enable' | 'enable_standby_sim_card' | 'disable' | 'set_standby' | (string & {});
  status?: { value?: string | null; reason?: string | null } | null;
  settings?: Record<string, unknown> | null;
  created_at?: string | null;
  updated_at?: string | null;
}

export interface WirelessConnectivityLog {
  id: number;
  record_type?: string;
  sim_card_id?: string | null;
  log_type?: 'registration' | 'data' | (string & {}) | null;
  imsi?: string | null;
  imei?: string | null;
  mobile_country_code?: string | null;
  mobile_network_code?: string | null;
  start_time?: string | null;
  stop_time?: string | null;
  created_at?: string | null;
  last_seen?: string | null;
  cell_id?: string | null;
  apn?: string | null;
  ipv4?: string | null;
  ipv6?: string | null;
  radio_access_technology?: string | null;
  state?: string | null;
}

export interface PageMeta {
  page_number: number;
  page_size: number;
  total_pages: number;
  total_results: number;
}

export interface Page<T> {
  data: T[];
  meta: PageMeta;
}

/** The error envelope: `{"errors":[{code,title,detail,source,meta}]}`. */
export interface ApiErrorItem {
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
  meta?: Record<string, unknown>;
}

/** Sorting the API itself can do. */
export type ApiSort = 'current_billing_period_consumed_data.amount' | '-current_billing_period_consumed_data.amount';

/** Query of `GET /sim_cards`. Everything optional; absent means "no filter". */
export interface SimCardQuery {
  status?: readonly string[];
  /** All-of: a SIM matches when it carries every tag. */
  tags?: readonly string[];
  /** Partial match. */
  iccid?: string;
  msisdn?: string;
  simCardGroupId?: string;
  includeSimCardGroup?: boolean;
  sort?: ApiSort;
  pageNumber?: number;
  /** 1..250; the client defaults to 250. */
  pageSize?: number;
}

/** Body of `PATCH /sim_cards/{id}`: only what is given changes. `data_limit: null` removes the SIM's own limit. */
export interface SimCardPatch {
  tags?: string[];
  sim_card_group_id?: string;
  data_limit?: { amount: string; unit: 'MB' | 'GB' } | null;
  authorized_imeis?: string[] | null;
}

export type SimCardActionStatus = 'in-progress' | 'completed' | 'failed' | 'interrupted';

/** Query of `GET /sim_card_actions`. */
export interface SimCardActionQuery {
  simCardId?: string;
  status?: SimCardActionStatus;
  actionType?: string;
  pageNumber?: number;
  /** 1..250; the client's page size by default. */
  pageSize?: number;
}
