import { LIMITS } from '../backend';
import { t } from '../i18n/i18n.svelte';

export type PersonErrors = { name?: string; pin?: string; pinRepeat?: string };

/** Checks a new person's form as Rust will, so the person hears what to fix before anything is sent. */
export function checkNewPerson(input: { name: string; pin: string; pinRepeat: string }): PersonErrors {
  const errors: PersonErrors = {};
  const length = [...input.name.trim()].length;
  if (length === 0) errors.name = t('person-error-name-required');
  else if (length > LIMITS.nameMax) errors.name = t('person-error-name-too-long');
  if (input.pin !== '' && !new RegExp(`^[0-9]{${LIMITS.pinMin},${LIMITS.pinMax}}$`).test(input.pin)) {
    errors.pin = t('person-error-pin-format');
  } else if (input.pin !== input.pinRepeat) {
    errors.pinRepeat = t('person-error-pin-mismatch');
  }
  return errors;
}

/** Checks a new name for the active person. */
export function checkName(name: string): string | null {
  const length = [...name.trim()].length;
  if (length === 0) return t('person-error-name-required');
  if (length > LIMITS.nameMax) return t('person-error-name-too-long');
  return null;
}
