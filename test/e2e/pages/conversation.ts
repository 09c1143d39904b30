import type { Locator, Page } from 'playwright-core';
import { chooseIn } from './select';

/**
 * The conversation: the open thread's messages, the message box and what each message offers.
 * Locators by role and accessible name; `data-*` attributes only where they carry state (a
 * message's role and status), which has no accessible name of its own.
 */
/** One step of a fling: the rows in the list's DOM just after it. */
export interface FlingStep {
  sketches: number;
  full: number;
  /** Every sketch is hidden from assistive technology. */
  hidden: boolean;
  /** The length of the shortest sketch's text (Infinity without sketches). */
  shortestText: number;
}

export class ConversationPage {
  constructor(readonly page: Page) {}

  /** The pane itself (its header holds the title, the model chip and Export). */
  get pane(): Locator {
    return this.page.getByRole('main', { name: 'Conversation' });
  }

  get composer(): Locator {
    return this.page.getByRole('textbox', { name: 'Message', exact: true });
  }

  /** The whole message box: the text field with its buttons around it. */
  get composerBox(): Locator {
    return this.page.locator('.composer');
  }

  /** Under the message box: the attestation badge (confidential models) and what the keys do. */
  get composerFooter(): Locator {
    return this.page.locator('.composer-hints');
  }

  /** The composer's attestation badge ("Not verified …", "Attested: …"), a status. */
  get attestationBadge(): Locator {
    return this.page.getByTestId('attestation-badge');
  }

  /**
   * Picks `option` in an attachment chip's select ("Detail for photo.jpg", "Send report.pdf as")
   * and waits until the select shows it.
   */
  async choose(label: `Detail for ${string}` | `Send ${string} as`, option: string): Promise<void> {
    await chooseIn(this.composerBox, label, option);
  }

  /** Whether the keyboard is in the message box. */
  composerFocused(): Promise<boolean> {
    return this.composer.evaluate((el) => el === document.activeElement);
  }

  /** Message boxes hidden from assistive technology (a modal would hide the page behind it). */
  get hiddenComposer(): Locator {
    return this.page.locator('[aria-hidden="true"] [data-testid="composer"]');
  }

