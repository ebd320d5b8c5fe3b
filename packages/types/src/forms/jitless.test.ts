import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testimonySubmissionSchema } from './index';

describe('the form schemas under a strict Content-Security-Policy', () => {
  it('parse without generating code (no `new Function`, not even the probe)', () => {
    expect(testimonySubmissionSchema.safeParse({}).success).toBe(false);
    expect(z.config().jitless).toBe(true);
  });
});
