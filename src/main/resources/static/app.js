'use strict';

// The page talks to the HTTP API under api/v1 (relative, so it also works behind a path prefix).
const API = 'api/v1';
const FINAL_STATES = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

const state = {
  model: null, // the selected model's name
  models: [],
  word: null, // the last searched word
  jobs: new Map(), // id -> {view, element, source}
};

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------------
// HTTP and problem details

/**
 * An error a person can read: the title and detail of an RFC 9457 problem, or our own words, with
 * what the problem's type adds (see PROBLEM_EXTRAS).
 */
class Problem extends Error {
  constructor(title, detail = '', { suggestions = [], available = [], fieldErrors = [] } = {},
    status = 0) {
    super(detail ? `${title}: ${detail}` : title);
    this.title = title;
    this.detail = detail;
    this.suggestions = suggestions; // words to try instead of the unknown ones
    this.available = available; // the models there are, when the one asked for is not
    this.fieldErrors = fieldErrors; // [{field, message}]: every bad field of a request
    this.status = status;
  }
}

/**
 * The extension members the page shows, by problem type. Every problem of the service has a type,
 * a title and a status; the members below come with their type only.
 */
const PROBLEM_EXTRAS = {
  // suggestions maps each unknown word to its closest known spellings. The engine's own
  // unknown-word problem (a fallback the query endpoints do not reach) carries none.
  '/problems/word-not-found': (body) => ({
    suggestions: body.suggestions === undefined ? []
      : [...new Set(Object.values(body.suggestions).flat())],
  }),
  '/problems/model-not-found': (body) => ({ available: body.available }),
  '/problems/invalid-job-request': (body) => ({ fieldErrors: body.errors }),
  '/problems/validation-failed': (body) => ({ fieldErrors: body.errors }),
};

