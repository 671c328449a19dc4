import * as vscode from 'vscode';

/** A single-choice quick pick whose focus starts on `active` (showQuickPick cannot do that). */
export function pickOne<T extends vscode.QuickPickItem>(
  items: readonly T[],
  active: T | undefined,
  text: { title: string; placeholder: string },
): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  qp.title = text.title;
  qp.placeholder = text.placeholder;
  qp.items = items;
  if (active) qp.activeItems = [active];
  return new Promise<T | undefined>((resolve) => {
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0] ?? qp.activeItems[0]);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}
