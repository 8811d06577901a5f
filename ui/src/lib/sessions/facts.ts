/**
 * The donors' questions asked when someone registers at a session: each with its icon and its
 * answers, every one optional ("Prefer not to say"). The words are Fluent messages, shown in the
 * person's own language (`format(locale, id)`), not the volunteer's.
 */
import type { AgeBand, Country, Gender, RegistrationInput, Settlement, TargetGroup } from '../backend';
import { msg } from '../i18n/i18n.svelte';

export type Answer = { value: string; label: string; icon: string };
export type Question = {
  key: 'gender' | 'age' | 'settlement' | 'country' | 'groups';
  /** The question, as a message id. */
  label: string;
  icon: string;
  /** Several answers may be chosen (target groups). */
  many: boolean;
  answers: Answer[];
};

const GENDERS: [Gender, string, string][] = [
  ['woman', 'ui-woman', msg('facts-gender-woman')],
  ['man', 'ui-man', msg('facts-gender-man')],
  ['other', 'ui-person', msg('facts-gender-other')],
];
const AGES: AgeBand[] = ['16-24', '25-54', '55-74', '75+'];
const SETTLEMENTS: [Settlement, string, string][] = [
  ['rural', 'avatar-mountain', msg('facts-settlement-rural')],
  ['urban', 'avatar-house', msg('facts-settlement-urban')],
];
export const COUNTRY_LABEL: Record<Country, string> = {
  al: msg('facts-country-al'),
  xk: msg('facts-country-xk'),
  mk: msg('facts-country-mk'),
};
const COUNTRIES: Country[] = ['al', 'xk', 'mk'];
const GROUPS: [TargetGroup, string, string][] = [
  ['older-person', 'ui-person', msg('facts-group-older-person')],
  ['woman-reading-little', 'ui-woman', msg('facts-group-woman-reading-little')],
  ['young-person', 'ui-star', msg('facts-group-young-person')],
  ['disability', 'ui-wheel', msg('facts-group-disability')],
  ['first-phone', 'ui-phone', msg('facts-group-first-phone')],
  ['minority', 'ui-people', msg('facts-group-minority')],
];

export const AGE_LABEL: Record<AgeBand, string> = {
  '16-24': msg('facts-age-16-24'),
  '25-54': msg('facts-age-25-54'),
  '55-74': msg('facts-age-55-74'),
  '75+': msg('facts-age-75'),
};

export const QUESTIONS: readonly Question[] = [
  {
    key: 'gender',
    label: msg('facts-gender'),
    icon: 'ui-person',
    many: false,
    answers: GENDERS.map(([value, icon, label]) => ({ value, icon, label })),
  },
  { key: 'age', label: msg('facts-age'), icon: 'ui-calendar', many: false, answers: AGES.map((value) => ({ value, icon: 'ui-calendar', label: AGE_LABEL[value] })) },
  {
    key: 'settlement',
    label: msg('facts-settlement'),
    icon: 'avatar-house',
    many: false,
    answers: SETTLEMENTS.map(([value, icon, label]) => ({ value, icon, label })),
  },
  { key: 'country', label: msg('facts-country'), icon: 'ui-pin', many: false, answers: COUNTRIES.map((value) => ({ value, icon: 'ui-pin', label: COUNTRY_LABEL[value] })) },
  { key: 'groups', label: msg('facts-groups'), icon: 'ui-people', many: true, answers: GROUPS.map(([value, icon, label]) => ({ value, icon, label })) },
];

/** What the person answered so far: a value per question, `null` for "prefer not to say", none yet: absent. */
export type Answers = Partial<Record<Question['key'], string | string[] | null>>;

/** The registration to send: every fact not given is `null` (or no group), with the consent given. */
export function registration(answers: Answers, consent: 'tap' | null): RegistrationInput {
  const one = <T>(key: Question['key']) => (typeof answers[key] === 'string' ? (answers[key] as T) : null);
  return {
    gender: one<Gender>('gender'),
    age: one<AgeBand>('age'),
    settlement: one<Settlement>('settlement'),
    country: one<Country>('country'),
    groups: Array.isArray(answers.groups) ? (answers.groups as TargetGroup[]) : [],
    consent,
  };
}

/** Today as `YYYY-MM-DD` in the device's own time zone (what a date field shows). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
