// i18n: Simplified Chinese by default, English on request. Pages register
// their messages with add(); elements carry data-i18n="key" (text),
// data-i18n-placeholder, data-i18n-title or data-i18n-aria-label.
const KEY = 'hallcast.lang';
const messages = { zh: {}, en: {} };

export const LANGS = ['zh', 'en'];

export function lang() {
  const q = new URLSearchParams(location.search).get('lang');
  if (q && LANGS.includes(q)) return q;
  const saved = localStorage.getItem(KEY);
  return LANGS.includes(saved) ? saved : 'zh';
}

export function setLang(l) {
  if (!LANGS.includes(l)) return;
  localStorage.setItem(KEY, l);
  apply(document);
  document.dispatchEvent(new CustomEvent('langchange', { detail: l }));
}

export function add(dict) {
  for (const l of LANGS) Object.assign(messages[l], dict[l] || {});
}

// t returns the message for key in the current language, filling {name}
// placeholders from params. Unknown keys fall back to Chinese, then the key.
export function t(key, params) {
  const l = lang();
  let s = messages[l][key] ?? messages.zh[key] ?? key;
  if (params) s = s.replace(/\{(\w+)\}/g, (m, k) => (params[k] ?? m));
  return s;
}

export function apply(root) {
  document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const attr of ['placeholder', 'title', 'aria-label']) {
    const data = 'i18n' + attr.split('-').map((p) => p[0].toUpperCase() + p.slice(1)).join('');
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) el.setAttribute(attr, t(el.dataset[data]));
  }
}

// Messages for the API's stable error codes (web.Code on the server).
add({
  zh: {
    'err.invalid_json': '请求格式错误', 'err.unknown_field': '未知字段', 'err.required': '必填',
    'err.too_long': '过长（最多 {max} 个字符）', 'err.too_short': '过短（至少 {min} 个字符）', 'err.invalid': '格式不正确',
    'err.out_of_range': '超出范围', 'err.unsupported_type': '不支持的类型', 'err.too_large': '文件或内容过大',
    'err.not_found': '未找到', 'err.conflict': '与现有数据冲突', 'err.invalid_state': '当前状态不允许此操作',
    'err.unauthorized': '请先登录', 'err.forbidden': '没有权限', 'err.csrf': '页面已过期，请刷新后重试',
    'err.throttled': '尝试次数过多，请稍后再试', 'err.bad_credentials': '用户名或密码错误', 'err.internal': '服务器内部错误',
    'err.unavailable': '服务暂不可用', 'err.password_change_required': '请先修改密码', 'err.network': '无法连接服务器',
    'err.invalid_character': '含有不可见的控制字符 {char}，请删除后重试', 'err.duplicate_field': '同一字段出现了两次',
    'err.weak_password': '密码太容易被猜到（常见密码、重复或连续的字符、含用户名），请换一个更长、更不规则的密码',
  },
  en: {
    'err.invalid_json': 'Malformed request', 'err.unknown_field': 'Unknown field', 'err.required': 'Required',
    'err.too_long': 'Too long (at most {max} characters)', 'err.too_short': 'Too short (at least {min} characters)', 'err.invalid': 'Invalid value',
    'err.out_of_range': 'Out of range', 'err.unsupported_type': 'Unsupported type', 'err.too_large': 'Too large',
    'err.not_found': 'Not found', 'err.conflict': 'Conflicts with existing data', 'err.invalid_state': 'Not allowed in the current state',
    'err.unauthorized': 'Please log in', 'err.forbidden': 'Not allowed', 'err.csrf': 'The page expired; reload and try again',
    'err.throttled': 'Too many attempts; try again later', 'err.bad_credentials': 'Wrong user name or password', 'err.internal': 'Server error',
    'err.unavailable': 'Service unavailable', 'err.password_change_required': 'Change your password first', 'err.network': 'Cannot reach the server',
    'err.invalid_character': 'Contains the invisible control character {char}; remove it', 'err.duplicate_field': 'The same field appears twice',
    'err.weak_password': 'This password is too easy to guess (a common password, repeated or sequential characters, or the user name); choose a longer, less regular one',
  },
});

// errorText renders an API error ({code, message, field, params}) for the
// user: the translated code, the field label when the page has one, and the
// server's English message in English mode.
// Codes whose server message adds nothing to the translated text.
const PLAIN = ['required', 'too_long', 'too_short', 'unauthorized', 'forbidden', 'csrf', 'throttled', 'bad_credentials', 'internal', 'network'];

export function errorText(err) {
  if (!err) return '';
  const code = err.code || 'internal';
  let s = t('err.' + code, err.params || {});
  if (s === 'err.' + code) s = err.message || code;
  else if (lang() !== 'en' && err.message && !PLAIN.includes(code)) s += '（' + err.message + '）';
  if (lang() === 'en' && err.message) s = err.message;
  if (err.field) {
    const label = t('field.' + err.field);
    s = (label === 'field.' + err.field ? err.field : label) + ': ' + s;
  }
  return s;
}
