/** Pairing codes: 8 digits, shown and read in two groups of four, typed with or without spaces. */
import { LIMITS } from '../backend';
import { msg } from '../i18n/i18n.svelte';

/** "12345678" → "1234 5678". */
export function groupCode(code: string): string {
  return code.length === LIMITS.pairingCodeDigits ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** "12345678" → "1 2 3 4, 5 6 7 8": speech says each digit, with a pause between the groups. */
export function spokenCode(code: string): string {
  return groupCode(code)
    .split(' ')
    .map((group) => [...group].join(' '))
    .join(', ');
}

/** The digits of a typed code (spaces and dashes ignored, as Rust does), or null when it is not 8 digits. */
export function normalizeCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '');
  return new RegExp(`^[0-9]{${LIMITS.pairingCodeDigits}}$`).test(code) ? code : null;
}

/** The message to show next to the field before asking Rust, or null when the code looks right. */
export function checkCode(typed: string): string | null {
  if (typed.trim() === '') return msg('pairing-error-empty');
  return normalizeCode(typed) === null ? msg('pairing-error-format') : null;
}

/** Whole minutes left, rounded up (4 min 10 s → 5), never below 0. */
export function minutesLeft(expiresAt: number, now: number): number {
  return Math.max(0, Math.ceil((expiresAt - now) / 60_000));
}
