// notice-i18n: the editor's messages.
import { add } from '/assets/shared/i18n.js';

add({
  zh: {
    'editor.new': '新建信息', 'editor.choose': '请选择', 'editor.publish_hint': '留空则审查通过后立即发布', 'editor.end': '下线方式',
    'editor.end_none': '长期有效', 'editor.end_period': '公示期', 'editor.end_at': '指定结束时间', 'editor.all_screens': '全部屏幕',
    'editor.body': '正文（Markdown）', 'editor.links_hint': '政策文件须关联政策解读，二者同步审查、同步发布（三同步）',
    'editor.file_hint': '图片、PDF，或 CSV/XLSX 名单（会检查个人信息）', 'editor.submit': '提交审查', 'editor.recall': '撤回提交',
    'editor.privacy': '个人信息检查', 'editor.scan_ok': '未发现身份证号、手机号或银行卡号', 'editor.mask_all': '一键脱敏',
    'editor.led_preview': 'LED 条屏预览', 'editor.screen_preview': '大屏预览（1920×1080）', 'editor.body_preview': '正文预览',
    'editor.led_page': '第 {page}/{pages} 屏', 'editor.led_count': '{n}/200 字，留空则使用标题', 'editor.one_per_line': '每行一项',
    'editor.no_groups': '屏幕分组尚未配置，将发送到全部屏幕', 'editor.ends': '结束时间：{date}',
    'editor.period_end': '按工作日历计算：自 {from} 次日起算，公示截止 {end}（含当日）', 'editor.masked': '已按脱敏规则处理，请保存',
    'editor.remove': '移除', 'editor.submitted': '已提交审查', 'editor.live_note': '线上仍是第 {n} 版，本版审查通过后才会替换。',
    'editor.new_version_note': '修改已发布的信息会生成新版本，原版本在新版本审查通过前继续发布。',
    'notices.index_no': '索引号', 'notices.history': '历史',
  },
  en: {
    'editor.new': 'New notice', 'editor.choose': 'Choose…', 'editor.publish_hint': 'Empty: publish as soon as it is approved', 'editor.end': 'Ends',
    'editor.end_none': 'No end', 'editor.end_period': 'Notice period', 'editor.end_at': 'At a set time', 'editor.all_screens': 'All screens',
    'editor.body': 'Body (Markdown)', 'editor.links_hint': 'A policy document is reviewed and published together with its interpretation',
    'editor.file_hint': 'Images, PDF, or CSV/XLSX lists (checked for personal data)', 'editor.submit': 'Submit for review', 'editor.recall': 'Recall',
    'editor.privacy': 'Personal data check', 'editor.scan_ok': 'No ID, mobile or bank card numbers found', 'editor.mask_all': 'Mask all',
    'editor.led_preview': 'LED strip preview', 'editor.screen_preview': 'Big screen preview (1920×1080)', 'editor.body_preview': 'Body preview',
    'editor.led_page': 'page {page}/{pages}', 'editor.led_count': '{n}/200 characters; empty uses the title', 'editor.one_per_line': 'One item per line',
    'editor.no_groups': 'No screen groups yet: sent to all screens', 'editor.ends': 'Ends: {date}',
    'editor.period_end': 'By the workday calendar: counted from the day after {from}, shown until {end} inclusive', 'editor.masked': 'Masked by the policy; save to keep it',
    'editor.remove': 'Remove', 'editor.submitted': 'Submitted for review', 'editor.live_note': 'Version {n} stays live until this one is approved.',
    'editor.new_version_note': 'Editing a published notice creates a new version; the old one stays live until it is approved.',
    'notices.index_no': 'Index no.', 'notices.history': 'History',
  },
});
