/**
 * The app's state: who is using it, which language, and which screen. Pages read it from context and
 * call its actions; every backend call that changes who is active goes through here, so the language
 * and the screen follow.
 */
import type { Backend, Category, Locale, Notice, ProfileSummary } from '../backend';
import { guessLocale, setLocale } from '../i18n/i18n.svelte';
import { Router, type Route } from '../router/router.svelte';
import { toCommandError } from './errors';

export class AppState {
  readonly backend: Backend;
  readonly router: Router;

  deviceLocale = $state<Locale | null>(null);
  profiles = $state<ProfileSummary[]>([]);
  active = $state<ProfileSummary | null>(null);
  /** Said once at start (e.g. damaged data was set aside). */
  notice = $state<Notice | null>(null);
  /** An error that belongs to no field, shown in a banner until dismissed or the screen changes. */
  banner = $state<string | null>(null);
  #categories: Category[] | null = null;

  constructor(backend: Backend, router: Router = new Router()) {
    this.backend = backend;
    this.router = router;
  }

  /** The language for the UI: the active person's, else the device's, else the device's own guess. */
  applyLocale(): void {
    setLocale(this.active?.locale ?? this.deviceLocale ?? guessLocale());
  }

  async start(): Promise<void> {
    this.applyLocale();
    try {
      const start = await this.backend.appStart();
      this.deviceLocale = start.deviceLocale;
      this.profiles = start.profiles;
      this.active = start.active;
      this.notice = start.notice;
      this.applyLocale();
      if (start.active) this.show({ name: 'home' });
      else if (start.deviceLocale === null) this.show({ name: 'language' });
      else this.show({ name: 'who' });
    } catch (e) {
      this.fail(e);
      this.show({ name: 'who' });
    }
  }

  /** Starts afresh at a screen, clearing any banner of the previous one. */
  show(route: Route): void {
    this.banner = null;
    this.router.reset(route);
  }

  go(route: Route): void {
    this.banner = null;
    this.router.go(route);
  }

  back(): void {
    this.banner = null;
    this.router.back();
  }

  fail(e: unknown): void {
    this.banner = toCommandError(e).message;
  }

  /** First run: the language chosen before anyone has a profile. */
  async chooseDeviceLocale(locale: Locale): Promise<void> {
    await this.backend.deviceSetLocale(locale);
    this.deviceLocale = locale;
    this.applyLocale();
    this.show({ name: 'who' });
  }

  async refreshProfiles(): Promise<void> {
    this.profiles = await this.backend.profilesList();
  }

  /** Makes `profile` the active person and opens Home in their language. */
  enter(profile: ProfileSummary): void {
    this.active = profile;
    this.applyLocale();
    this.show({ name: 'home' });
  }

  /** Replaces the active person's summary after a change (name, picture, language). */
  updateActive(profile: ProfileSummary): void {
    this.active = profile;
    this.applyLocale();
  }

  /** Nobody active any more: back to "who is using the app?". */
  async leave(): Promise<void> {
    let failure: unknown = null;
    try {
      // Before showing the picker, so it never shows a person who was just deleted.
      await this.refreshProfiles();
    } catch (e) {
      failure = e;
    }
    this.active = null;
    this.applyLocale();
    this.show({ name: 'who' });
    if (failure) this.fail(failure);
  }

  async changePerson(): Promise<void> {
    try {
      await this.backend.profileClose();
    } catch (e) {
      this.fail(e);
      return;
    }
    await this.leave();
  }

  async categories(): Promise<Category[]> {
    this.#categories ??= await this.backend.categoriesList();
    return this.#categories;
  }
}
