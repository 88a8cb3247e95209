// The page's language and its words: English or Simplified Chinese, from the link (lang=zh-CN), else the reader's
// last choice (local storage), else the browser's languages. Words come from the message catalogues by key, with
// {name} parameters; an element marked data-i18n (its text), data-i18n-html (its markup) or data-i18n-attr
// ("title:key; aria-label:key") is filled from them. Numbers and code stay as they are.
import en from './messages/en.js';
import zhCN from './messages/zh-CN.js';

export const LANGUAGES = { en: 'English', 'zh-CN': '简体中文' };
const CATALOGUES = { en, 'zh-CN': zhCN };
const STORE_KEY = 'nn-playground-lang';

/**
 * The language for a page: `asked` (the link's lang), else `stored` (the last choice), else the first of the
 * browser's `preferred` languages we have (any Chinese but Traditional's zh-TW and zh-HK reads zh-CN), else English.
 */
export function pickLanguage({ asked, stored, preferred = [] }) {
  for (const candidate of [asked, stored]) if (candidate in LANGUAGES) return candidate;
  for (const tag of preferred) {
    const lower = String(tag).toLowerCase();
    if (lower.startsWith('en')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh-cn') || lower.startsWith('zh-hans') || lower.startsWith('zh-sg')) return 'zh-CN';
  }
  return 'en';
}

/** The lang= of a page's link, in its hash (training pages) or its query (embedded pages). */
export function linkedLanguage(hash, search) {
  return new URLSearchParams(hash.replace(/^#/, '')).get('lang') || new URLSearchParams(search).get('lang') || null;
}

function stored() {
  try {
    return localStorage.getItem(STORE_KEY);
  } catch (error) {
    return null; // storage refused (a sandboxed frame): the browser's languages decide
  }
}

export const lang = typeof location === 'undefined' ? 'en'
  : pickLanguage({ asked: linkedLanguage(location.hash, location.search), stored: stored(), preferred: navigator.languages || [] });

/** The words for `key` in `language`, with each {name} replaced by params[name]; English where a catalogue lacks it. */
export function translate(language, key, params = {}) {
  const text = CATALOGUES[language]?.[key] ?? en[key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The words for `key` in the page's language. */
export function t(key, params) {
  return translate(lang, key, params);
}

/** The words for a count: `key.one` for 1 where the catalogue has it, else `key.other`, with {n}. */
export function tn(key, n, params = {}) {
  const one = n === 1 && translate(lang, `${key}.one`) !== `${key}.one`;
  return t(one ? `${key}.one` : `${key}.other`, { n, ...params });
}

// Parameters whose values are words the catalogue has too: a JSON value's kind, a model file's kind, a stored thing.
const WORD_PARAMS = { wanted: 'kind', got: 'kind', file: 'fileKind', what: 'thing' };

function sayParams(language, params = {}) {
  const said = { ...params };
  for (const [name, prefix] of Object.entries(WORD_PARAMS)) {
    if (said[name] === undefined) continue;
    const key = `${prefix}.${String(said[name]).replace(/ (\w)/g, (m, c) => c.toUpperCase())}`;
    if (translate(language, key) !== key) said[name] = translate(language, key);
  }
  return said;
}

/**
 * An error in `language`: in English its message as it is; else the catalogue's words for it with its parameters:
 * a core refusal's code (error.<code>), or a server's JSON error code ({"error": "store_full"}: server.store_full);
 * else (a refusal without words yet) the English message inside a frame that says so.
 */
export function explainIn(language, error) {
  const message = error?.message ?? String(error);
  if (language === 'en') return message;
  const key = error?.code ? `error.${error.code}` : `server.${error?.error}`;
  const said = translate(language, key, sayParams(language, error?.params));
  // No words for it, or words whose parameters the error lacks: the English message, framed.
  if (said === key || /\{\w+\}/.test(said)) return translate(language, 'error.untranslated', { message });
  return said;
}

/** An error from the engine or the server in the page's language. */
export function explain(error) {
  return explainIn(lang, error);
}

/** A menu choice's words ("spiral", "auto", "none"): choice.<name> where the catalogue has it, else the name itself. */
export function choiceLabel(name) {
  const key = `choice.${String(name).replace(/-(\w)/g, (m, c) => c.toUpperCase())}`;
  return translate(lang, key) === key ? name : t(key);
}

/** Fills every marked element under `root` from the catalogue. */
export function localize(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-html]')) element.innerHTML = t(element.dataset.i18nHtml);
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map((part) => part.trim());
      if (attribute && key) element.setAttribute(attribute, t(key));
    }
  }
}

/** The link with lang= set to `language` (dropped for English), keeping everything else in it. */
export function linkWithLanguage(hash, language) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (language === 'en') params.delete('lang'); else params.set('lang', language);
  const text = params.toString();
  return text ? `#${text}` : '';
}

/**
 * A menu of the languages in `container`; choosing one keeps it (storage and link) and reloads the page in it:
 * every word on a page, drawn or not yet drawn, then comes from one catalogue.
 */
export function renderLanguageSwitch(container) {
  const label = document.createElement('label');
  label.className = 'language';
  const select = document.createElement('select');
  select.dataset.role = 'language';
  select.setAttribute('aria-label', t('language.choose'));
  for (const [code, name] of Object.entries(LANGUAGES)) select.append(new Option(name, code, false, code === lang));
  select.addEventListener('change', () => {
    try {
      localStorage.setItem(STORE_KEY, select.value);
    } catch (error) {
      // the link alone keeps it
    }
    location.hash = linkWithLanguage(location.hash, select.value);
    location.reload();
  });
  label.append(select);
  container.append(label);
}
