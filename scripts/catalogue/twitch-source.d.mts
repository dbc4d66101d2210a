// Types for the tests that read twurple's subscription list the way the generator does.
export interface TwurpleSubscription {
  /** The EventSub subscription type: `channel.follow`. */
  type: string;
  version: string;
  /** @twurple/eventsub-base's subscription class: `EventSubChannelFollowSubscription`. */
  className: string;
  /** The @twurple/api method that creates it: `subscribeToChannelFollowEvents`. */
  method: string;
  /** The event class twurple builds from the body, and its data interface. */
  eventClass: string;
  dataType: string;
  dataFile: string;
  description: string;
  condition: { key: string; helper: string }[];
  /** Sent as `events: [{ id, data }]` (drop.entitlement.grant). */
  batched: boolean;
}
export function twurpleVersion(root: string): string;
export function twurpleSubscriptions(root: string): TwurpleSubscription[];
export function twurpleListeners(root: string): Map<string, { method: string; params: string[] }>;
