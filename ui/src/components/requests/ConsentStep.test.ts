import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { appContext } from '../../lib/app/context';
import { mockApp } from '../../lib/app/testing';
import { CommandFailure } from '../../lib/backend/types';
import { fakeMicrophone } from '../../lib/voice/testing';
import ConsentStep from './ConsentStep.svelte';

describe('ConsentStep', () => {
  it('names the helper, sends on "Yes", and shows why when refused', async () => {
    const { app } = await mockApp({ people: [{ name: 'Drita' }] });
    const tap = vi.fn().mockRejectedValueOnce(new CommandFailure({ code: 'invalid-input', message: 'Say yes first', field: 'consent' })).mockResolvedValue(undefined);
    render(ConsentStep, { props: { helper: 'Arben', tap, voice: vi.fn(), oncancel: vi.fn() }, context: appContext(app) });
    expect(screen.getByTestId('consent-step').textContent).toContain('Arben helped you write this request');
    await fireEvent.click(screen.getByTestId('consent-yes'));
    expect((await screen.findByTestId('error-message')).textContent).toBe('Say yes first');
    await fireEvent.click(screen.getByTestId('consent-yes'));
    expect(tap).toHaveBeenCalledTimes(2);
  });

  it('records a spoken yes with the microphone', async () => {
    const { app } = await mockApp({ people: [{ name: 'Drita' }] });
    const mic = fakeMicrophone();
    const voice = vi.fn(async () => {});
    render(ConsentStep, { props: { helper: 'Arben', tap: vi.fn(), voice, oncancel: vi.fn(), microphone: mic }, context: appContext(app) });
    await fireEvent.click(screen.getByTestId('consent-say'));
    await screen.findByTestId('consent-stop');
    mic.speak(1);
    await fireEvent.click(screen.getByTestId('consent-stop'));
    await vi.waitFor(() => expect(voice).toHaveBeenCalledOnce());
    const [pcm, rate] = voice.mock.calls[0] as unknown as [Int16Array, number];
    expect(rate).toBe(16_000);
    expect(pcm.length).toBeGreaterThan(0);
  });
});
