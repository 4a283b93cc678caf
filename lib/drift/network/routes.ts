import type { NatGateway, Route, RouteTable, Subnet } from './ec2.js';

/** Where the subnet's default route sends traffic bound for a public AWS endpoint. */
export type RouteOutcome =
  | { kind: 'nat'; routeTableId: string; route: Route; natState: string | null }
  | { kind: 'internet'; routeTableId: string; route: Route }
  | { kind: 'none'; routeTableId: string; route: Route | null; reason: NoRouteReason }
  | { kind: 'unverifiable'; routeTableId: string | null; reason: string };

export type NoRouteReason =
  | 'noDefaultRoute'
  | 'blackholeRoute'
  | 'natGatewayNotFound'
  | 'natGatewayNotAvailable'
  | 'internetGatewayWithoutPublicIp';

const DEFAULT_ROUTE = '0.0.0.0/0';

/**
 * The route table that governs a subnet: its explicit association, or else
 * the VPC's main route table (describe-route-tables does not list implicit
 * associations).
 */
export function routeTableFor(subnet: Subnet, tables: RouteTable[]): RouteTable | null {
  const explicit = tables.find((table) =>
    table.Associations.some((association) => association.SubnetId === subnet.SubnetId),
  );
  if (explicit !== undefined) return explicit;

  return (
    tables.find(
      (table) =>
        table.VpcId === subnet.VpcId &&
        table.Associations.some((association) => association.Main === true),
    ) ?? null
  );
}

/**
 * Follows the default route of a subnet toward a public AWS endpoint. Only
 * the 0.0.0.0/0 route is read: the endpoint's public addresses are not in the
 * snapshot, so a narrower route cannot be shown to cover them.
 */
export function followDefaultRoute(
  subnet: Subnet,
  tables: RouteTable[],
  natGateways: NatGateway[] | null,
  assignPublicIp: boolean,
): RouteOutcome {
  const table = routeTableFor(subnet, tables);
  if (table === null) {
    return { kind: 'unverifiable', routeTableId: null, reason: 'no route table found' };
  }
  const routeTableId = table.RouteTableId;
  const route = table.Routes.find(
    (entry) => entry.DestinationCidrBlock === DEFAULT_ROUTE,
  );
  if (route === undefined) {
    return { kind: 'none', routeTableId, route: null, reason: 'noDefaultRoute' };
  }
  if (route.State === 'blackhole') {
    return { kind: 'none', routeTableId, route, reason: 'blackholeRoute' };
  }

  if (route.NatGatewayId !== undefined) {
    return followNat(routeTableId, route, route.NatGatewayId, natGateways);
  }
  if (route.GatewayId?.startsWith('igw-')) {
    return assignPublicIp
      ? { kind: 'internet', routeTableId, route }
      : { kind: 'none', routeTableId, route, reason: 'internetGatewayWithoutPublicIp' };
  }

  // Transit gateways, peering, appliances and firewall endpoints hand the
  // traffic to a network the snapshot does not describe.
  return {
    kind: 'unverifiable',
    routeTableId,
    reason: `default route leaves the VPC through ${routeTarget(route)}`,
  };
}

function followNat(
  routeTableId: string,
  route: Route,
  natGatewayId: string,
  natGateways: NatGateway[] | null,
): RouteOutcome {
  if (natGateways === null) return { kind: 'nat', routeTableId, route, natState: null };

  const nat = natGateways.find((gateway) => gateway.NatGatewayId === natGatewayId);
  if (nat === undefined) {
    return { kind: 'none', routeTableId, route, reason: 'natGatewayNotFound' };
  }
  if (nat.State !== undefined && nat.State !== 'available') {
    return { kind: 'none', routeTableId, route, reason: 'natGatewayNotAvailable' };
  }
  return { kind: 'nat', routeTableId, route, natState: nat.State ?? null };
}

/** The id of whatever a route points at, for evidence. */
export function routeTarget(route: Route): string {
  return (
    route.NatGatewayId ??
    route.GatewayId ??
    route.TransitGatewayId ??
    route.VpcPeeringConnectionId ??
    route.NetworkInterfaceId ??
    route.InstanceId ??
    route.CoreNetworkArn ??
    'unknown'
  );
}
