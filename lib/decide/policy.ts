/** Settings that shape decisions. Pure data: the config module fills it. */
export type Policy = {
  /** A NAT or internet path to Secrets Manager is a finding of high severity. */
  requirePrivatePath: boolean;
};

export const DEFAULT_POLICY: Policy = Object.freeze({ requirePrivatePath: false });
