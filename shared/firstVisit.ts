// A phone new to the fair: what marks it, and the first step its booth page shows. Shared by the
// app (client/lib/ids.ts, ProfileStep.tsx) and the server, which puts the same step in the booth
// page's HTML so a new phone's largest text is there before the app's code arrives (issue #14).

/** Where a phone keeps its student key (erasing the profile on /me forgets it). */
export const STUDENT_KEY = 'boothlink.studentKey';
/** A key as the phone makes one: 32 lowercase hex characters. */
export const STUDENT_KEY_PATTERN = /^[0-9a-f]{32}$/;

/** The id of the server's copy of the first step, which a phone that holds a key removes at once. */
export const FIRST_VISIT_ID = 'first-visit';
export const PROFILE_STEP_HEADING = 'Your details';
export const PROFILE_STEP_INTRO = "Fill this in once. It stays on the fair's server, and a booth sees it only when you tap Share.";
