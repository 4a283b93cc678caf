/**
 * Why an event was not turned into a trigger. The names appear unchanged in
 * `EventResult.reason`, logs and metrics.
 */

/** An event that is well formed but asks for nothing. */
export const IgnoredReason = {
  CallFailed:
    'The CloudTrail record has an errorCode: the API call failed and moved nothing.',
  PendingOnly:
    'The write or stage change touches only AWSPENDING, which no consumer follows.',
  TaskNotStopped: 'The task changed state but has not stopped.',
} as const satisfies Record<string, string>;
export type IgnoredReason = keyof typeof IgnoredReason;

/** Input this controller does not know, or a known shape with a field wrong. */
export const UnrecognisedReason = {
  NotAnObject: 'The input is not a JSON object.',
  UnknownShape: 'The object is neither an EventBridge event nor a manual payload.',
  UnknownSource: 'The EventBridge source is not one this controller reads.',
  UnknownDetailType: 'The detail-type is not one this controller reads for its source.',
  UnknownEventName: 'The event name is not one this controller reads.',
  MissingField: 'A field the shape requires is absent.',
  InvalidField: 'A field has the wrong type or an impossible value.',
  UnreadableInput: 'Reading the input failed (for example a getter that throws).',
} as const satisfies Record<string, string>;
export type UnrecognisedReason = keyof typeof UnrecognisedReason;
