// pinyin: an offline pinyin input method. It looks letters up in the
// bundled dictionary (vendor/pinyin, from the Android Pinyin IME via Rime's
// pinyin_simp, Apache-2.0): whole words first ("dibao" → 低保, also for a
// prefix such as "dib"), then the characters of the first syllable.
let dict = null;
let wordKeys = [];
let loading = null;

export function load() {
  if (!loading) {
    loading = fetch('/assets/kiosk/vendor/pinyin/dict.json')
      .then((r) => r.json())
      .then((d) => {
        dict = d;
        wordKeys = Object.keys(d.words).sort();
      });
  }
  return loading;
}

export function ready() {
  return dict !== null;
}

// firstSyllable returns the longest syllable that starts buf, or ''.
function firstSyllable(buf) {
  for (let n = Math.min(6, buf.length); n > 0; n--) {
    if (dict.chars[buf.slice(0, n)]) return buf.slice(0, n);
  }
  return '';
}

function lowerBound(prefix) {
  let lo = 0;
  let hi = wordKeys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (wordKeys[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// candidates returns up to max {text, consume} for the letters in buf:
// consume is how many letters choosing the candidate uses up.
export function candidates(buf, max = 40) {
  if (!dict || !buf) return [];
  const out = [];
  const seen = new Set();
  const push = (text, consume) => {
    if (!seen.has(text) && out.length < max) {
      seen.add(text);
      out.push({ text, consume });
    }
  };
  for (const w of dict.words[buf] || []) push(w, buf.length);
  if (buf.length >= 2) {
    for (let i = lowerBound(buf), n = 0; i < wordKeys.length && wordKeys[i].startsWith(buf) && n < 8; i++, n++) {
      push(dict.words[wordKeys[i]][0], buf.length);
    }
  }
  const syl = firstSyllable(buf);
  if (syl) {
    for (const c of dict.chars[syl]) push(c, syl.length);
  } else {
    // An unfinished syllable ("zh"): the best characters of each syllable
    // it may become.
    for (const [s, chars] of Object.entries(dict.chars)) {
      if (s.startsWith(buf)) for (const c of chars.slice(0, 3)) push(c, buf.length);
    }
  }
  return out;
}
