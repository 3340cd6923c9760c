interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs's pause between checks of a throttled queue (its CHECK_PENDING_REQUESTS_INTERVAL). */
const CHECK_PENDING_REQUESTS_MS = 10;

let mended = false;

/**
 * kafkajs 2.2.4, its last release, re-arms a timer of its request queue after every check even when
 * nothing waits, with a negative delay: each broker connection of an idle service wakes the event
 * loop about once a millisecond (tulios/kafkajs#1556, fix proposed in #1667, never released). Seven
 * idle services took a quarter of a two-core machine that way, away from the requests that matter.
 * With nothing pending there is nothing to check later: a new request is checked when pushed, and the
 * queue is checked again whenever a request in flight ends. While requests wait (throttled by the
 * broker or too many in flight) the check is scheduled as kafkajs does.
 */
export function mendKafkajsRequestQueue(): void {
  if (mended) return;
  mended = true;
  // A plain require, so the class mended is the one kafkajs itself loads (Jest's module registry included).
  const RequestQueueClass = require('kafkajs/src/network/requestQueue/index.js') as { prototype: RequestQueue };
  RequestQueueClass.prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueue): void {
    if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
    const throttled = this.throttledUntil - Date.now();
    this.throttleCheckTimeoutId = setTimeout(
      () => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      },
      throttled > 0 ? throttled : CHECK_PENDING_REQUESTS_MS,
    );
  };
}
