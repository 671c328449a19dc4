// The SIM lifecycle order the product shows (tree, overview), written down here for the tests on
// their own: never read from src/fleet/status.ts, which they check.

/** Transitional states before the state they lead to; the two problem states last. */
export const LIFECYCLE_ORDER: readonly string[] =
  'registering enabling enabled setting_standby standby disabling disabled data_limit_exceeded unauthorized_imei'.split(' ');
