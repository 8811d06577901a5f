import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import { setLocale } from '../lib/i18n/i18n.svelte';
import { fakeSpeech } from '../lib/media/testing';
import PracticePage from './PracticePage.svelte';
import PractisePage from './PractisePage.svelte';

afterEach(() => {
  vi.unstubAllGlobals();
  setLocale('sq');
});

async function openForm(id = 'demo-family-certificate') {
  const speech = fakeSpeech();
  const setup = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
  setup.app.router.go({ name: 'practise' });
  setup.app.router.go({ name: 'practice', id });
  render(PracticePage, { props: { id }, context: appContext(setup.app) });
  await screen.findByTestId('practice-intro');
  return { ...setup, speech };
}

async function type(field: string, value: string) {
  await fireEvent.input(screen.getByTestId(`practice-input-${field}`), { target: { value } });
}

describe('Practise: the list', () => {
  it('says it is only practice, groups by portal, and shows what was practised', async () => {
    const { app, backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
    const { attemptId } = await backend.practiceStart('demo-id-appointment');
    await backend.practiceStart('demo-family-certificate');
    await backend.practiceFinish('demo-id-appointment', attemptId);
    render(PractisePage, { context: appContext(app) });
    await screen.findByTestId('form-demo-family-certificate');
    expect(screen.getByTestId('practice-safe').textContent).toContain('Nothing is sent anywhere.');
    expect(screen.getByTestId('portal-e-albania').querySelector('h2')?.textContent).toBe('e-Albania');
    expect(screen.getByTestId('portal-uslugi').querySelector('h2')?.textContent).toBe('uslugi.gov.mk');
    expect(screen.getByTestId('form-demo-family-certificate').textContent).toContain('Practised');
    expect(screen.getByTestId('form-demo-id-appointment').textContent).toContain('Finished');
    await fireEvent.click(screen.getByTestId('form-demo-id-appointment'));
    expect(app.router.current).toEqual({ name: 'practice', id: 'demo-id-appointment' });
  });
});

describe('Practise: a form', () => {
  it('starts with the real service’s steps, each listenable, and says nothing typed is kept', async () => {
    const { speech } = await openForm();
    const intro = screen.getByTestId('practice-intro');
    expect(intro.textContent).toContain('What you type here is not saved.');
    expect(intro.querySelectorAll('ol li')).toHaveLength(3);
    await fireEvent.click(screen.getByTestId('practice-step-listen-1'));
    await vi.waitFor(() => expect(speech.spoken.at(-1)).toEqual({ text: 'Write your personal number.', lang: 'en' }));
  });

  it('shows each problem next to its field, in the backend’s words, and moves focus to the first', async () => {
    const { backend } = await openForm();
    const check = vi.spyOn(backend, 'practiceCheckPage');
    await fireEvent.click(screen.getByTestId('practice-start'));
    await screen.findByTestId('practice-page');
    await type('nid', 'J123');
    await fireEvent.click(screen.getByTestId('practice-next-page'));

    const nidError = await screen.findByText('The personal number has 10 signs. You wrote 4.');
    expect(nidError.dataset.field).toBe('nid');
    expect(screen.getByTestId('practice-field-nid').contains(nidError), 'the problem is in the field’s own box').toBe(true);
    const nid = screen.getByTestId('practice-input-nid');
    expect(nid.getAttribute('aria-invalid')).toBe('true');
    expect(nid.getAttribute('aria-describedby')).toContain(nidError.id);
    expect(screen.getByTestId('practice-field-name').textContent).toContain('Fill in this box.');
    await vi.waitFor(() => expect(document.activeElement).toBe(nid));
    expect(screen.getByTestId('practice-problems-note').textContent).toContain('Some boxes need a fix.');
    expect(check.mock.calls[0][3]).toEqual({ nid: 'J123', name: '' });
    expect(screen.getByTestId('practice-page').dataset.page).toBe('0');
  });

  it('shows the help and the example, and reads the help aloud', async () => {
    const { speech } = await openForm();
    await fireEvent.click(screen.getByTestId('practice-start'));
    await screen.findByTestId('practice-page');
    const field = screen.getByTestId('practice-field-nid');
    expect(field.textContent).toContain('Example: J65101123A');
    expect(field.textContent).not.toContain('It is on your ID card');
    await fireEvent.click(screen.getByTestId('practice-help-nid'));
    expect(field.textContent).toContain('It is on your ID card: 10 signs.');
    await fireEvent.click(screen.getByTestId('practice-listen-nid'));
    await vi.waitFor(() => expect(speech.spoken.at(-1)?.text).toBe('It is on your ID card: 10 signs.'));
  });

  it('shows the practice SMS on the code page, then what would happen next and the end', async () => {
    const { backend } = await openForm();
    await fireEvent.click(screen.getByTestId('practice-start'));
    await screen.findByTestId('practice-page');
    expect(screen.queryByTestId('practice-sms')).toBeNull();
    await type('nid', 'J65101123A');
    await type('name', 'Ana');
    await fireEvent.click(screen.getByTestId('practice-next-page'));
    const sms = await screen.findByTestId('practice-sms');
    const code = sms.textContent?.match(/[0-9]{6}/)?.[0] ?? '';
    expect(sms.textContent).toContain(`Practice SMS: your code is ${code}`);
    expect(screen.getByTestId('practice-next-page').textContent).toContain('Finish');

    await type('phone', '0691234567');
    await type('otp', code);
    await fireEvent.click(screen.getByTestId('practice-next-page'));
    const end = await screen.findByTestId('practice-end');
    expect(end.textContent).toContain('You finished the practice.');
    expect(screen.getByTestId('practice-next').textContent).toContain('The certificate would arrive');
    expect(JSON.stringify(backend.control.snapshot()), 'nothing typed is stored').not.toContain('J65101123A');

    await fireEvent.click(screen.getByTestId('practice-again'));
    await screen.findByTestId('practice-page');
    expect((screen.getByTestId('practice-input-nid') as HTMLInputElement).value, 'a new run starts empty').toBe('');
  });

  it('"chooses" a file without reading anything, and takes a choice from the list', async () => {
    await openForm('demo-id-appointment');
    await fireEvent.click(screen.getByTestId('practice-start'));
    await screen.findByTestId('practice-page');
    await fireEvent.click(screen.getByTestId('practice-next-page'));
    expect(await screen.findByText('Choose a file.')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('practice-input-photo'));
    expect(screen.getByTestId('practice-file-chosen').textContent).toBe('Chosen: my-document.pdf');
    await fireEvent.change(screen.getByTestId('practice-input-office'), { target: { value: 'tetovo' } });
    await type('day', '2030-02-30');
    await fireEvent.click(screen.getByTestId('practice-next-page'));
    const problems = await screen.findAllByTestId('error-message');
    expect(problems.map((p) => p.dataset.field)).toEqual(['day']);
  });
});
