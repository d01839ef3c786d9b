// requests_i18n: the texts of the disclosure requests page.
import { add } from '/assets/shared/i18n.js';

add({
  zh: {
    'req.intro': '答复期限按工作日计算：收到申请之日起 20 个工作日；补正从收到补正材料之日重新计算；征求第三方意见的时间（最长 15 个工作日）不计入；可延长一次，最长 20 个工作日。',
    'req.show_all': '显示已办结', 'req.no': '编号', 'req.applicant': '申请人', 'req.received': '收到日期', 'req.due': '答复期限', 'req.provisional': '（预计）', 'req.left': '剩余工作日',
    'req.status': '状态', 'req.due_soon': '即将到期', 'req.overdue': '已超期', 'req.paused': '期限暂停', 'req.log': '办理记录', 'req.act': '办理',
    'req.description': '所需信息', 'req.contact': '联系方式', 'req.delivery': '获取方式', 'req.assign': '指派给', 'req.nobody': '未指派',
    'st.processing': '办理中', 'st.awaiting_correction': '待补正', 'st.consulting': '征求第三方意见', 'st.replied': '已答复', 'st.abandoned': '视为放弃',
    'ev.received': '收到申请', 'ev.correction_requested': '告知补正（7个工作日内，一次性）', 'ev.corrected': '收到补正材料（重新计算期限）',
    'ev.consult_started': '征求第三方意见（暂停计时）', 'ev.consult_ended': '第三方意见已收到（恢复计时）', 'ev.extended': '延长答复期限（一次，≤20个工作日）',
    'ev.replied': '答复', 'ev.abandoned': '申请人逾期未补正，视为放弃',
    'field.kind': '办理事项', 'field.date': '日期', 'field.days': '延长工作日数', 'field.outcome': '答复类型（第三十六条）', 'field.text': '说明/答复内容', 'field.user_id': '经办人',
  },
  en: {
    'req.intro': 'Deadlines count working days: 20 from receipt; a correction restarts the count from the corrected application; consulting a third party (at most 15 working days) does not count; one extension of at most 20 working days.',
    'req.show_all': 'Show closed', 'req.no': 'No.', 'req.applicant': 'Applicant', 'req.received': 'Received', 'req.due': 'Reply due', 'req.provisional': ' (provisional)', 'req.left': 'Working days left',
    'req.status': 'Status', 'req.due_soon': 'Due soon', 'req.overdue': 'Overdue', 'req.paused': 'Clock paused', 'req.log': 'History', 'req.act': 'Record a step',
    'req.description': 'Information requested', 'req.contact': 'Contact', 'req.delivery': 'Delivery', 'req.assign': 'Assign to', 'req.nobody': 'Nobody',
    'st.processing': 'In progress', 'st.awaiting_correction': 'Awaiting correction', 'st.consulting': 'Consulting a third party', 'st.replied': 'Replied', 'st.abandoned': 'Abandoned',
    'ev.received': 'Received', 'ev.correction_requested': 'Ask for a correction (within 7 working days, once)', 'ev.corrected': 'Corrected application received (clock restarts)',
    'ev.consult_started': 'Consult a third party (clock paused)', 'ev.consult_ended': 'Third-party opinion received (clock resumes)', 'ev.extended': 'Extend the deadline (once, ≤ 20 working days)',
    'ev.replied': 'Reply', 'ev.abandoned': 'Not corrected in time: abandoned',
    'field.kind': 'Step', 'field.date': 'Date', 'field.days': 'Working days', 'field.outcome': 'Outcome (Art. 36)', 'field.text': 'Reason / reply', 'field.user_id': 'Assignee',
  },
});