async function call(method, path, { json, body, contentType, signal, auth } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = auth ? $('admin-token').value.trim() : '';
  if (token) headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (contentType) {
    headers['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new Problem('Cannot reach the server', 'Check that wordvec is running, then try again.');
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  // Anything else (a proxy's error page, say) gets the generic message below.
  if (type.startsWith('application/problem+json')) {
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      // not JSON after all: fall through to the generic message
    }
    if (body !== null) {
      // detail is left out when the service has nothing to add to the title
      const detail = body.detail !== undefined && body.detail !== body.title ? body.detail : '';
      const extras = PROBLEM_EXTRAS[body.type];
      return new Problem(body.title, detail, extras ? extras(body) : {}, response.status);
    }
  }
  const known = {
    400: 'Bad request', 401: 'Not authorised', 403: 'Forbidden', 404: 'Not found',
    409: 'Conflict', 413: 'Too large', 429: 'Too many jobs waiting', 503: 'Not ready yet',
  };
  return new Problem(known[response.status] || `Server error (${response.status})`,
    'The server could not answer this request.', {}, response.status);
}

/** Shows a problem in a box: title, detail, and what the properties offer (suggestions, fields). */
function showProblem(box, error, onWord) {
  if (error && error.name === 'AbortError') return;
  const problem = error instanceof Problem
    ? error : new Problem('Something went wrong', error && error.message ? error.message : '');
  box.replaceChildren();
  const title = document.createElement('span');
  title.className = 'title';
  title.textContent = problem.title;
  box.append(title);
  const { suggestions, fieldErrors, available } = problem;
  let detail = problem.detail;
  // The links below say it better than the detail's own "; did you mean …?" tail.
  if (suggestions.length) detail = detail.replace(/;\s*did you mean [^;]*\?$/i, '.');
  // A list of bad fields says the same as the detail, but one per line.
  if (detail && !fieldErrors.length) box.append(document.createTextNode(detail));
  if (suggestions.length) {
    const more = document.createElement('span');
    more.className = 'more';
    more.append('Did you mean ');
    suggestions.slice(0, 8).forEach((word, i) => {
      if (i > 0) more.append(', ');
      const link = document.createElement('a');
      link.textContent = word;
      link.className = 'suggestion';
      link.addEventListener('click', () => onWord && onWord(word));
      more.append(link);
    });
    more.append('?');
    box.append(more);
  }
  if (fieldErrors.length) {
    const list = document.createElement('ul');
    list.className = 'field-errors';
    for (const e of fieldErrors) {
      const li = document.createElement('li');
      li.textContent = `${e.field}: ${e.message}`;
      list.append(li);
    }
    box.append(list);
  }
  if (available.length) {
    const more = document.createElement('span');
    more.className = 'more';
    more.textContent = 'Available: ' + available.join(', ');
    box.append(more);
  }
  box.hidden = false;
}

function hideProblem(box) {
  box.hidden = true;
  box.replaceChildren();
}

const modelPath = (suffix) => `${API}/models/${encodeURIComponent(state.model || 'default')}${suffix}`;
const number = (x, digits = 0) => Number(x).toLocaleString('en-US', {
  maximumFractionDigits: digits, minimumFractionDigits: digits,
});

// ---------------------------------------------------------------------------------------------
// Models

/** GET models: the list leaves "models" out when no model is loaded. */
const modelsOf = (json) => (json.models === undefined ? [] : json.models);

async function loadModels(preferred) {
  const box = $('global-error');
  try {
    state.models = modelsOf(await call('GET', `${API}/models`));
    hideProblem(box);
  } catch (e) {
    showProblem(box, e);
    if (e.status === 503) setTimeout(() => loadModels(preferred), 2000);
    return;
  }
  const select = $('model-select');
  select.replaceChildren();
  for (const m of state.models) {
    const option = document.createElement('option');
    option.value = m.name;
    option.textContent = m.default ? `${m.name} (default)` : m.name;
    select.append(option);
  }
  const names = state.models.map((m) => m.name);
  const byDefault = state.models.find((m) => m.default);
  state.model = names.includes(preferred) ? preferred
    : names.includes(state.model) ? state.model
      : byDefault ? byDefault.name : names[0] || null;
  if (state.model) select.value = state.model;
  if (!state.models.length) {
    showProblem(box, new Problem('No models', 'The service has no model loaded yet: train one below.'));
  }
  showModelInfo();
}

function showModelInfo() {
  const m = state.models.find((x) => x.name === state.model);
  const info = $('model-info');
  if (!m) {
    info.textContent = '';
    updateJobTypes(null);
    return;
  }
  info.textContent = `${number(m.vocabularySize)} words · ${m.dimension} dimensions · ${m.format}`;
  // Provenance on hover: settings, corpus and scores. Only models trained here carry it; the
  // fields are left out for the others.
  const details = [];
  if (m.training !== undefined) details.push(`training: ${describe(m.training)}`);
  if (m.corpus !== undefined) details.push(`corpus: ${describe(m.corpus)}`);
  if (m.evaluation !== undefined) details.push(`evaluation: ${describe(m.evaluation)}`);
  info.title = details.join('\n');
  updateJobTypes(m);
}

/** Fine-tuning needs a model's training state, which only models trained here carry. */
function updateJobTypes(model) {
  const option = $('job-type').querySelector('option[value="fine-tune"]');
  const possible = model !== null && model.training !== undefined;
  option.disabled = !possible;
  option.textContent = possible ? `Fine-tune ${model.name}`
    : 'Fine-tune (needs a model trained here)';
  if (!possible && $('job-type').value === 'fine-tune') {
    $('job-type').value = 'train';
    $('job-type').dispatchEvent(new Event('change'));
  }
}

function describe(object) {
  return Object.entries(object)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .map(([k, v]) => `${k} ${typeof v === 'number' && !Number.isInteger(v) ? v.toPrecision(3) : v}`)
    .join(', ');
}

// ---------------------------------------------------------------------------------------------
// Search, neighbours and the map

let searchSeq = 0;

async function search(word) {
  word = (word || '').trim();
  if (!word) return;
  closeSuggestions();
  $('search-input').value = word;
  state.word = word;
  updateLocation();
  const seq = ++searchSeq;
  const topn = $('topn').value;
  hideProblem($('search-error'));
  $('search-empty').hidden = true;
  let neighbors;
  let oov = false;
  try {
    const json = await call('GET',
      modelPath(`/neighbors?word=${encodeURIComponent(word)}&topn=${topn}`));
    neighbors = json.neighbors;
    oov = json.oov === true;
  } catch (e) {
    if (seq !== searchSeq) return;
    $('neighbors').replaceChildren();
    $('search-caption').hidden = true;
    showProblem($('search-error'), e, search);
    clearMap();
    return;
  }
  if (seq !== searchSeq) return;
  renderResults($('neighbors'), neighbors);
  const caption = $('search-caption');
  caption.replaceChildren('Nearest to ', bold(word), ` in ${state.model}`);
  if (oov) {
    // a subword model answered a word it does not know from its character n-grams
    const marker = document.createElement('span');
    marker.className = 'oov';
    marker.textContent = 'not in the vocabulary: from its character n-grams';
    marker.title = 'The model never saw this word; its vector is the mean of its n-grams\' vectors';
    caption.append(' ', marker);
  }
  caption.hidden = false;
  drawNeighbourhood(word, neighbors, seq, oov);
}

function bold(text) {
  const b = document.createElement('b');
  b.textContent = text;
  return b;
}

/** Lists scored words: the neighbours of a word, or the answers to an analogy. */
function renderResults(list, neighbors) {
  list.replaceChildren();
  // Cosines fill the bar to their value, so that 0.78 and 0.69 look different; scores above 1
  // (3CosMul) are scaled to the best one.
  const top = Math.max(1, ...neighbors.map((n) => Math.abs(n.score)));
  neighbors.forEach((n, i) => {
    const li = document.createElement('li');
    li.dataset.word = n.word;
    const rank = document.createElement('span');
    rank.className = 'rank';
    rank.textContent = i + 1;
    const word = document.createElement('span');
    word.className = 'word';
    word.textContent = n.word;
    word.title = `Search “${n.word}”`;
    word.addEventListener('click', () => search(n.word));
    const track = document.createElement('span');
    track.className = 'track';
    const fill = document.createElement('span');
    fill.className = 'fill';
    fill.style.display = 'block';
    fill.style.width = `${Math.max(2, (100 * Math.max(0, n.score)) / top)}%`;
    track.append(fill);
    const score = document.createElement('span');
    score.className = 'score';
    score.textContent = n.score.toFixed(3);
    li.append(rank, word, track, score);
    list.append(li);
  });
}

async function drawNeighbourhood(word, neighbors, seq, oov = false) {
  hideProblem($('map-error'));
  // a word outside the vocabulary has no row to project: the map shows its neighbours alone
  const words = oov ? neighbors.map((n) => n.word) : [word, ...neighbors.map((n) => n.word)];
  let json;
  try {
    json = await call('POST', modelPath('/projection'), { json: { words } });
  } catch (e) {
    if (seq !== searchSeq) return;
    clearMap();
    showProblem($('map-error'), e, search);
    return;
  }
  if (seq !== searchSeq) return;
  const scores = new Map(neighbors.map((n) => [n.word, n.score]));
  drawMap(json.points, word, scores);
  // one share per axis
  const [first, second] = json.explainedVariance;
  $('map-caption').textContent = `Principal components of the unit vectors: the axes show `
    + `${Math.round(100 * (first + second))}% of the variance `
    + `(${Math.round(100 * first)}% + ${Math.round(100 * second)}%). `
    + 'Click a word to search it.';
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const MAP_CAPTION = 'Principal components of the unit vectors. Click a word to search it.';

function svg(name, attributes = {}) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, v);
  return element;
}

