import { LogSender } from './log.sender';
import { externalSenders } from './senders.provider';

describe('choosing notification channels', () => {
  it('is in-app only by default, adds the log sender when named, and refuses an unknown channel by name', () => {
    expect(externalSenders('')).toEqual([]);
    expect(externalSenders(' log ')).toEqual([expect.any(LogSender)]);
    expect(() => externalSenders('log,sms')).toThrow('NOTIFY_SENDERS: unknown sender "sms"');
  });
});
