// Presence as Phoenix.Presence shapes it for realtime-js: state is
// { key: { metas: [{ phx_ref, ...tracked }] } }; joins and leaves go out as presence_diff,
// and a joining channel gets the whole presence_state.
import { randomBytes } from 'node:crypto';

export interface PresenceMeta {
  phx_ref: string;
  [field: string]: unknown;
}
export type PresenceState = Record<string, { metas: PresenceMeta[] }>;

interface Tracked {
  memberId: string;
  key: string;
  meta: PresenceMeta;
}

const newRef = () => randomBytes(8).toString('base64url');

export class PresenceRegistry {
  /** topic → memberId → what that channel member tracks. */
  private readonly byTopic = new Map<string, Map<string, Tracked>>();

  state(topic: string): PresenceState {
    const state: PresenceState = {};
    for (const tracked of this.byTopic.get(topic)?.values() ?? []) {
      (state[tracked.key] ??= { metas: [] }).metas.push(tracked.meta);
    }
    return state;
  }

  /** Tracks (or re-tracks) a member; returns the diff to broadcast. */
  track(topic: string, memberId: string, key: string, payload: Record<string, unknown>): { joins: PresenceState; leaves: PresenceState } {
    const members = this.byTopic.get(topic) ?? new Map<string, Tracked>();
    this.byTopic.set(topic, members);
    const previous = members.get(memberId);
    const meta: PresenceMeta = { ...payload, phx_ref: newRef() };
    if (previous) meta.phx_ref_prev = previous.meta.phx_ref;
    members.set(memberId, { memberId, key, meta });
    const leaves: PresenceState = previous ? { [previous.key]: { metas: [previous.meta] } } : {};
    return { joins: { [key]: { metas: [meta] } }, leaves };
  }

  /** Removes a member; returns the diff to broadcast, or undefined when it tracked nothing. */
  untrack(topic: string, memberId: string): { joins: PresenceState; leaves: PresenceState } | undefined {
    const members = this.byTopic.get(topic);
    const previous = members?.get(memberId);
    if (!members || !previous) return undefined;
    members.delete(memberId);
    if (members.size === 0) this.byTopic.delete(topic);
    return { joins: {}, leaves: { [previous.key]: { metas: [previous.meta] } } };
  }
}