function clearMap(message = 'The map of a searched word\'s neighbourhood appears here.') {
  const hint = svg('text', { x: 320, y: 220, class: 'map-hint', 'text-anchor': 'middle' });
  hint.textContent = message;
  $('map').replaceChildren(hint);
  $('map-caption').textContent = MAP_CAPTION;
}

function drawMap(points, query, scores) {
  const map = $('map');
  map.replaceChildren();
  if (!points.length) return;
  const W = 640;
  const H = 440;
  const PAD_X = 70;
  const PAD_Y = 30;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  // One scale for both axes: distances on the map mean the same in every direction.
  const scale = Math.min((W - 2 * PAD_X) / (maxX - minX || 1), (H - 2 * PAD_Y) / (maxY - minY || 1));
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const px = (x) => W / 2 + (x - cx) * scale;
  const py = (y) => H / 2 - (y - cy) * scale; // y up
  map.append(svg('line', { class: 'axis', x1: 0, x2: W, y1: py(0), y2: py(0) }));
  map.append(svg('line', { class: 'axis', x1: px(0), x2: px(0), y1: 0, y2: H }));

  // Labels avoid each other and the other points' dots.
  const placed = points.map((p) => {
    const x = px(p.x);
    const y = py(p.y);
    return { left: x - 6, right: x + 6, top: y - 6, bottom: y + 6, owner: p.word };
  });
  const ordered = [...points].sort((a, b) => (a.word === query) - (b.word === query));
  // The query word is drawn last (on top) but its label is placed first (it matters most).
  const labelOrder = [...ordered].reverse();
  const labels = new Map();
  for (const p of labelOrder) {
    labels.set(p.word, placeLabel(p.word, px(p.x), py(p.y), placed, W, H, p.word === query));
  }
  for (const p of ordered) {
    const isQuery = p.word === query;
    const g = svg('g', { class: isQuery ? 'point query' : 'point', 'data-word': p.word });
    const x = px(p.x);
    const y = py(p.y);
    const similarity = scores.get(p.word);
    const radius = isQuery ? 7 : 4 + 3 * Math.max(0, similarity ?? 0);
    g.append(svg('circle', { cx: x, cy: y, r: radius.toFixed(1) }));
    const label = labels.get(p.word);
    const text = svg('text', { x: label.x, y: label.y, 'text-anchor': label.anchor });
    text.textContent = p.word;
    g.append(text);
    const title = svg('title');
    title.textContent = similarity === undefined ? p.word
      : `${p.word}: similarity ${similarity.toFixed(3)}`;
    g.append(title);
    g.addEventListener('click', () => search(p.word));
    map.append(g);
  }
}

