import { describe, expect, it } from 'vitest';
import { pendingSummary } from './queue-wording';

describe('the queue\'s summary', () => {
  it('counts every waiting submission, and says which ones are listed', () => {
    expect(pendingSummary(1)).toBe('1 testimonianza in attesa di una decisione');
    expect(pendingSummary(3)).toBe('3 testimonianze in attesa di una decisione, dalla più vecchia');
    expect(pendingSummary(12)).toBe('12 testimonianze in attesa di una decisione: qui le 5 che aspettano da più tempo');
  });
});
