import { WorkCalendar, type CalendarYear } from '@kcbx/work-calendar';
import { fixture, givenEngine, TENANT } from './harness';
import type { WorkingDayCalendar } from '../runtime/day-count';

// The 2026 schedule's 中秋/国庆 part, as a county would ship it (calendar/2026.json holds the whole year).
const AUTUMN_2026: CalendarYear = {
  format: 'kcbx-calendar/1',
  year: 2026,
  published: true,
  source: 'test: 国务院办公厅关于2026年部分节假日安排的通知',
  holidays: ['2026-09-25', '2026-09-26', '2026-09-27'].map((date) => ({ date, name: '中秋节' })),
  workdays: [{ date: '2026-09-20', name: '国庆节调休上班' }],
};
const county = new WorkCalendar([AUTUMN_2026]);
const calendar: WorkingDayCalendar = { addWorkingDays: (_tenant, from, days) => county.addWorkingDays(from, days).at };

/** Thursday 24 September 2026, 09:00 in China: the day before 中秋 */
const THURSDAY = Date.parse('2026-09-24T09:00:00+08:00');

async function given(deadlineDayCount: string) {
  const ctx = await givenEngine(['working-days.bpmn'], { calendar });
  ctx.clock.current = THURSDAY;
  const { id } = await ctx.engine.startProcess({ tenantId: TENANT, key: 'workingDays', variables: { deadlineDayCount } });
  return { ...ctx, id };
}

describe('durations in working days (dayCount)', () => {
  it('given a 3-working-day due date started the Thursday before 中秋, then it falls on Wednesday 30 September', async () => {
    const { engine, id } = await given('working');
    const [task] = await engine.listTasks({ tenantId: TENANT, instanceId: id });
    expect(new Date(task.dueAt!).toISOString()).toBe('2026-09-30T01:00:00.000Z');
    const created = (await engine.getHistory(TENANT, id)).find((h) => h.type === 'task-created');
    expect(created?.data).toMatchObject({ dayCount: 'working' });
  });

  it('given a boundary timer whose day count is a county parameter, when it says working, then it fires after 3 working days and 2 hours', async () => {
    const { engine, clock, id } = await given('working');
    const [job] = await engine.listJobs(TENANT, id);
    expect(new Date(job.dueAt).toISOString()).toBe('2026-09-30T03:00:00.000Z');
    await engine.executeDueJobs(clock.advance(job.dueAt - clock.now() - 1));
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['review']);
    await engine.executeDueJobs(clock.advance(1));
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['escalated']);
  });

  it('given the county parameter says calendar days, then the same timer counts 自然日 (Sunday 27 September)', async () => {
    const { engine, id } = await given('calendar');
    const [job] = await engine.listJobs(TENANT, id);
    expect(new Date(job.dueAt).toISOString()).toBe('2026-09-27T03:00:00.000Z');
  });

  it('given a county parameter with another value, then the timer is not made and an incident says why', async () => {
    const { engine, id } = await given('weekdays');
    const incidents = await engine.listIncidents(TENANT);
    expect(incidents.map((i) => i.message).join()).toMatch(/dayCount .* expected working/);
    expect(await engine.listJobs(TENANT, id)).toEqual([]);
  });

  it('given a dayCount literal that is neither working nor calendar, when deployed, then deploy names the property', async () => {
    const { engine } = await givenEngine([]);
    const bad = fixture('working-days.bpmn').replace('value="working"', 'value="weekdays"');
    await expect(engine.deploy({ tenantId: TENANT, resources: [{ name: 'bad.bpmn', content: bad }] })).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: 'DAY_COUNT_INVALID' })],
    });
  });

  it('given no county calendar, then weekends and the fixed statutory days still count (国庆 1–3 October)', async () => {
    const ctx = await givenEngine(['working-days.bpmn']);
    ctx.clock.current = Date.parse('2030-09-30T09:00:00+08:00'); // Monday
    const { id } = await ctx.engine.startProcess({ tenantId: TENANT, key: 'workingDays', variables: { deadlineDayCount: 'calendar' } });
    const [task] = await ctx.engine.listTasks({ tenantId: TENANT, instanceId: id });
    // Tue–Thu 1–3 Oct are statutory, Fri 4 Oct is 1, Mon 7 is 2, Tue 8 is 3
    expect(new Date(task.dueAt!).toISOString()).toBe('2030-10-08T01:00:00.000Z');
  });
});
