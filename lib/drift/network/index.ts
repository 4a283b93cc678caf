export { checkNetwork, endpointsOnPath, type NetworkStores } from './check.js';
export { cidrCovers, cidrOverlaps, parseCidr, parseIpv4 } from './cidr.js';
export { endpointServiceName, serviceHost } from './endpoint.js';
export type {
  EndpointContext,
  NetworkCheck,
  NetworkService,
  SubnetPath,
} from './types.js';
