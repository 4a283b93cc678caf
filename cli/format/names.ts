import type { Snapshot } from '../../lib/snapshot/types.js';

/** Short, readable names for the ARNs a plan holds. */
export type Names = {
  secret(arn: string): string;
  service(arn: string): string;
  cluster(arn: string): string;
  resource(arn: string | null): string;
  /** The text with every ARN the snapshot names replaced by that name. */
  text(text: string): string;
};

/** The last segment of an ARN (after its last `/` or `:`), the resource's short name. */
export function lastSegment(arn: string): string {
  return arn.slice(Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':')) + 1);
}

/** An ARN inside running text, up to the punctuation that ends a sentence or a list. */
const ARN_IN_TEXT = /arn:[\w-]+:[\w-]+:[\w-]*:\d*:[^\s,;()"']*[^\s,;()"'.:]/g;

/** The text with each ARN in it replaced by what `rename` gives for it. */
export function replaceArns(text: string, rename: (arn: string) => string): string {
  return text.replace(ARN_IN_TEXT, rename);
}

/** Names from the snapshot, falling back to the last segment of the ARN. */
export function namesOf(snapshot: Snapshot): Names {
  const secrets = new Map(snapshot.secrets.map((secret) => [secret.ARN, secret.Name]));
  const services = new Map(snapshot.services.map((s) => [s.serviceArn, s.serviceName]));
  const clusters = new Map(
    snapshot.clusters.map((c) => [
      c.clusterArn,
      c.clusterName ?? lastSegment(c.clusterArn),
    ]),
  );
  const secret = (arn: string) => secrets.get(arn) ?? lastSegment(arn);
  const service = (arn: string) => services.get(arn) ?? lastSegment(arn);
  const cluster = (arn: string) => clusters.get(arn) ?? lastSegment(arn);
  const known = new Map([...clusters, ...services, ...secrets]);
  return {
    secret,
    service,
    cluster,
    text: (text) => replaceArns(text, (arn) => known.get(arn) ?? arn),
    resource: (arn) => {
      if (arn === null) return '(no resource)';
      return services.get(arn) ?? secrets.get(arn) ?? lastSegment(arn);
    },
  };
}
