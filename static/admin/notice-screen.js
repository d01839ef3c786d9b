// notice-screen: the big-screen (1920×1080) and body previews, as
// sandboxed documents built from the server's sanitised HTML.
import { esc } from './content.js';

const SCREEN_CSS = `
  body { margin: 0; width: 1920px; height: 1080px; overflow: hidden; background: #fdfaf5; color: #1b1f24;
    font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
  header { background: #b3261e; color: #fff; height: 120px; display: flex; align-items: center; padding: 0 64px; gap: 32px; font-size: 40px; }
  header .kind { border: 3px solid #fff; border-radius: 12px; padding: 4px 20px; }
  header .spacer { flex: 1; }
  main { display: grid; grid-template-columns: 1fr 440px; gap: 48px; padding: 48px 64px; height: 840px; box-sizing: border-box; }
  h1 { font-size: 64px; line-height: 1.3; margin: 0 0 28px; }
  .body { font-size: 34px; line-height: 1.6; overflow: hidden; max-height: 600px; }
  .body table { border-collapse: collapse; } .body td, .body th { border: 2px solid #999; padding: 6px 14px; }
  aside { background: #fff; border: 3px solid #e6d8c3; border-radius: 20px; padding: 32px; font-size: 30px; line-height: 1.7; }
  aside .end { margin-top: 24px; background: #b3261e; color: #fff; border-radius: 14px; padding: 20px; text-align: center; font-size: 36px; }
  footer { height: 120px; display: flex; align-items: center; padding: 0 64px; font-size: 28px; color: #57606a; border-top: 3px solid #e6d8c3; }
`;

// screenDoc is the big-screen page of a notice.
export function screenDoc(n) {
  const rows = [
    n.index_no && `索引号：${esc(n.index_no)}`,
    n.source_dept && `发布机构：${esc(n.source_dept)}`,
    n.made_on && `成文日期：${esc(n.made_on)}`,
    n.publish && `发布日期：${esc(n.publish)}`,
  ].filter(Boolean).map((r) => `<div>${r}</div>`).join('');
  const end = n.end ? `<div class="end">公示截止<br>${esc(n.end)}</div>` : '';
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>${SCREEN_CSS}</style>
<body><header><span class="kind">${esc(n.kind)}</span><span>${esc(n.category)}</span><span class="spacer"></span><span>政务公开</span></header>
<main><div><h1>${esc(n.title)}</h1><div class="body">${n.html}</div></div><aside>${rows}${end}</aside></main>
<footer>${esc(n.footer || '')}</footer></body></html>`;
}

// bodyDoc is the plain body preview.
export function bodyDoc(html) {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
  body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 16px; line-height: 1.6; margin: 12px; color: #1b1f24; }
  table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: 4px 8px; }
</style><body>${html}</body></html>`;
}
