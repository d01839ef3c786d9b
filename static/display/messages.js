// messages: the display's texts, Simplified Chinese first, English second.
import { add } from '/assets/shared/i18n.js';

add({
  zh: {
    'pair.title': '显示屏配对码', 'pair.hint': '请管理员在管理后台“显示屏”页面输入此配对码',
    'countdown.until': '公示期至 {date}', 'countdown.provisional': '（预计）', 'countdown.left': '剩余 {n} 个工作日', 'countdown.days': '剩余 {n} 天',
    'countdown.last': '今日公示截止', 'countdown.label': '公示倒计时',
    'stats.waiting': '当前等候', 'stats.served': '今日办件', 'stats.satisfaction': '满意度',
    'stats.people': '人', 'stats.items': '件', 'stats.rated': '今日评价', 'stats.times': '次',
    'em.info': '通知', 'em.warning': '警告', 'em.critical': '紧急',
    'weekday': '星期{d}', 'weekdays': '日一二三四五六',
    'empty': '暂无播放内容',
    'qr.caption': '扫码看全文', 'qr.alt': '本条信息的二维码',
  },
  en: {
    'pair.title': 'Screen pairing code', 'pair.hint': 'An administrator enters this code on the Screens page',
    'countdown.until': 'Notice period until {date}', 'countdown.provisional': ' (provisional)', 'countdown.left': '{n} working days left', 'countdown.days': '{n} days left',
    'countdown.last': 'Notice period ends today', 'countdown.label': 'Notice period',
    'stats.waiting': 'Waiting', 'stats.served': 'Served today', 'stats.satisfaction': 'Satisfaction',
    'stats.people': '', 'stats.items': '', 'stats.rated': 'Ratings today', 'stats.times': '',
    'em.info': 'Notice', 'em.warning': 'Warning', 'em.critical': 'Emergency',
    'weekday': '{d}', 'weekdays': 'SunMonTueWedThuFriSat',
    'empty': 'Nothing to show',
    'qr.caption': 'Scan to read', 'qr.alt': 'QR code of this notice',
  },
});
