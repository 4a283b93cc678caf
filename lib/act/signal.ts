import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Action } from '../plan/types.js';
import type { SignalLedger } from '../records/types.js';
import { SignalError } from './errors.js';
import { refreshEntry } from './events.js';
import type { SignalledVersion } from './versions.js';

export type SignalDeps = {
  eventBridge: EventBridgeClient;
  busName: string;
  reconcileId: string;
  time: Date;
  ledger: SignalLedger | undefined;
};

/** The event id of a sent signal, or null when every version was signalled before. */
export type SignalResult = { eventId: string | null };

/** A version claimed in the ledger for one service. */
type Claim = { secretArn: string; versionId: string };

/** Gives back claims made for a signal that will not go out. */
async function releaseAll(
  ledger: SignalLedger | undefined,
  serviceArn: string,
  claimed: readonly Claim[],
): Promise<void> {
  await Promise.allSettled(
    claimed.map((claim) => ledger?.release(serviceArn, claim.secretArn, claim.versionId)),
  );
}

/**
 * The versions grouped by secret. The ledger keeps one entry per (service,
 * secret), so a service that follows two labels of one secret claims them
 * together (`v1,v2`); claiming each alone would make the claims replace each
 * other and signal again on every reconcile.
 */
function bySecret(versions: SignalledVersion[]): Map<string, SignalledVersion[]> {
  const grouped = new Map<string, SignalledVersion[]>();
  for (const version of versions) {
    grouped.set(version.secretArn, [...(grouped.get(version.secretArn) ?? []), version]);
  }
  return grouped;
}

/**
 * Claims each secret's versions; when a claim fails, those already made are
 * given back so that a retry announces every version, not only the ones left
 * unclaimed.
 */
async function claimAll(
  ledger: SignalLedger | undefined,
  serviceArn: string,
  versions: SignalledVersion[],
): Promise<{ fresh: SignalledVersion[]; claimed: Claim[] }> {
  const fresh: SignalledVersion[] = [];
  const claimed: Claim[] = [];
  try {
    for (const [secretArn, group] of bySecret(versions)) {
      // Without a ledger or a known version there is nothing to claim: send anyway
      // (at least once beats never).
      const ids = group.map((version) => version.versionId);
      if (ledger === undefined || ids.includes(null)) {
        fresh.push(...group);
        continue;
      }
      const claim = { secretArn, versionId: [...new Set(ids)].sort().join(',') };
      if (await ledger.claim(serviceArn, claim.secretArn, claim.versionId)) {
        fresh.push(...group);
        claimed.push(claim);
      }
    }
  } catch (cause) {
    await releaseAll(ledger, serviceArn, claimed);
    throw new SignalError(`cannot claim a signal for ${serviceArn}`, { cause });
  }
  return { fresh, claimed };
}

/**
 * Sends one `Secret Refresh Requested` event for the versions not signalled
 * before; a claim is given back when the event cannot be sent.
 */
export async function signal(
  action: Action,
  versions: SignalledVersion[],
  deps: SignalDeps,
): Promise<SignalResult> {
  const { fresh, claimed } = await claimAll(deps.ledger, action.serviceArn, versions);
  if (fresh.length === 0) return { eventId: null };

  const entry = refreshEntry(
    { busName: deps.busName, time: deps.time, reconcileId: deps.reconcileId },
    action,
    fresh,
  );
  try {
    const response = await deps.eventBridge.send(
      new PutEventsCommand({ Entries: [entry] }),
    );
    const result = response.Entries?.[0];
    if (result?.EventId === undefined || result.ErrorCode !== undefined) {
      const failure = Object.assign(new Error(result?.ErrorMessage ?? 'entry failed'), {
        name: result?.ErrorCode ?? 'MissingResult',
      });
      throw failure;
    }
    return { eventId: result.EventId };
  } catch (cause) {
    await releaseAll(deps.ledger, action.serviceArn, claimed);
    throw new SignalError(`cannot signal ${action.serviceArn}`, { cause });
  }
}
