/**
 * The papers' titles, urls and keywords, which arrive in a file of their own after the first map is
 * drawn (a million titles would otherwise hold up the map). Views that show or count them read
 * `ready`, so they show a quiet loading state until it is true and update when it turns.
 */
export class PaperTextLoad {
  /** Whether every paper's title, url and keywords are in. */
  ready = $state(false);
  /** Why they could not be read, or null. */
  error = $state<string | null>(null);
  /** Settles when the text is in (or could not be read). */
  readonly loaded: Promise<void>;
  #fetch: (() => Promise<void>) | null;
  #settle: () => void = () => {};

  /** `fetch` reads the text into the papers; null when they hold it already (older data sets). */
  constructor(fetch: (() => Promise<void>) | null) {
    this.#fetch = fetch;
    this.ready = fetch === null;
    this.loaded = fetch === null ? Promise.resolve() : new Promise((settle) => (this.#settle = settle));
  }

  /** Starts reading the text, once; later calls do nothing. */
  start(): void {
    const fetch = this.#fetch;
    if (!fetch) return;
    this.#fetch = null;
    fetch()
      .then(() => (this.ready = true))
      .catch((e: Error) => (this.error = e.message))
      .finally(() => this.#settle());
  }
}
