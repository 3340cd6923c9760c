import { claimNewEvents } from './processed-events';
import type { SqlClient } from './sql-client';

describe('claimNewEvents', () => {
  const tx = (alreadyProcessed: string[]): SqlClient & { ids: string[] } => {
    const spy = {
      ids: [] as string[],
      $executeRawUnsafe: async () => 0,
      $queryRawUnsafe: async <T>(_sql: string, _consumer: unknown, ids: string[]) => {
        spy.ids = ids;
        return ids.filter((id) => !alreadyProcessed.includes(id)).map((event_id) => ({ event_id })) as T;
      },
    };
    return spy as never;
  };

  it('keeps, in order, only the events never applied before', async () => {
    const claimed = await claimNewEvents(tx(['b']), 'projection-g1', [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(claimed.map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('applies an event repeated inside one batch once', async () => {
    const client = tx([]);
    const claimed = await claimNewEvents(client, 'projection-g1', [{ id: 'a' }, { id: 'a' }]);
    expect(claimed.map((e) => e.id)).toEqual(['a']);
    expect(client.ids).toEqual(['a']);
  });
});
