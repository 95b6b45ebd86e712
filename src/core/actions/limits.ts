/**
 * How long the texts of an action may be. A module of its own, free of zod, so the sidebar can show
 * the same limits (maxlength, counters) without bundling the schemas.
 */
/** Long enough for a real explanation, short enough to stay readable in a cell. */
export const MAX_NOTE_LENGTH = 2000;
/** Long enough for a real action title, short enough for one line in the agenda. */
export const MAX_TITLE_LENGTH = 200;
export const MAX_OWNER_LENGTH = 100;