  /** With no provider yet: what the conversation tells a newcomer, and its button. */
  get firstRunHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Add a provider' });
  }

  get addProviderButton(): Locator {
    return this.pane.getByRole('button', { name: 'Add a provider' });
  }

  get list(): Locator {
    return this.page.getByRole('region', { name: 'Messages' });
  }

  get messages(): Locator {
    return this.page.getByTestId('message');
  }

  get questions(): Locator {
    return this.page.locator('[data-testid="message"][data-role="user"]');
  }

  get answers(): Locator {
    return this.page.locator('[data-testid="message"][data-role="assistant"]');
  }

  get lastAnswer(): Locator {
    return this.answers.last();
  }

  get lastQuestion(): Locator {
    return this.questions.last();
  }

  /** `data-status` of the newest answer: streaming, complete, interrupted, error. */
  lastAnswerStatus(): Promise<string | null> {
    return this.lastAnswer.getAttribute('data-status');
  }

  /** A message's toolbar (Copy, Edit, Regenerate, Delete, Tokens). */
  actions(message: Locator): Locator {
    return message.getByRole('toolbar', { name: 'Message actions' });
  }

  action(
    message: Locator,
    name: 'Copy message' | 'Edit message' | 'Regenerate answer' | 'Delete message',
  ): Locator {
    return message.getByRole('button', { name });
  }

  branchSwitcher(message: Locator): Locator {
    return message.getByTestId('branch-switcher');
  }

  get editor(): Locator {
    return this.page.getByRole('textbox', { name: /^Edit (your message|the answer)$/ });
  }

  get exportButton(): Locator {
    return this.page.getByRole('button', { name: 'Export', exact: true });
  }

  /** The model chip in the conversation's header ("Model: …"): opens the model picker. */
  get modelChip(): Locator {
    return this.pane.getByRole('button', { name: /^Model: / });
  }

  get modelPicker(): Locator {
    return this.page.getByTestId('model-picker');
  }

  get modelSearch(): Locator {
    return this.modelPicker.getByRole('combobox', { name: 'Search models' });
  }

  /** Messages shown side by side (n > 1). */
  get choices(): Locator {
    return this.page.getByTestId('choice-group').getByTestId('message');
  }

  usageLine(message: Locator): Locator {
    return message.getByTestId('usage-line');
  }

  exportItem(name: 'Export as JSON' | 'Export as Markdown'): Locator {
    return this.page.getByRole('menuitem', { name });
  }

  /** The open thread's title in the conversation's header. */
  heading(title: string): Locator {
    return this.page.getByRole('heading', { name: title });
  }

  /** Shown above the loaded messages while earlier ones are still to come. */
  get loadingEarlier(): Locator {
    return this.page.getByText('Loading earlier messages…');
  }

  /** The one notice under an answer (failure, interruption, empty answer). */
  notice(message: Locator): Locator {
    return message.getByTestId('message-notice');
  }

  /** "Asked for 3 answers, received 1." */
  choicesNotice(message: Locator): Locator {
    return message.getByTestId('choices-notice');
  }

  get choiceGroup(): Locator {
    return this.page.getByTestId('choice-group');
  }

  /** The structured-output badge of an answer (`data-state` pass / fail). */
  structuredAnswer(message: Locator): Locator {
    return message.getByTestId('structured-answer');
  }

  /** Opens an answer's tokens (logprobs) and returns the token view. */
  async showTokens(message: Locator): Promise<Locator> {
    await message.getByRole('button', { name: 'Tokens' }).click();
    const view = message.getByTestId('token-view');
    await view.waitFor();
    return view;
  }

  /** The popover of a focused token: its top alternatives. */
  get tokenAlternatives(): Locator {
    return this.page.getByTestId('token-alternatives');
  }

  /** "Showing the first 32 KB of 5.0 MB" and its Show all, on a huge answer. */
  moreNote(message: Locator): Locator {
    return message.locator('.msg-more');
  }

  showAll(message: Locator): Locator {
    return message.getByRole('button', { name: 'Show all' });
  }

  /** The parts a long answer is laid out in, and part `n` (from 0). */
  parts(message: Locator): Locator {
    return message.locator('.msg-part');
  }

  part(message: Locator, n: number): Locator {
    return message.locator(`[data-part="${n}"]`);
  }

  /** Unbroken runs of text (a line with no space), each wrapped in its own block. */
  runs(message: Locator): Locator {
    return message.locator('.md-run');
  }

  /** Shown instead of the rendered answer when rendering it failed. */
  fallback(message: Locator): Locator {
    return message.getByTestId('message-fallback');
  }

  link(message: Locator, name: string): Locator {
    return message.getByRole('link', { name });
  }

  images(message: Locator): Locator {
    return message.locator('img');
  }

  /** A tool call's function name as shown (inside its own bidi isolate). */
  toolCallName(message: Locator): Locator {
    return message.locator('.tcalls-fn bdi');
  }

  /** What the schema check found wrong in a tool call's arguments. */
  argumentProblems(message: Locator): Locator {
    return message.getByRole('list', { name: 'Argument problems' });
  }

  /** The deepest nesting of quotes and lists in a message. */
  nestingDepth(message: Locator): Promise<number> {
    return message.evaluate((el) => {
      let deepest = 0;
      for (const leaf of el.querySelectorAll('blockquote, ul, ol')) {
        let depth = 0;
        for (let n: Element | null = leaf; n && n !== el; n = n.parentElement)
          if (/^(BLOCKQUOTE|UL|OL)$/.test(n.tagName)) depth++;
        deepest = Math.max(deepest, depth);
      }
      return deepest;
    });
  }

  /** Rows drawn as sketches while the list flies past them (features/conversation/flight.ts). */
  get sketches(): Locator {
    return this.list.locator('.msg-sketch');
  }

  /**
   * Drags the scrollbar up through the list: `views` views a step, one step every two frames, for
   * `steps` steps. Returns, after each step, how many rows in the DOM were sketches and how many
   * were drawn in full, whether every sketch was hidden from assistive technology and the shortest
   * sketch's text; and where the drag stopped: the first row wholly in view (its `data-index`) and
   * its top in the view, read at its last step.
   */
  async fling(
    views: number,
    steps: number,
  ): Promise<{ seen: FlingStep[]; stopped: { index: string; top: number } }> {
    return this.list.evaluate(
      async (el, { views, steps }) => {
        const seen: FlingStep[] = [];
        for (let step = 0; step < steps; step++) {
          el.scrollTop = Math.max(0, el.scrollTop - el.clientHeight * views);
          // Its scroll event comes with the next frame: counted once the rows it brought are there.
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const sketches = [...el.querySelectorAll('.msg-sketch')];
          seen.push({
            sketches: sketches.length,
            full: el.querySelectorAll('[data-testid="message"]').length,
            hidden: sketches.every((s) => s.getAttribute('aria-hidden') === 'true'),
            shortestText: Math.min(...sketches.map((s) => s.textContent?.length ?? 0)),
          });
        }
        const view = el.getBoundingClientRect();
        const row = [...el.querySelectorAll<HTMLElement>('.conv-row')].find(
          (r) => r.getBoundingClientRect().top >= view.top,
        );
        return {
          seen,
          stopped: {
            index: row?.dataset.index ?? '',
            top: (row?.getBoundingClientRect().top ?? 0) - view.top,
          },
        };
      },
      { views, steps },
    );
  }

  /** Where row `index` of the list is in the view as painted (read in a frame, after layout). */
  async rowTop(index: string): Promise<number> {
    return this.list.evaluate(
      (el, at) =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const row = el.querySelector<HTMLElement>(`.conv-row[data-index="${at}"]`);
              resolve((row?.getBoundingClientRect().top ?? Number.NaN) - el.getBoundingClientRect().top);
            }),
          ),
        ),
      index,
    );
  }

  /** Scrolls the message list to its top (earlier messages load) or its end. */
  async scrollTo(where: 'top' | 'end'): Promise<void> {
    await this.list.evaluate((el, top) => {
      el.scrollTop = top ? 0 : el.scrollHeight;
    }, where === 'top');
  }

  /** Waits until the message box is on screen (a thread is open). */
  async ready(): Promise<void> {
    await this.composer.waitFor();
  }

  /** Types `text` into the message box and sends it with Enter. */
  async ask(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
  }

  /**
   * Sends a message and waits until the answer it starts has finished (any final status): the last
   * answer is a new one, by its id (how many answers are drawn depends on where the virtualized
   * list is scrolled, so their count says nothing).
   */
  async send(text: string, timeout = 15_000): Promise<void> {
    const before =
      (await this.answers.count()) > 0 ? await this.lastAnswer.getAttribute('data-message-id') : null;
    await this.ask(text);
    await this.page.waitForFunction(
      (previous) => {
        const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
        const last = answers[answers.length - 1];
        return (
          last !== undefined &&
          last.getAttribute('data-message-id') !== previous &&
          last.getAttribute('data-status') !== 'streaming'
        );
      },
      before,
      { timeout },
    );
  }

  /** Sends a message and waits until its answer has started to arrive; returns that answer. */
  async startStreaming(text: string): Promise<Locator> {
    await this.ask(text);
    const streaming = this.page.locator(
      '[data-testid="message"][data-role="assistant"][data-status="streaming"]',
    );
    await streaming.waitFor();
    return streaming;
  }

  /** Opens the newest question in its editor with the Edit action. */
  async editLastQuestion(): Promise<Locator> {
    await this.lastQuestion.hover();
    await this.action(this.lastQuestion, 'Edit message').click();
    return this.editor;
  }
}
