import type { Finding } from '../../plan/types.js';
import type { FindingCode } from '../../plan/vocabulary.js';
import type { PathKind } from '../types.js';

/** The AWS services ECS calls when it injects secrets. */
export type NetworkService = 'secretsmanager' | 'ssm';

/** The interface endpoint a path goes through, as the role checks need it. */
export type EndpointContext = {
  vpceId: string;
  vpcId: string;
  /** PolicyDocument as describe-vpc-endpoints prints it; null when absent (full access). */
  policy: string | Record<string, unknown> | null;
};

/** How new tasks in one subnet reach one service endpoint. */
export type SubnetPath = {
  subnetId: string;
  service: NetworkService;
  kind: PathKind;
  /** Set when private DNS sends the traffic through an interface endpoint. */
  endpointId?: string;
  endpoint?: EndpointContext;
  /** The route table, route, rules and ACL entries that decided. */
  evidence: Record<string, unknown>;
};

/** One reason a subnet's path deserves a finding, before grouping per service. */
export type PathProblem = { code: FindingCode; detail: Record<string, unknown> };

/** A subnet's path together with what is wrong with it. */
export type SubnetOutcome = { path: SubnetPath; problems: PathProblem[] };

/** The result of checkNetwork for one consumer. */
export type NetworkCheck = { findings: Finding[]; paths: SubnetPath[] };