/** Puts a label next to its point where it overlaps the fewest labels placed so far. */
function placeLabel(word, x, y, placed, W, H, isQuery) {
  const width = word.length * (isQuery ? 9 : 7.4) + 4;
  const height = isQuery ? 17 : 15;
  const candidates = [
    { dx: 9, dy: 4, anchor: 'start' },
    { dx: -9, dy: 4, anchor: 'end' },
    { dx: 0, dy: -10, anchor: 'middle' },
    { dx: 0, dy: 18, anchor: 'middle' },
    { dx: 8, dy: -8, anchor: 'start' },
    { dx: -8, dy: -8, anchor: 'end' },
    { dx: 8, dy: 16, anchor: 'start' },
    { dx: -8, dy: 16, anchor: 'end' },
  ];
  let best = null;
  for (const c of candidates) {
    const lx = x + c.dx;
    const ly = y + c.dy;
    const left = c.anchor === 'start' ? lx : c.anchor === 'end' ? lx - width : lx - width / 2;
    const box = { left, right: left + width, top: ly - height + 3, bottom: ly + 3 };
    let cost = 0;
    for (const other of placed) {
      if (other.owner === word) continue;
      const ox = Math.min(box.right, other.right) - Math.max(box.left, other.left);
      const oy = Math.min(box.bottom, other.bottom) - Math.max(box.top, other.top);
      if (ox > 0 && oy > 0) cost += ox * oy;
    }
    if (box.left < 0 || box.right > W || box.top < 0 || box.bottom > H) cost += 1e6;
    if (!best || cost < best.cost) best = { cost, box, x: lx, y: ly, anchor: c.anchor };
    if (cost === 0) break;
  }
  placed.push(best.box);
  return best;
}

// ---------------------------------------------------------------------------------------------
// Autocomplete

const suggest = { controller: null, timer: null, items: [], active: -1 };

function onSearchInput() {
  const prefix = $('search-input').value.trim();
  clearTimeout(suggest.timer);
  if (!prefix) {
    closeSuggestions();
    return;
  }
  suggest.timer = setTimeout(() => fetchSuggestions(prefix), 120);
}

async function fetchSuggestions(prefix) {
  if (suggest.controller) suggest.controller.abort();
  const controller = new AbortController();
  suggest.controller = controller;
  let words;
  try {
    const json = await call('GET',
      modelPath(`/words?prefix=${encodeURIComponent(prefix)}&limit=10`), { signal: controller.signal });
    words = json.words.map((w) => w.word);
  } catch (e) {
    // Suggestions are a convenience: a failure here must not get in the way of searching.
    return;
  }
  if (controller !== suggest.controller || $('search-input').value.trim() !== prefix) return;
  showSuggestions(prefix, words);
}

