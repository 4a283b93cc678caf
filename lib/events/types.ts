/** What moved a secret, as the event that reported it says. */
export const SecretChange = {
  labelUpdated: 'labelUpdated',
  rotationSucceeded: 'rotationSucceeded',
  rotationFailed: 'rotationFailed',
  rotationAbandoned: 'rotationAbandoned',
  valuePut: 'valuePut',
  stageUpdated: 'stageUpdated',
  deleted: 'deleted',
  restored: 'restored',
} as const;
export type SecretChange = (typeof SecretChange)[keyof typeof SecretChange];

type TriggerBase = {
  /** When the event happened (the event's `time`), ISO-8601. */
  at: string;
  /** The EventBridge event id, or null for a manual payload. */
  eventId: string | null;
  account: string | null;
  region: string | null;
};

/**
 * A small key taken from an event. It carries no authority: the controller
 * re-reads the world and decides from what it finds.
 */
export type Trigger =
  | (TriggerBase & {
      kind: 'secretChanged';
      change: SecretChange;
      /** The secret as the event names it: full ARN, partial ARN or name. */
      secretId: string;
      /** The staging label that moved, when the event says (AWSCURRENT for rotations). */
      label: string | null;
      /** The version the label moved to, when the event says. */
      versionId: string | null;
      /** False for events that report on a secret without moving a label (rotation failed, delete). */
      movesLabel: boolean;
    })
  | (TriggerBase & {
      kind: 'serviceChanged';
      serviceArn: string;
      clusterArn: string | null;
      deploymentId: string | null;
      /** The ECS event name, e.g. SERVICE_DEPLOYMENT_FAILED. */
      eventName: string;
      reason: string | null;
    })
  | (TriggerBase & {
      kind: 'taskStopped';
      taskArn: string;
      clusterArn: string;
      taskDefinitionArn: string | null;
      /** `service:NAME` for tasks a service started. */
      group: string | null;
      stopCode: string | null;
      stoppedReason: string | null;
    })
  | (TriggerBase & {
      kind: 'resync';
      source: 'schedule' | 'manual';
      /** Limits a manual resync; empty means everything. */
      clusters: string[];
      secrets: string[];
    });

export type TriggerKind = Trigger['kind'];

/** The outcome of reading one event. Never thrown: bad input is a value. */
export type EventResult =
  | { outcome: 'trigger'; trigger: Trigger }
  /** A well-formed event that asks for nothing (a write that only adds AWSPENDING). */
  | { outcome: 'ignored'; reason: string; message: string }
  /** Not an event this controller knows, or a known shape with fields missing. */
  | { outcome: 'unrecognised'; reason: string; message: string };
