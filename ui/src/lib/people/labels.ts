import type { Avatar } from '../backend';
import { msg } from '../i18n/i18n.svelte';

/** The message naming each picture (its accessible name). */
export const AVATAR_LABEL: Record<Avatar, string> = {
  sun: msg('avatar-sun'),
  moon: msg('avatar-moon'),
  tree: msg('avatar-tree'),
  flower: msg('avatar-flower'),
  bird: msg('avatar-bird'),
  fish: msg('avatar-fish'),
  mountain: msg('avatar-mountain'),
  house: msg('avatar-house'),
};
