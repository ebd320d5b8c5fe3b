/** Length limits of the testimony form (shared by the form's counters and the schema). */
export const STORY_MIN_LENGTH = 200;
export const STORY_MAX_LENGTH = 8000;
export const TITLE_MIN_LENGTH = 10;
export const TITLE_MAX_LENGTH = 140;
