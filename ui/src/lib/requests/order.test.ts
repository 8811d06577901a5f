import { describe, expect, it } from 'vitest';
import { conversation, oldestFirst } from './order';

describe('conversation', () => {
  it('merges the person’s messages and the replies by time, the newest last', () => {
    const turns = conversation(
      [
        { text: 'It is worse now', at: 30 },
        { text: 'Thank you', at: 50 },
      ],
      [
        { by: 'Arta', text: 'Fixed', at: 40 },
        { by: 'Arta', text: 'We have it', at: 10 },
      ],
    );
    expect(turns.map((t) => `${t.who}:${t.text}`)).toEqual(['municipality:We have it', 'me:It is worse now', 'municipality:Fixed', 'me:Thank you']);
    expect(turns[0]).toEqual({ who: 'municipality', by: 'Arta', text: 'We have it', at: 10 });
  });

  it('keeps each side’s order for turns of the same moment', () => {
    const turns = conversation(
      [
        { text: 'a', at: 5 },
        { text: 'b', at: 5 },
      ],
      [{ by: 'X', text: 'r', at: 5 }],
    );
    expect(turns.map((t) => t.text)).toEqual(['r', 'a', 'b']);
  });

  it('is empty with nothing said, and oldestFirst still sorts replies alone', () => {
    expect(conversation([], [])).toEqual([]);
    expect(oldestFirst([{ by: 'a', text: '2', at: 2 }, { by: 'a', text: '1', at: 1 }]).map((r) => r.text)).toEqual(['1', '2']);
  });
});
