import { mendKafkajsRequestQueue } from './kafkajs-request-queue';

const RequestQueue = require('kafkajs/src/network/requestQueue/index.js') as { prototype: { scheduleCheckPendingRequests(this: object): void } };

describe("kafkajs's request queue, mended", () => {
  beforeAll(() => mendKafkajsRequestQueue());
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const queue = (pending: number, throttledUntil = -1) => ({
    pending: Array.from({ length: pending }, () => ({})),
    throttledUntil,
    throttleCheckTimeoutId: null as ReturnType<typeof setTimeout> | null,
    checkPendingRequests: jest.fn(),
  });

  it('arms no timer when nothing waits (kafkajs 2.2.4 re-armed one every millisecond)', () => {
    const idle = queue(0);
    RequestQueue.prototype.scheduleCheckPendingRequests.call(idle);
    expect(idle.throttleCheckTimeoutId).toBeNull();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('checks waiting requests again after 10 ms, or when the broker lifts its throttle', () => {
    const waiting = queue(2);
    RequestQueue.prototype.scheduleCheckPendingRequests.call(waiting);
    jest.advanceTimersByTime(9);
    expect(waiting.checkPendingRequests).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(waiting.checkPendingRequests).toHaveBeenCalledTimes(1);

    const throttled = queue(1, Date.now() + 500);
    RequestQueue.prototype.scheduleCheckPendingRequests.call(throttled);
    jest.advanceTimersByTime(499);
    expect(throttled.checkPendingRequests).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(throttled.checkPendingRequests).toHaveBeenCalledTimes(1);
  });

  it('keeps one timer while one is armed', () => {
    const waiting = queue(1);
    RequestQueue.prototype.scheduleCheckPendingRequests.call(waiting);
    RequestQueue.prototype.scheduleCheckPendingRequests.call(waiting);
    expect(jest.getTimerCount()).toBe(1);
  });
});