function showSuggestions(prefix, words) {
  const list = $('suggestions');
  list.replaceChildren();
  suggest.items = words;
  suggest.active = -1;
  if (!words.length) {
    closeSuggestions();
    return;
  }
  words.forEach((word, i) => {
    const li = document.createElement('li');
    li.setAttribute('role', 'option');
    li.id = `suggestion-${i}`;
    li.dataset.word = word;
    const head = document.createElement('b');
    head.textContent = word.slice(0, prefix.length);
    li.append(head, word.slice(prefix.length));
    // mousedown, not click: the input's blur would close the list before a click lands
    li.addEventListener('mousedown', (e) => {
      e.preventDefault();
      search(word);
    });
    list.append(li);
  });
  list.hidden = false;
  $('search-input').setAttribute('aria-expanded', 'true');
}

function closeSuggestions() {
  clearTimeout(suggest.timer);
  if (suggest.controller) suggest.controller.abort();
  suggest.controller = null;
  suggest.items = [];
  suggest.active = -1;
  $('suggestions').hidden = true;
  $('suggestions').replaceChildren();
  $('search-input').setAttribute('aria-expanded', 'false');
  $('search-input').removeAttribute('aria-activedescendant');
}

function onSearchKey(e) {
  const list = $('suggestions');
  if (list.hidden || !suggest.items.length) return;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const n = suggest.items.length;
    suggest.active = e.key === 'ArrowDown' ? (suggest.active + 1) % n : (suggest.active - 1 + n) % n;
    [...list.children].forEach((li, i) => li.classList.toggle('active', i === suggest.active));
    $('search-input').setAttribute('aria-activedescendant', `suggestion-${suggest.active}`);
  } else if (e.key === 'Enter' && suggest.active >= 0) {
    e.preventDefault();
    search(suggest.items[suggest.active]);
  } else if (e.key === 'Escape') {
    closeSuggestions();
  }
}

// ---------------------------------------------------------------------------------------------
// Analogy

async function solveAnalogy() {
  const a = $('analogy-a').value.trim();
  const b = $('analogy-b').value.trim();
  const c = $('analogy-c').value.trim();
  const box = $('analogy-error');
  hideProblem(box);
  const list = $('analogy-results');
  list.replaceChildren();
  const method = $('analogy-method').value;
  const query = new URLSearchParams({ a, b, c, topn: '10', method });
  try {
    const json = await call('GET', modelPath(`/analogy?${query}`));
    renderResults(list, json.answers);
  } catch (e) {
    showProblem(box, e);
  }
}

// ---------------------------------------------------------------------------------------------
// Jobs

async function startJob() {
  const box = $('job-error');
  hideProblem(box);
  const file = $('corpus-file').files[0];
  if (!file) {
    showProblem(box, new Problem('No corpus', 'Choose a text file to train on.'));
    return;
  }
  const type = $('job-type').value;
  const output = $('job-output').value.trim();
  if (!output) {
    showProblem(box, new Problem('No model name', 'Name the model the job will create.'));
    return;
  }
  const button = $('job-start');
  button.disabled = true;
  try {
    button.textContent = 'Uploading…';
    const gz = file.name.toLowerCase().endsWith('.gz');
    const corpus = await call('POST', `${API}/corpora?name=${encodeURIComponent(file.name)}`, {
      body: file, contentType: gz ? 'application/gzip' : 'text/plain', auth: true,
    });
    button.textContent = 'Starting…';
    const params = {
      epochs: Number($('job-epochs').value),
      minCount: Number($('job-min-count').value),
    };
    if (type === 'train') params.dim = Number($('job-dim').value);
    const request = {
      type,
      corpus: corpus.id,
      outputModel: output,
      params,
      activate: $('job-activate').checked,
      overwrite: $('job-overwrite').checked,
    };
    if (type === 'fine-tune') request.baseModel = state.model;
    const job = await call('POST', `${API}/jobs`, { json: request, auth: true });
    trackJob(job);
  } catch (e) {
    if (e.status === 401 || e.status === 403) $('token-row').hidden = false;
    showProblem(box, e);
  } finally {
    button.disabled = false;
    button.textContent = 'Upload and start';
  }
}

async function loadJobs() {
  try {
    const jobs = await call('GET', `${API}/jobs`);
    // newest first from the server; add oldest first so that each new one goes on top
    jobs.reverse().forEach(trackJob);
  } catch (e) {
    showProblem($('job-error'), e);
  }
}

