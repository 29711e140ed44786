/**
 * The search page in the browser: reads `?q=` and `?category=`, runs the query
 * through Pagefind's JS API with the Vietnamese query plan of
 * `src/lib/search.ts` (the same module that wrote the index keys), and renders
 * an accessible result list. Bundled by Astro into an external file.
 */
import { highlight, runSearch, type SearchBackend, type SearchWord } from '../lib/search.ts';
import { SEARCH_SHARDS_FILE } from '../lib/urls.ts';

interface PagefindData {
  url: string;
  meta: Record<string, string | undefined>;
}

interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched words in the page. */
  words: number[];
  data(): Promise<PagefindData>;
}

interface Pagefind extends SearchBackend<PagefindResult> {
  init(): Promise<void>;
  mergeIndex(path: string): Promise<void>;
}

interface Labels {
  noResults: string;
  ignoredWords: string;
  resultCount: string;
}

const PAGE_SIZE = 20;

function setup(root: HTMLElement): void {
  const form = root.querySelector('form')!;
  const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
  const select = root.querySelector<HTMLSelectElement>('[data-search-category]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const labels = JSON.parse(root.dataset.labels ?? '{}') as Labels;
  const bundle = root.dataset.bundle ?? '/pagefind/';

  let pagefind: Promise<Pagefind> | undefined;
  // A large archive has several indexes: the newest at `bundle`, the others
  // listed in its shards.json and merged into it (scripts/lib/search-index.ts).
  const loadShards = () =>
    fetch(`${bundle}${SEARCH_SHARDS_FILE}`)
      .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
      .catch(() => [] as string[]);
  const loadPagefind = () =>
    (pagefind ??= Promise.all([import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>, loadShards()]).then(
      async ([api, shards]) => {
        for (const shard of shards) await api.mergeIndex(shard);
        await api.init();
        return api;
      },
    ));

  let generation = 0;
  let pending: PagefindResult[] = [];
  let words: SearchWord[] = [];

  const filterOf = (slug: string) => Array.from(select.options).find((option) => option.value === slug)?.dataset.filter;

  async function search(query: string, category: string): Promise<void> {
    const current = ++generation;
    list.replaceChildren();
    more.hidden = true;
    if (query.trim() === '') {
      status.textContent = '';
      list.setAttribute('aria-busy', 'false');
      return;
    }
    list.setAttribute('aria-busy', 'true');
    const filter = filterOf(category);
    const outcome = await runSearch(await loadPagefind(), query, filter ? { category: filter } : {});
    if (current !== generation) return;
    words = outcome.words;
    pending = [...outcome.results];
    await showMore(current);
    if (current !== generation) return;
    const total = outcome.results.length;
    const parts = [total > 0 ? `${total} ${labels.resultCount}` : labels.noResults];
    if (outcome.missing.length > 0) parts.push(`${labels.ignoredWords} ${outcome.missing.join(', ')}`);
    status.replaceChildren(
      ...parts.map((text, index) => {
        const line = document.createElement('p');
        line.className = index === 0 ? 'search__count' : 'search__ignored';
        line.textContent = text;
        return line;
      }),
    );
    list.setAttribute('aria-busy', 'false');
  }

  async function showMore(current = generation): Promise<void> {
    const batch = pending.splice(0, PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (current !== generation) return;
    list.append(...data.map(renderResult));
    more.hidden = pending.length === 0;
  }

  function renderResult(data: PagefindData): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'search-result';
    const meta = document.createElement('p');
    meta.className = 'search-result__meta';
    if (data.meta.category) {
      const category = document.createElement('span');
      category.className = 'search-result__category';
      category.textContent = data.meta.category;
      meta.append(category);
    }
    if (data.meta.dateText) {
      if (meta.childNodes.length > 0) meta.append(' · ');
      const time = document.createElement('time');
      time.className = 'search-result__date';
      if (data.meta.date) time.dateTime = data.meta.date;
      time.textContent = data.meta.dateText;
      meta.append(time);
    }
    const title = document.createElement('h2');
    title.className = 'search-result__title';
    const link = document.createElement('a');
    link.href = data.url;
    link.append(...marked(data.meta.title ?? data.url));
    title.append(link);
    item.append(title, meta);
    if (data.meta.excerpt) {
      const excerpt = document.createElement('p');
      excerpt.className = 'search-result__excerpt';
      excerpt.append(...marked(data.meta.excerpt));
      item.append(excerpt);
    }
    return item;
  }

  /** Text with the query's words in <mark>, built as nodes (never as HTML). */
  function marked(text: string): Node[] {
    return highlight(text, words).map((part) => {
      if (!part.match) return document.createTextNode(part.text);
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      return mark;
    });
  }

  function fromUrl(): void {
    const params = new URLSearchParams(window.location.search);
    input.value = params.get('q') ?? '';
    select.value = params.get('category') ?? '';
    if (select.selectedIndex === -1) select.value = '';
    void search(input.value, select.value);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    if (select.value) params.set('category', select.value);
    const query = params.toString();
    window.history.pushState(null, '', query ? `?${query}` : window.location.pathname);
    void search(input.value, select.value);
  });
  select.addEventListener('change', () => form.requestSubmit());
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', fromUrl);
  fromUrl();
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) setup(root);
