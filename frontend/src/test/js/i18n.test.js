// The page's language and its words: both catalogues say everything, and the language follows link, choice, browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import en from '../../main/webapp/app/messages/en.js';
import zhCN from '../../main/webapp/app/messages/zh-CN.js';
import { linkedLanguage, linkWithLanguage, pickLanguage, translate } from '../../main/webapp/app/i18n.js';

test('both catalogues have every key, none empty, with the same {parameters}', () => {
  assert.deepEqual(Object.keys(zhCN).sort(), Object.keys(en).sort());
  const parameters = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(en)) {
    assert.match(key, /^[\w.]+$/, 'keys are words and dots, so a page test can look for them');
    assert.ok(en[key].trim() && zhCN[key].trim(), key);
    assert.deepEqual(parameters(zhCN[key]), parameters(en[key]), key);
  }
});

test('the Chinese uses the course\'s own terms and Chinese punctuation', () => {
  assert.equal(zhCN['settings.activation'], '激励函数');
  assert.equal(zhCN['settings.optimizer'], '优化器');
  assert.equal(zhCN['controls.lr'], '学习率');
  assert.equal(zhCN['settings.loss'], '损失函数');
  assert.match(zhCN['intro.descent'], /批量梯度下降.*随机梯度下降.*小批量梯度下降/s);
  assert.doesNotMatch(zhCN['intro.regression'].replace(/<code>.*?<\/code>/g, ''), /[\u4e00-\u9fff][,.;:?!]/,
    'no Latin punctuation right after a Chinese character');
});

test('the link decides, then the last choice, then the browser; Traditional Chinese is not taken for Simplified', () => {
  assert.equal(pickLanguage({ asked: 'zh-CN', stored: 'en', preferred: ['en-US'] }), 'zh-CN');
  assert.equal(pickLanguage({ asked: 'fr', stored: 'zh-CN', preferred: ['en-US'] }), 'zh-CN');
  assert.equal(pickLanguage({ asked: null, stored: null, preferred: ['zh-CN', 'en'] }), 'zh-CN');
  assert.equal(pickLanguage({ asked: null, stored: null, preferred: ['zh', 'en'] }), 'zh-CN');
  assert.equal(pickLanguage({ asked: null, stored: null, preferred: ['zh-TW', 'en-GB'] }), 'en');
  assert.equal(pickLanguage({ asked: null, stored: null, preferred: ['de-DE'] }), 'en');
  assert.equal(linkedLanguage('#v=1&lang=zh-CN&lr=0.1', ''), 'zh-CN');
  assert.equal(linkedLanguage('', '?lang=zh-CN'), 'zh-CN');
  assert.equal(linkWithLanguage('#v=1&lr=0.1', 'zh-CN'), '#v=1&lr=0.1&lang=zh-CN');
  assert.equal(linkWithLanguage('#v=1&lang=zh-CN', 'en'), '#v=1');
});

test('words take their parameters; a key no catalogue has shows as itself, so a test can find it', () => {
  assert.equal(translate('zh-CN', 'diagnostics.caption', { step: 12, points: 80 }), '第 12 次更新后的各层，基于 80 个训练点');
  assert.equal(translate('en', 'diagnostics.caption', { step: 12, points: 80 }), 'Each layer after update 12, over the 80 training points');
  assert.equal(translate('zh-CN', 'no.such.key'), 'no.such.key');
});

test("every dataset of the core's catalog has a name in Chinese", () => {
  const catalog = JSON.parse(readFileSync(new URL('./catalog.json', import.meta.url), 'utf8'));
  for (const { name } of catalog.datasets) {
    const key = `choice.${name.replace(/-(\w)/g, (m, c) => c.toUpperCase())}`;
    assert.ok(zhCN[key] && en[key], `${key} for the dataset ${name}`);
  }
});