function trackJob(view) {
  let entry = state.jobs.get(view.id);
  if (!entry) {
    const element = $('job-template').content.firstElementChild.cloneNode(true);
    element.dataset.job = view.id;
    element.querySelector('.cancel').addEventListener('click', () => cancelJob(view.id));
    element.querySelector('.use').addEventListener('click', () => useModel(view.id));
    $('jobs').prepend(element);
    entry = { view, element, source: null, poll: null };
    state.jobs.set(view.id, entry);
    $('jobs-empty').hidden = true;
  }
  updateJob(view);
  if (!FINAL_STATES.has(view.state)) follow(entry);
}

/**
 * Live progress through Server-Sent Events; polling takes over if the stream is unavailable. With
 * an admin token the server guards the stream, and EventSource cannot send the token: poll.
 */
function follow(entry) {
  if (entry.source || entry.poll) return;
  if ($('admin-token').value.trim()) {
    poll(entry);
    return;
  }
  const id = entry.view.id;
  const source = new EventSource(`${API}/jobs/${encodeURIComponent(id)}/events`);
  entry.source = source;
  // 'progress' carries the whole job, as GET returns it, whenever it changes; 'end' its final
  // state before the stream closes. Keep-alives are comments, which EventSource does not deliver.
  const onEvent = (event) => updateJob(JSON.parse(event.data));
  for (const name of ['progress', 'end']) {
    source.addEventListener(name, onEvent);
  }
  source.onerror = () => {
    source.close();
    entry.source = null;
    if (!FINAL_STATES.has(entry.view.state)) poll(entry);
  };
}

function poll(entry) {
  if (entry.poll || entry.gone) return;
  entry.poll = setTimeout(async () => {
    entry.poll = null;
    try {
      updateJob(await call('GET', `${API}/jobs/${encodeURIComponent(entry.view.id)}`));
    } catch (e) {
      if (e.status === 404) {
        markGone(entry);
        return;
      }
      // transient; try again below
    }
    if (!FINAL_STATES.has(entry.view.state)) poll(entry);
  }, 1000);
}

/**
 * The server no longer knows the job: it keeps only the newest finished jobs, so this one ended
 * while the page was not watching. Not an error: stop following it and say what happened.
 */
function markGone(entry) {
  entry.gone = true;
  if (entry.source) entry.source.close();
  entry.source = null;
  clearTimeout(entry.poll);
  entry.poll = null;
  const el = entry.element;
  el.className = 'job gone';
  const badge = el.querySelector('.state');
  badge.className = 'state gone';
  badge.textContent = 'NO LONGER KEPT';
  el.querySelector('.job-stats').textContent =
    'Finished; the server keeps only the newest finished jobs and no longer has this one.';
  el.querySelector('.cancel').hidden = true;
  el.querySelector('.use').hidden = true;
  hideProblem(el.querySelector('.job-error'));
  // it may have produced a model
  loadModels(state.model);
}

