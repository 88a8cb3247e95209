// Every page's language (see i18n.js): <html lang>, the title, the marked words of the page, a menu to switch in
// its header, and lang= in its link when the page is not in English, so a shared link opens in the same language.
import { lang, linkWithLanguage, linkedLanguage, localize, renderLanguageSwitch, t } from './i18n.js';

document.documentElement.lang = lang;
localize(document);
const heading = document.querySelector('h1[data-i18n]');
document.title = heading && heading.dataset.i18n !== 'site.name' ? `${t(heading.dataset.i18n)} · ${t('site.name')}` : t('site.name');
const header = document.querySelector('header.chrome') || document.querySelector('[data-role=language-place]');
if (header) renderLanguageSwitch(header);
if (lang !== 'en' && !linkedLanguage(location.hash, location.search)) {
  history.replaceState(null, '', linkWithLanguage(location.hash, lang) || location.pathname + location.search);
}
