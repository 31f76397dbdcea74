// Onboarding progress in the database, on SQLite and PostgreSQL: started once, changed only from the
// version it was read at (two clicks on Next at once move one step), due lessons, stalled people, and
// a welcome that is given once.
import { openStore } from '../../src/store/open';
import type { Progress, Store } from '../../src/store/store';
import { ENGINES, freshDatabase, type EngineName } from '../support/databases';

const fresh = (user: string, extra: Partial<Progress> = {}): Omit<Progress, 'version'> => ({
  platform: 'slack',
  user,
  dm: `D${user}`,
  lesson: 0,
  step: 0,
  pace: 'self',
  timeZone: 'Europe/Berlin',
  startedAt: '2026-12-01T08:00:00.000Z',
  movedAt: '2026-12-01T08:00:00.000Z',
  reminders: 0,
  remindersOff: false,
  passed: [],
  missed: [],
  ...extra,
});

describe.each(ENGINES)('onboarding progress on %s', (engine: EngineName) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const stores: Store[] = [];
  const open = async (): Promise<Store> => {
    const s = await openStore(db);
    stores.push(s);
    return s;
  };
  beforeEach(async () => {
    db = await freshDatabase(engine);
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    db.cleanup();
  });

  test('started once; a second start leaves it as it is', async () => {
    const s = await open();
    expect(await s.startProgress(fresh('U1'))).toBe(true);
    expect(await s.startProgress(fresh('U1', { lesson: 5 }))).toBe(false);
    expect(await s.getProgress('slack', 'U1')).toMatchObject({ lesson: 0, version: 1, passed: [], remindersOff: false });
    expect(await s.getProgress('teams', 'U1')).toBeUndefined();
  });

  test('two clicks on Next at once, from two connections: one step', async () => {
    const a = await open();
    const b = await open();
    await a.startProgress(fresh('U1'));
    const read = (await a.getProgress('slack', 'U1'))!;
    const moved = await Promise.all([a.updateProgress({ ...read, lesson: 1 }), b.updateProgress({ ...read, lesson: 1 })]);
    expect(moved.filter(Boolean)).toHaveLength(1);
    expect(await b.getProgress('slack', 'U1')).toMatchObject({ lesson: 1, version: 2 });
  });

  test('lists, due lessons and stalled people', async () => {
    const s = await open();
    await s.startProgress(fresh('U1', { pace: 'daily', nextAt: '2026-12-02T08:00:00.000Z' }));
    await s.startProgress(fresh('U2', { pace: 'daily', nextAt: '2026-12-03T08:00:00.000Z' }));
    await s.startProgress(fresh('U3', { movedAt: '2026-11-20T08:00:00.000Z', passed: ['big-idea'], missed: ['patching'] }));
    await s.startProgress(fresh('U4', { movedAt: '2026-11-20T08:00:00.000Z', remindersOff: true }));
    await s.startProgress(fresh('U5', { movedAt: '2026-11-20T08:00:00.000Z', reminders: 2 }));
    expect((await s.progressOf('slack', ['U1', 'U3', 'U9'])).map((p) => p.user).sort()).toEqual(['U1', 'U3']);
    expect((await s.dueLessons('2026-12-02T08:00:00.000Z', 10)).map((p) => p.user)).toEqual(['U1']);
    const stalled = await s.stalled('2026-11-28T00:00:00.000Z', 2, 10);
    expect(stalled.map((p) => p.user)).toEqual(['U3']);
    expect(stalled[0]).toMatchObject({ passed: ['big-idea'], missed: ['patching'] });
  });

  test('a welcome is claimed once per person and platform', async () => {
    const a = await open();
    const b = await open();
    const claims = await Promise.all([a.claimWelcome('slack', 'U1'), b.claimWelcome('slack', 'U1'), a.claimWelcome('slack', 'U1')]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await a.claimWelcome('teams', 'U1')).toBe(true);
  });
});
