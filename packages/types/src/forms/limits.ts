/** Length limits of the testimony form (shared by the form's counters and the schema). */
export const STORY_MIN_LENGTH = 200;
export const STORY_MAX_LENGTH = 8000;
export const TITLE_MIN_LENGTH = 10;
export const TITLE_MAX_LENGTH = 140;

/**
 * Limits of the public Testimony (`api::testimony.testimony`'s schema.json):
 * what a moderator may publish. The CMS checks them on approval, its admin
 * shows them, and the approve request's schema caps its texts with them.
 */
export const TESTIMONY_LIMITS = {
  title: { min: 5, max: 140 },
  story: { min: 50, max: 8000 },
  displayName: { min: 1, max: 60 },
} as const;

/** The moderator's private note on a rejected submission (`moderatorNote`'s maxLength). */
export const MODERATOR_NOTE_MAX_LENGTH = 2000;
