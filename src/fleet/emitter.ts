// A tiny typed event emitter, so the pure fleet model can notify without importing vscode.

export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (event: T) => void;

export class Emitter<T> implements Disposable {
  #listeners = new Set<Listener<T>>();

  /** Subscribes; the returned disposable unsubscribes (same shape as vscode.Event). */
  readonly event = (listener: Listener<T>): Disposable => {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  };

  fire(event: T): void {
    // A throwing listener must not keep the others from hearing about the change.
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('fleet model listener failed', error);
      }
    }
  }

  dispose(): void {
    this.#listeners.clear();
  }
}
