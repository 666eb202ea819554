// The page the timing bench opens (see time.mjs): the wizard, the phone field and intl-tel-input, built for
// production, and the measurements that run in it. Each figure is a list of samples in milliseconds.
import { SecurityInfoWizard } from '../../packages/elements/src/security-info-wizard/security-info-wizard.js';
import '../../packages/elements/src/security-info-phone/security-info-phone.js';
// Loaded, as the wizard's idle-time prefetch leaves it by the time a person reaches the phone step.
import { WizardSteps } from '../../packages/elements/src/security-info-wizard/wizard-steps.js';
import { createMemoryAdapter, loadPhoneMetadata, type SecurityInfoPolicy } from '../../packages/core/src/index.js';
import intlTelInput from 'intl-tel-input/intlTelInputWithUtils';

export interface PageSamples {
  firstRender: number[];
  keystroke: number[];
  keystrokeWork: number[];
  search: number[];
  searchWork: number[];
  iti: { init: number[]; keystroke: number[]; keystrokeWork: number[]; search: number[]; searchWork: number[] };
}

const policy: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa'] }] };
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const nextTask = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });

function mountWizard(): SecurityInfoWizard {
  const wizard = document.createElement('security-info-wizard');
  wizard.policy = policy;
  wizard.adapter = createMemoryAdapter({ policy });
  document.body.append(wizard);
  return wizard;
}

async function measure(): Promise<PageSamples> {
  // Define to first render: a wizard appended with its policy, until its first step is painted.
  const firstRender = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    const wizard = mountWizard();
    await wizard.updateComplete;
    // The phone step renders once the wizard has its (already loaded) steps module: a task or so.
    let phone;
    while (!(phone = wizard.shadowRoot!.querySelector('security-info-phone'))) {
      await nextTask();
      await wizard.updateComplete;
    }
    await phone.updateComplete;
    firstRender.push(performance.now() - start);
    await frame();
    wizard.remove();
  }
  // Keystroke to formatted value: 200 digits typed one by one into the number field, and into intl-tel-input's, in
  // turns of ten (a number's worth) so that a change in the machine's load falls on both alike.
  const phone = document.createElement('security-info-phone');
  phone.setAttribute('default-country', 'US');
  document.body.append(phone);
  await phone.updateComplete;
  const field = document.createElement('input');
  field.type = 'tel';
  document.body.append(field);
  const instance = intlTelInput(field, { initialCountry: 'us' });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const input = phone.shadowRoot!.querySelector<HTMLInputElement>('input[type="tel"]')!;
  const ours: Typed = { keystroke: [], keystrokeWork: [] };
  const theirs: Typed = { keystroke: [], keystrokeWork: [] };
  for (let turn = 0; turn < 20; turn++) {
    await typeTen(turn, input, ours, () => phone.updateComplete);
    // It formats synchronously in its input listener.
    await typeTen(turn, field, theirs);
  }
  instance.destroy();
  field.remove();
  const { keystroke, keystrokeWork } = ours;
  // Country search: each keystroke of "united" filtering the 245 regions and rendering the list.
  const combo = phone.shadowRoot!.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const search = [];
  const searchWork = [];
  for (let round = 0; round < 20; round++) {
    let typed = '';
    for (const ch of 'united') {
      typed += ch;
      const start = performance.now();
      combo.value = typed;
      combo.dispatchEvent(
        new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: ch }),
      );
      await phone.updateComplete;
      searchWork.push(performance.now() - start);
      await nextFrame();
      search.push(performance.now() - start);
    }
    combo.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await phone.updateComplete;
  }
  phone.remove();
  return {
    firstRender,
    keystroke,
    keystrokeWork,
    search,
    searchWork,
    iti: { ...theirs, ...(await measureIntlTelInput()) },
  };
}

/** Each keystroke's work (until the field shows the digit formatted), and until the next frame. */
interface Typed {
  keystroke: number[];
  keystrokeWork: number[];
}

/**
 * Clears `input`, then types ten digits into it one by one (the same ten in every `turn`'s place of the 200), with
 * `settled` awaited after each when the field formats after its input event.
 */
async function typeTen(turn: number, input: HTMLInputElement, typed: Typed, settled?: () => Promise<unknown>) {
  input.value = '';
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContent' }));
  if (settled) await settled();
  for (let i = turn * 10; i < turn * 10 + 10; i++) {
    const start = performance.now();
    input.value += String((i * 7) % 10);
    input.setSelectionRange(input.value.length, input.value.length);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: '1' }));
    if (settled) await settled();
    typed.keystrokeWork.push(performance.now() - start);
    await nextFrame();
    typed.keystroke.push(performance.now() - start);
  }
}

/** The first render and country search on intl-tel-input (with its utilities) in the same page and run. */
async function measureIntlTelInput(): Promise<Omit<PageSamples['iti'], keyof Typed>> {
  const init = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    const field = document.createElement('input');
    field.type = 'tel';
    document.body.append(field);
    const instance = intlTelInput(field, { initialCountry: 'us' });
    // Its first paint needs a style and layout pass: forced here as our element's updateComplete does not.
    field.parentElement!.getBoundingClientRect();
    init.push(performance.now() - start);
    await frame();
    instance.destroy();
    field.remove();
  }
  const field = document.createElement('input');
  field.type = 'tel';
  document.body.append(field);
  const instance = intlTelInput(field, { initialCountry: 'us' });
  await frame();
  // Its country search filters after a 100 ms pause in typing: the filter's own work is timed by wrapping
  // the timer, and "painted" is the frame after the filtered list, as a person sees it.
  const realSetTimeout = window.setTimeout;
  let filtered: ((ms: number) => void) | undefined;
  window.setTimeout = ((fn: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) =>
    realSetTimeout(() => {
      const begin = performance.now();
      fn(...args);
      filtered?.(performance.now() - begin);
    }, delay)) as typeof window.setTimeout;
  const search = [];
  const searchWork = [];
  try {
    const wrapper = field.closest('.iti')!;
    for (let round = 0; round < 20; round++) {
      instance.setSelectedCountry('us');
      wrapper.querySelector<HTMLButtonElement>('button.iti__selected-country')!.click();
      await frame();
      const box = document.querySelector<HTMLInputElement>('.iti__search-input')!;
      let typed = '';
      for (const ch of 'united') {
        typed += ch;
        const done = new Promise<number>((resolve) => (filtered = resolve));
        const start = performance.now();
        box.value = typed;
        box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: ch }));
        searchWork.push(await done);
        filtered = undefined;
        await nextFrame();
        search.push(performance.now() - start);
      }
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await frame();
    }
  } finally {
    window.setTimeout = realSetTimeout;
  }
  instance.destroy();
  field.remove();
  return { init, search, searchWork };
}

/** Mounts and removes the wizard `times` times, for the heap figure. */
async function mountAndRemove(times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const wizard = mountWizard();
    await wizard.updateComplete;
    await wizard.shadowRoot!.querySelector('security-info-phone')?.updateComplete;
    wizard.remove();
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const benchPage = { measure, mountAndRemove, loadPhoneMetadata, loaded: [SecurityInfoWizard, WizardSteps] };

declare global {
  interface Window {
    /** Set once the bench page has loaded. */
    benchPage?: typeof benchPage;
  }
}

window.benchPage = benchPage;
