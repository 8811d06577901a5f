/** How the skills assessment's areas, levels and trends show: an icon and short words, never a grade. */
import type { Area, Level, Rating, Trend } from '../backend';
import { msg } from '../i18n/i18n.svelte';

export const AREA_LOOK: Record<Area, { icon: string; label: string }> = {
  information: { icon: 'ui-search', label: msg('skills-area-information') },
  communication: { icon: 'ui-message', label: msg('skills-area-communication') },
  'content-creation': { icon: 'ui-camera', label: msg('skills-area-content-creation') },
  safety: { icon: 'ui-lock', label: msg('skills-area-safety') },
  'problem-solving': { icon: 'ui-wrench', label: msg('skills-area-problem-solving') },
};

/** Friendly words for a level, and how many of four marks it fills (a picture, not a score). */
export const LEVEL_LOOK: Record<Level, { label: string; marks: number }> = {
  'foundation-1': { label: msg('skills-level-1'), marks: 1 },
  'foundation-2': { label: msg('skills-level-2'), marks: 2 },
  'intermediate-3': { label: msg('skills-level-3'), marks: 3 },
  'intermediate-4': { label: msg('skills-level-4'), marks: 4 },
};

export const TREND_LOOK: Record<Trend, { icon: string; label: string }> = {
  up: { icon: 'ui-up', label: msg('skills-trend-up') },
  same: { icon: 'ui-same', label: msg('skills-trend-same') },
  down: { icon: 'ui-down', label: msg('skills-trend-down') },
};

/** The short word under each answer button, beside the instrument's own sentence. */
export const RATING_WORD: Record<Rating, string> = {
  'cannot-do': msg('skills-rating-cannot-do'),
  'with-help': msg('skills-rating-with-help'),
  'on-my-own': msg('skills-rating-on-my-own'),
  'can-teach': msg('skills-rating-can-teach'),
};
