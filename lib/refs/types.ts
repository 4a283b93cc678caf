import type { Reference } from '../plan/types.js';
import type { FindingCode } from '../plan/vocabulary.js';
import type { Secret } from '../snapshot/types.js';

/** Where an ARN points: enough to resolve a partial ARN or name. */
export type ArnScope = { partition: string; region: string; account: string };

/** A valueFrom as ECS reads it, before it is matched to a secret. */
export type ParsedValueFrom =
  | (ArnScope & {
      store: 'secretsmanager';
      /** The resource id after `secret:`: a name, or a name with its 6-character suffix. */
      secretId: string;
      jsonKey: string | null;
      versionStage: string | null;
      versionId: string | null;
    })
  | {
      store: 'ssm';
      /** Parameter name, always with a leading slash when hierarchical. */
      name: string;
      /** Set when the value was an SSM parameter ARN. */
      scope: ArnScope | null;
      /** For `/aws/reference/secretsmanager/ID`: the Secrets Manager id it names. */
      secretsManagerId: string | null;
    }
  | { store: 'invalid'; code: FindingCode; message: string };

/** The outcome of matching a secret id against the snapshot's secrets. */
export type SecretResolution =
  | { status: 'resolved'; secret: Secret }
  | { status: 'ambiguous'; candidates: Secret[] }
  | { status: 'notFound' }
  /** Another account or region: the snapshot cannot hold it. */
  | { status: 'outsideSnapshot'; arn: string };

/** A plan reference together with the secret it resolved to, for decide and drift. */
export type ResolvedReference = Reference & {
  secret: Secret | null;
  /** Which store ECS will call for this reference. */
  store: 'secretsmanager' | 'ssm' | 'invalid';
};
