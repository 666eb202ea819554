// Every story rendered in Chromium, its play function run, and axe run on the result: zero violations.
import type { TemplateResult } from 'lit';
import { render } from 'lit';
import { expect, expectAccessible, fixture, html, waitUntil } from '../packages/elements/test/helpers.js';
import * as wizard from './security-info-wizard.stories.js';
import * as wizardMethods from './security-info-wizard-methods.stories.js';
import * as phone from './security-info-phone.stories.js';
import * as code from './code-verify.stories.js';
import * as picker from './method-picker.stories.js';
import * as methods from './security-info-methods.stories.js';
import * as email from './email-address.stories.js';
import * as questions from './security-questions.stories.js';
import * as app from './authenticator-app.stories.js';
import * as passkey from './passkey.stories.js';

type Args = Record<string, unknown>;
type Decorator = (story: () => TemplateResult) => TemplateResult;
interface StoryLike {
  args?: Args;
  decorators?: Decorator[];
  render?: (args: Args) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement; args: Args }) => Promise<void>;
}
interface StoriesModule {
  default: StoryLike & { title?: string };
  [name: string]: unknown;
}

const modules = {
  wizard,
  wizardMethods,
  phone,
  code,
  picker,
  methods,
  app,
  email,
  questions,
  passkey,
} as unknown as Record<string, StoriesModule>;

for (const [file, module] of Object.entries(modules)) {
  const meta = module.default;
  describe(`stories: ${meta.title ?? file}`, () => {
    for (const [name, value] of Object.entries(module)) {
      if (name === 'default' || typeof value !== 'object' || value === null) continue;
      const story = value as StoryLike;
      it(`${name} renders without an accessibility violation`, async () => {
        const args = { ...meta.args, ...story.args };
        const draw = story.render ?? meta.render!;
        const decorated = [...(story.decorators ?? []), ...(meta.decorators ?? [])].reduce<() => TemplateResult>(
          (inner, decorator) => () => decorator(inner),
          () => draw(args),
        );
        const canvas = await fixture<HTMLDivElement>(html`<div></div>`);
        render(decorated(), canvas);
        const elements = [...canvas.querySelectorAll('*')].filter((el) => el.localName.includes('-'));
        expect(elements.length, 'the story renders an element').to.be.greaterThan(0);
        for (const el of elements) await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
        await (story.play ?? meta.play)?.({ canvasElement: canvas, args });
        // Let lazy steps, metadata and adapter latency settle before judging.
        await waitUntil(() => !canvas.querySelector(':not(:defined)'), 'an element never upgraded', { timeout: 3000 });
        await new Promise((resolve) => setTimeout(resolve, 150));
        await expectAccessible(canvas);
      });
    }
  });
}
