// A wizard of quick picks and input boxes with a Back button and "n/N" step counters.
// Each step reads and writes one shared state object, so going back (or re-running the
// wizard with the current values) shows every step pre-filled.
import * as vscode from 'vscode';

/** What a step asks VS Code to do next. */
export type StepResult = 'next' | 'back' | 'cancel';

/** One step: shows its input, stores its answer in the caller's state, says where to go. */
export type Step = (wizard: StepFrame) => Promise<StepResult>;

/** Title and position every input of a wizard shares. */
export interface StepFrame {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

export interface PickItem<T> extends vscode.QuickPickItem {
  readonly value: T;
}

/**
 * Runs `steps` in order; Back goes to the previous step, Escape cancels the whole flow.
 * Resolves true when the last step was accepted.
 */
export async function runSteps(title: string, steps: readonly Step[]): Promise<boolean> {
  let i = 0;
  while (i < steps.length) {
    const step = steps[i];
    if (!step) return false;
    const result = await step({ title, step: i + 1, totalSteps: steps.length });
    if (result === 'cancel') return false;
    i = result === 'back' ? Math.max(0, i - 1) : i + 1;
  }
  return true;
}

function frame(input: vscode.QuickInput, f: StepFrame): void {
  input.title = f.title;
  input.step = f.step;
  input.totalSteps = f.totalSteps;
  input.ignoreFocusOut = true;
}

/** Settles once with the first of accept / back / hide, then disposes the input. */
function settle<R>(
  input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox,
  wire: (done: (result: R) => void) => vscode.Disposable[],
  cancelled: R,
  back: R,
): Promise<R> {
  return new Promise<R>((resolve) => {
    let settled = false;
    const done = (result: R): void => {
      if (settled) return;
      settled = true;
      resolve(result);
      for (const d of disposables) d.dispose();
      input.dispose();
    };
    const disposables: vscode.Disposable[] = [
      ...wire(done),
      input.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) done(back);
      }),
      input.onDidHide(() => done(cancelled)),
    ];
    input.show();
  });
}

export interface PickManyOptions<T> {
  readonly placeholder: string;
  readonly items: readonly PickItem<T>[];
  readonly isSelected: (item: PickItem<T>) => boolean;
}

export type Answer<T> = { readonly kind: 'value'; readonly value: T } | { readonly kind: 'back' } | { readonly kind: 'cancel' };

/** A multi-select step; the items for which `isSelected` holds start selected. */
export function pickMany<T>(f: StepFrame, o: PickManyOptions<T>): Promise<Answer<T[]>> {
  const qp = vscode.window.createQuickPick<PickItem<T>>();
  frame(qp, f);
  qp.placeholder = o.placeholder;
  qp.canSelectMany = true;
  qp.items = o.items;
  qp.selectedItems = o.items.filter(o.isSelected);
  if (f.step > 1) qp.buttons = [vscode.QuickInputButtons.Back];
  return settle<Answer<T[]>>(
    qp,
    (done) => [qp.onDidAccept(() => done({ kind: 'value', value: qp.selectedItems.map((i) => i.value) }))],
    { kind: 'cancel' },
    { kind: 'back' },
  );
}

export interface PickOneOptions<T> {
  readonly placeholder: string;
  readonly items: readonly PickItem<T>[];
  /** The item that has focus when the step opens, so Enter keeps the current value (`picked` does nothing here). */
  readonly active: PickItem<T> | undefined;
}

/** A single-select step; Enter accepts the active item. */
export function pickOne<T>(f: StepFrame, o: PickOneOptions<T>): Promise<Answer<T>> {
  const qp = vscode.window.createQuickPick<PickItem<T>>();
  frame(qp, f);
  qp.placeholder = o.placeholder;
  qp.items = o.items;
  if (o.active) qp.activeItems = [o.active];
  if (f.step > 1) qp.buttons = [vscode.QuickInputButtons.Back];
  return settle<Answer<T>>(
    qp,
    (done) => [
      qp.onDidAccept(() => {
        const item = qp.selectedItems[0] ?? qp.activeItems[0];
        if (item) done({ kind: 'value', value: item.value });
      }),
    ],
    { kind: 'cancel' },
    { kind: 'back' },
  );
}

export interface InputTextOptions {
  readonly prompt: string;
  readonly placeholder: string;
  readonly value: string;
  /** Why a value cannot be accepted (shown under the box), or undefined when it can. */
  readonly problem: (value: string) => string | undefined;
}

/** A text step: the validation message shows while typing, and Enter does nothing until it is fixed. */
export function inputText(f: StepFrame, o: InputTextOptions): Promise<Answer<string>> {
  const box = vscode.window.createInputBox();
  frame(box, f);
  box.prompt = o.prompt;
  box.placeholder = o.placeholder;
  box.value = o.value;
  const check = (): boolean => {
    const problem = o.problem(box.value);
    box.validationMessage = problem ? { message: problem, severity: vscode.InputBoxValidationSeverity.Error } : undefined;
    return problem === undefined;
  };
  check();
  if (f.step > 1) box.buttons = [vscode.QuickInputButtons.Back];
  return settle<Answer<string>>(
    box,
    (done) => [
      box.onDidChangeValue(() => check()),
      box.onDidAccept(() => {
        if (check()) done({ kind: 'value', value: box.value });
      }),
    ],
    { kind: 'cancel' },
    { kind: 'back' },
  );
}
