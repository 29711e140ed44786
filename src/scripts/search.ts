/**
 * The search page in the browser: reads `?q=` and `?category=`, runs the query
 * through Pagefind's JS API with the Vietnamese query plan of
 * `src/lib/search.ts` (the same module that wrote the index keys), and renders
 * an accessible result list. Bundled by Astro into an external file.
 */
import { highlight, runSearch, type SearchBackend, type SearchWord } from '../lib/search.ts';
import { completionBucket, completionsOf } from '../lib/search-completions.ts';
import { SEARCH_SHARDS_FILE, SEARCH_WORD_BUCKETS_FILE, searchWordsFile } from '../lib/urls.ts';

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

interface Pagefind {
  search: SearchBackend<PagefindResult>['search'];
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

  /** A JSON list in the search bundle; empty when it is missing or cannot be read. */
  const fetchList = (file: string) =>
    fetch(`${bundle}${file}`)
      .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
      .catch(() => [] as string[]);

  let pagefind: Promise<Pagefind> | undefined;
  // A large archive has several indexes: the newest at `bundle`, the others
  // listed in its shards.json and merged into it (scripts/lib/search-index.ts).
  const loadPagefind = () =>
    (pagefind ??= Promise.all([import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>, fetchList(SEARCH_SHARDS_FILE)]).then(
      async ([api, shards]) => {
        for (const shard of shards) await api.mergeIndex(shard);
        await api.init();
        return api;
      },
    ));

  // The completion files of half-typed words, each fetched once and only if it exists (src/lib/search-completions.ts).
  let bucketNames: Promise<Set<string>> | undefined;
  const buckets = new Map<string, Promise<string[]>>();
  const complete = async (prefix: string): Promise<string[]> => {
    const bucket = completionBucket(prefix);
    bucketNames ??= fetchList(SEARCH_WORD_BUCKETS_FILE).then((names) => new Set(names));
    if (bucket === undefined || !(await bucketNames).has(bucket)) return [];
    let words = buckets.get(bucket);
    if (!words) {
      words = fetchList(searchWordsFile(bucket));
      buckets.set(bucket, words);
    }
    return completionsOf(await words, prefix);
  };
  const loadBackend = async (): Promise<SearchBackend<PagefindResult>> => {
    const api = await loadPagefind();
    return { search: (term, options) => api.search(term, options), complete };
  };

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
    const outcome = await runSearch(await loadBackend(), query, filter ? { category: filter } : {});
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
    // A space after the last word says it is complete (docs/search.md): kept, so that the URL searches the same.
    const query = input.value.trimStart().replace(/\s+$/, ' ');
    const params = new URLSearchParams();
    if (query.trim()) params.set('q', query);
    if (select.value) params.set('category', select.value);
    const url = params.toString();
    window.history.pushState(null, '', url ? `?${url}` : window.location.pathname);
    void search(query, select.value);
  });
  select.addEventListener('change', () => form.requestSubmit());
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', fromUrl);
  fromUrl();
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) setup(root);
