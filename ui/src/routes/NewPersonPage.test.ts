import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import NewPersonPage from './NewPersonPage.svelte';

async function setup() {
  const { app, backend } = await mockApp({ locale: 'en' });
  app.router.go({ name: 'new-person' });
  const create = vi.spyOn(backend, 'profileCreate');
  render(NewPersonPage, { context: appContext(app) });
  return { app, backend, create };
}

async function fill(values: { name?: string; pin?: string; repeat?: string }) {
  if (values.name !== undefined) await fireEvent.input(screen.getByTestId('profile-name'), { target: { value: values.name } });
  if (values.pin !== undefined) await fireEvent.input(screen.getByTestId('profile-pin'), { target: { value: values.pin } });
  if (values.repeat !== undefined) await fireEvent.input(screen.getByTestId('profile-pin-repeat'), { target: { value: values.repeat } });
  await fireEvent.click(screen.getByTestId('profile-create-submit'));
}

/** The error shown next to the input of `field`. */
function errorNextTo(field: string) {
  const input = screen.getByTestId(field === 'pinRepeat' ? 'profile-pin-repeat' : `profile-${field}`);
  const id = input.getAttribute('aria-describedby')?.split(' ').find((i) => i.endsWith('-error'));
  return id ? document.getElementById(id) : null;
}

describe('New person', () => {
  it('asks for a name, next to the name field, and creates nobody', async () => {
    const { create } = await setup();
    await fill({ name: '   ' });
    expect(errorNextTo('name')?.textContent).toBe('Write a name.');
    expect(screen.getByTestId('profile-name').getAttribute('aria-invalid')).toBe('true');
    expect(create).not.toHaveBeenCalled();
  });

  it('says when the two PINs differ, next to the second one', async () => {
    const { create } = await setup();
    await fill({ name: 'Ana', pin: '1234', repeat: '1243' });
    expect(errorNextTo('pinRepeat')?.textContent).toBe('The two PINs are not the same.');
    expect(errorNextTo('name')).toBeNull();
    expect(create).not.toHaveBeenCalled();
  });

  it('wants 4 to 6 numbers in a PIN', async () => {
    const { create } = await setup();
    await fill({ name: 'Ana', pin: '12', repeat: '12' });
    expect(errorNextTo('pin')?.textContent).toBe('The PIN must have 4 to 6 numbers.');
    expect(create).not.toHaveBeenCalled();
  });

  it('creates the person with picture, PIN and the current language, and opens Home', async () => {
    const { app, create } = await setup();
    await fireEvent.click(screen.getByTestId('avatar-fish'));
    await fill({ name: ' Ana ', pin: '1234', repeat: '1234' });
    expect(create).toHaveBeenCalledExactlyOnceWith({ name: 'Ana', avatar: 'fish', pin: '1234', locale: 'en' });
    await vi.waitFor(() => expect(app.router.current).toEqual({ name: 'home' }));
    expect(app.active).toMatchObject({ name: 'Ana', avatar: 'fish', hasPin: true });
  });

  it('without a PIN, sends none', async () => {
    const { create } = await setup();
    await fill({ name: 'Ben' });
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ name: 'Ben', pin: null }));
  });

  it('shows an error from Rust next to the field it names', async () => {
    const { backend } = await setup();
    backend.control.failNext('profileCreate', 'invalid-input', 'name');
    await fill({ name: 'Ana' });
    await vi.waitFor(() => expect(errorNextTo('name')?.textContent).toBe('Something here is not right. Look at the marked field.'));
  });
});