function updateJob(view) {
  const entry = state.jobs.get(view.id);
  if (!entry || entry.gone) return;
  const previous = entry.view.state;
  // Answers can arrive out of order (a cancel's reply after the stream's final event): a job
  // that has ended never goes back to running on the page.
  if (FINAL_STATES.has(previous) && !FINAL_STATES.has(view.state)) return;
  entry.view = view;
  const el = entry.element;
  el.className = `job ${view.state}`;
  const title = el.querySelector('.job-title');
  const kind = view.type === 'fine-tune' ? `fine-tune of ${view.baseModel}` : 'new model';
  title.replaceChildren(view.outputModel);
  const small = document.createElement('small');
  small.textContent = kind;
  title.append(small);
  const badge = el.querySelector('.state');
  badge.className = `state ${view.state}`;
  badge.textContent = view.state;
  const progress = Math.min(1, Math.max(0, view.progress));
  el.querySelector('.bar').style.width = `${(100 * progress).toFixed(1)}%`;

  const stats = [];
  const running = view.state === 'RUNNING';
  // phase is left out until the job starts and once it ends
  if (running && view.phase !== undefined) stats.push(view.phase);
  stats.push(`epoch ${view.epoch}/${view.epochs}`);
  // the counters stay 0 until training counts them
  if (running && view.wordsExpected > 0) {
    stats.push(`${number(view.wordsProcessed)} / ${number(view.wordsExpected)} words`);
  }
  if (running && view.wordsPerSecond > 0) stats.push(`${number(view.wordsPerSecond)} words/s`);
  if (running && view.alpha > 0) stats.push(`α ${view.alpha.toFixed(4)}`);
  // etaSeconds is left out while there is no estimate
  if (running && view.etaSeconds !== undefined) stats.push(`ETA ${duration(view.etaSeconds)}`);
  // result comes with success; drift with the success of a fine-tuning
  if (view.result !== undefined) {
    stats.push(`${number(view.result.vocabularySize)} words in the model`);
    const { drift } = view.result;
    if (drift !== undefined) {
      stats.push(`${number(drift.newWords)} new words`);
      stats.push(`mean cosine shift ${drift.meanCosineShift.toFixed(3)}`);
      stats.push(`top-10 neighbours kept ${Math.round(100 * drift.neighborOverlap)}%`);
    }
  }
  el.querySelector('.job-stats').textContent = `${Math.round(100 * progress)}% · ${stats.join(' · ')}`;

  const losses = el.querySelector('.losses');
  losses.replaceChildren();
  for (const l of view.losses) {
    const chip = document.createElement('span');
    chip.textContent = `epoch ${l.epoch}: loss ${l.meanLoss.toPrecision(4)}`;
    losses.append(chip);
  }

  const error = el.querySelector('.job-error');
  // error: why a job failed, left out for any other
  if (view.error !== undefined) {
    showProblem(error, new Problem('Failed', view.error));
  } else {
    hideProblem(error);
  }
  const final = FINAL_STATES.has(view.state);
  el.querySelector('.cancel').hidden = final;
  el.querySelector('.use').hidden = view.state !== 'SUCCEEDED';
  if (final) {
    if (entry.source) entry.source.close();
    entry.source = null;
    if (view.state === 'SUCCEEDED' && previous !== 'SUCCEEDED') loadModels(state.model);
  }
}

function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return s < 90 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

async function cancelJob(id) {
  const entry = state.jobs.get(id);
  try {
    updateJob(await call('DELETE', `${API}/jobs/${encodeURIComponent(id)}`, { auth: true }));
    if (entry && !entry.source && !FINAL_STATES.has(entry.view.state)) poll(entry);
  } catch (e) {
    if (e.status === 401 || e.status === 403) $('token-row').hidden = false;
    if (entry && e.status === 404) markGone(entry);
    else if (entry) showProblem(entry.element.querySelector('.job-error'), e);
  }
}

async function useModel(id) {
  const entry = state.jobs.get(id);
  // model: the name the finished job registered its model under
  const name = entry.view.model;
  await loadModels(name);
  if (state.model === name) {
    $('model-select').value = name;
    showModelInfo();
    updateLocation();
    if (state.word) search(state.word);
  } else {
    showProblem(entry.element.querySelector('.job-error'),
      new Problem('Model not available', `The model ${name} is not loaded.`));
  }
}

// ---------------------------------------------------------------------------------------------
// Location: #model=…&word=… so that a view can be bookmarked or shared

function updateLocation() {
  const params = new URLSearchParams();
  if (state.model) params.set('model', state.model);
  if (state.word) params.set('word', state.word);
  history.replaceState(null, '', `#${params}`);
}

function readLocation() {
  const params = new URLSearchParams(location.hash.slice(1));
  return { model: params.get('model'), word: params.get('word') };
}

// ---------------------------------------------------------------------------------------------

async function start() {
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    search($('search-input').value);
  });
  $('search-input').addEventListener('input', onSearchInput);
  $('search-input').addEventListener('keydown', onSearchKey);
  $('search-input').addEventListener('blur', () => setTimeout(closeSuggestions, 0));
  $('topn').addEventListener('change', () => state.word && search(state.word));
  $('model-select').addEventListener('change', () => {
    state.model = $('model-select').value;
    showModelInfo();
    updateLocation();
    if (state.word) search(state.word);
  });
  $('analogy-form').addEventListener('submit', (e) => {
    e.preventDefault();
    solveAnalogy();
  });
  $('job-form').addEventListener('submit', (e) => {
    e.preventDefault();
    startJob();
  });
  const jobType = () => $('job-form').classList.toggle('training-new', $('job-type').value === 'train');
  $('job-type').addEventListener('change', jobType);
  jobType();

  const wanted = readLocation();
  await loadModels(wanted.model);
  await loadJobs();
  // Ready: models and the job list are on the page (browser tests wait for this).
  document.body.dataset.ready = 'true';
  if (wanted.word) search(wanted.word);
}

start();
