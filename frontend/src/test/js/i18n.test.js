// The page's language and its words: both catalogues say everything, and the language follows link, choice, browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import en from '../../main/webapp/app/messages/en.js';
import zhCN from '../../main/webapp/app/messages/zh-CN.js';
import { explainIn, linkedLanguage, linkWithLanguage, pickLanguage, translate } from '../../main/webapp/app/i18n.js';

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

test('an error says its code in Chinese with its parameters, translating the words among them', () => {
  const version = { message: 'checkpoint has version 3, this program reads version 1', code: 'file.version',
    params: { file: 'checkpoint', actual: 3, expected: 1 } };
  assert.equal(explainIn('en', version), version.message);
  assert.equal(explainIn('zh-CN', version), '整个网络文件（checkpoint）的版本是 3，本程序读取第 1 版');
  assert.equal(explainIn('zh-CN', { ...version, params: { ...version.params, file: 'state dict file' } }),
    '参数字典文件的版本是 3，本程序读取第 1 版');
  // A server's JSON error, by its error code and parameters.
  const missing = { error: 'not_found', message: 'no model with id abc', params: { what: 'model', id: 'abc' } };
  assert.equal(explainIn('en', missing), 'no model with id abc');
  assert.equal(explainIn('zh-CN', missing), '服务器上没有 id 为 abc 的模型');
  // A refusal without Chinese words yet is framed as such, never shown bare or as a raw key.
  assert.equal(explainIn('zh-CN', new Error('something new')), '出错了（原文）：something new');
  assert.equal(explainIn('zh-CN', { code: 'no.such.code', message: 'x' }), '出错了（原文）：x');
  assert.equal(explainIn('zh-CN', null), '出错了（原文）：null');
  assert.equal(explainIn('zh-CN', { error: 'not_found', message: 'no such endpoint: GET /api/x' }),
    '出错了（原文）：no such endpoint: GET /api/x', 'an error without the parameters its words need');
});

test("every error code the server answers with has words in both catalogues", () => {
  const folder = new URL('../../../../backend/src/main/java/org/nnplayground/server/', import.meta.url);
  const codes = new Set();
  for (const file of readdirSync(folder)) {
    const source = readFileSync(new URL(file, folder), 'utf8');
    for (const m of source.matchAll(/ApiException\(\d+, "(\w+)"|unavailable\("(\w+)"|body\("(\w+)",/g)) codes.add(m[1] || m[2] || m[3]);
  }
  codes.add('payload_too_large').add('http_408');
  codes.delete('bad_request'); // a core refusal (its own code) or a body the server could not read: framed English
  assert.ok(codes.size >= 18, [...codes].join(', '));
  for (const code of codes) assert.ok(en[`server.${code}`] && zhCN[`server.${code}`], `server.${code}`);
});
