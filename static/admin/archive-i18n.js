// archive-i18n: the messages of the archive pages (档案查询).
import { add } from '/assets/shared/i18n.js';

add({
  zh: {
    'ar.datasets': '数据集', 'ar.usage': '使用统计与查询日志', 'ar.new': '新建数据集', 'ar.rows': '记录数', 'ar.last_import': '最近导入',
    'ar.status': '状态', 'ar.published': '已发布', 'ar.unpublished': '未发布', 'ar.reimport': '需重新导入', 'ar.empty': '无数据',
    'ar.edit': '编辑与导入', 'ar.definition': '定义', 'ar.fields': '字段', 'ar.keys': '查询键', 'ar.add_field': '添加字段', 'ar.add_key': '添加查询键',
    'ar.f_name': '字段标识', 'ar.f_label': '显示名称', 'ar.f_column': '文件中的列名', 'ar.f_kind': '个人信息类型', 'ar.f_shown': '显示', 'ar.f_required': '必填',
    'ar.k_name': '标识', 'ar.k_label': '终端提示', 'ar.k_field': '来源字段', 'ar.k_last': '取后几位（0 为整列）', 'ar.k_keypad': '键盘',
    'ar.kind_': '非个人信息', 'ar.kind_id18': '身份证号', 'ar.kind_id15': '15 位身份证号', 'ar.kind_mobile': '手机号', 'ar.kind_bank_card': '银行卡号',
    'ar.kind_name': '姓名', 'ar.kind_generic': '其他个人信息', 'ar.keypad_digits': '数字（含 X）', 'ar.keypad_alnum': '数字和字母', 'ar.keypad_name': '拼音（姓名，整体输入）',
    'ar.remove': '删除', 'ar.delete_dataset': '删除数据集', 'ar.confirm_delete': '确定删除数据集“{name}”及其全部记录吗？',
    'ar.secret_note': '查询键与个人信息只以密钥哈希和脱敏形式保存；修改查询键或脱敏方式后需重新导入。',
    'ar.import': '导入数据', 'ar.file': '文件（CSV 或 XLSX）', 'ar.mode': '方式', 'ar.mode_replace': '替换全部记录', 'ar.mode_append': '追加新记录',
    'ar.encoding': '编码', 'ar.enc_auto': '自动识别', 'ar.upload': '上传并导入', 'ar.uploading': '正在上传…', 'ar.importing': '正在导入…',
    'ar.read': '已读取', 'ar.of': '约', 'ar.rate': '行/秒', 'ar.eta': '预计剩余', 'ar.added': '新增', 'ar.duplicate': '重复', 'ar.bad': '未导入',
    'ar.cancel': '取消导入', 'ar.history': '导入历史', 'ar.report': '导入报告', 'ar.no_problems': '全部行已导入，无问题。',
    'ar.row': '行号', 'ar.column': '列', 'ar.reason': '原因', 'ar.detail': '说明', 'ar.same_as': '与第 {row} 行相同', 'ar.same_import': '与导入 #{id} 的第 {row} 行相同',
    'ar.truncated': '另有 {n} 个问题未列出', 'ar.at': '时间', 'ar.file_name': '文件', 'ar.state': '结果', 'ar.actor': '操作人', 'ar.show': '查看报告',
    'ar.state_running': '进行中', 'ar.state_live': '生效中', 'ar.state_replaced': '已被替换', 'ar.state_failed': '失败', 'ar.state_cancelled': '已取消', 'ar.state_deleted': '已删除',
    'ar.test': '测试查询', 'ar.search': '查询', 'ar.found': '找到 {n} 条记录', 'ar.not_found': '未找到记录', 'ar.test_note': '测试查询同样记入查询日志。',
    'ar.reason_parse': '无法解析（如引号不配对）', 'ar.reason_encoding': '编码错误', 'ar.reason_columns': '列数与表头不符', 'ar.reason_required': '必填项为空',
    'ar.reason_key_missing': '查询键为空', 'ar.reason_key_short': '查询键位数不足', 'ar.reason_key_chars': '查询键含键盘无法输入的字符',
    'ar.reason_invalid_id': '身份证号无效', 'ar.reason_too_long': '内容过长', 'ar.reason_duplicate': '重复行',
    'ar.day': '日期', 'ar.queries': '查询次数', 'ar.hits': '命中', 'ar.misses': '未命中', 'ar.refused': '被拒绝', 'ar.hit_rate': '命中率',
    'ar.audit': '查询日志', 'ar.kiosk': '终端', 'ar.address': '地址', 'ar.dataset': '数据集', 'ar.outcome': '结果', 'ar.records': '记录数',
    'ar.outcome_hit': '命中', 'ar.outcome_miss': '未命中', 'ar.outcome_locked': '已锁定', 'ar.outcome_slowed': '已限速', 'ar.all': '全部', 'ar.more': '更早的记录',
    'ar.person': '某查询人', 'ar.kiosks_note': '未命中次数按近 1 小时累计，中间查到记录也不清零；同一地址、同一查询人的未命中也分别累计。',
    'ar.kiosks': '终端锁定状态', 'ar.locked_until': '锁定至', 'ar.locks': '锁定次数', 'ar.unlock': '解除锁定', 'ar.days30': '近 30 天',
    'field.name': '名称', 'field.description': '说明', 'field.published': '在自助终端上提供', 'field.file': '文件', 'field.mode': '方式', 'field.dataset': '数据集',
  },
  en: {
    'ar.datasets': 'Datasets', 'ar.usage': 'Usage and query log', 'ar.new': 'New dataset', 'ar.rows': 'Records', 'ar.last_import': 'Last import',
    'ar.status': 'Status', 'ar.published': 'Published', 'ar.unpublished': 'Not published', 'ar.reimport': 'Needs a new import', 'ar.empty': 'No data',
    'ar.edit': 'Edit and import', 'ar.definition': 'Definition', 'ar.fields': 'Fields', 'ar.keys': 'Query keys', 'ar.add_field': 'Add field', 'ar.add_key': 'Add key',
    'ar.f_name': 'Identifier', 'ar.f_label': 'Label', 'ar.f_column': 'Column in the file', 'ar.f_kind': 'Personal data', 'ar.f_shown': 'Shown', 'ar.f_required': 'Required',
    'ar.k_name': 'Identifier', 'ar.k_label': 'Kiosk prompt', 'ar.k_field': 'From field', 'ar.k_last': 'Last N characters (0: all)', 'ar.k_keypad': 'Keypad',
    'ar.kind_': 'Not personal', 'ar.kind_id18': 'ID number', 'ar.kind_id15': '15-digit ID', 'ar.kind_mobile': 'Mobile', 'ar.kind_bank_card': 'Bank card',
    'ar.kind_name': 'Name', 'ar.kind_generic': 'Other personal', 'ar.keypad_digits': 'Digits (and X)', 'ar.keypad_alnum': 'Digits and letters', 'ar.keypad_name': 'Pinyin (a whole name)',
    'ar.remove': 'Remove', 'ar.delete_dataset': 'Delete dataset', 'ar.confirm_delete': 'Delete the dataset “{name}” and all its records?',
    'ar.secret_note': 'Query keys and personal data are stored only as keyed hashes and masked values; changing keys or masking needs a new import.',
    'ar.import': 'Import', 'ar.file': 'File (CSV or XLSX)', 'ar.mode': 'Mode', 'ar.mode_replace': 'Replace all records', 'ar.mode_append': 'Append new records',
    'ar.encoding': 'Encoding', 'ar.enc_auto': 'Detect', 'ar.upload': 'Upload and import', 'ar.uploading': 'Uploading…', 'ar.importing': 'Importing…',
    'ar.read': 'Read', 'ar.of': 'of about', 'ar.rate': 'rows/s', 'ar.eta': 'Time left', 'ar.added': 'Added', 'ar.duplicate': 'Duplicates', 'ar.bad': 'Not imported',
    'ar.cancel': 'Cancel import', 'ar.history': 'Import history', 'ar.report': 'Import report', 'ar.no_problems': 'Every row was imported.',
    'ar.row': 'Row', 'ar.column': 'Column', 'ar.reason': 'Reason', 'ar.detail': 'Detail', 'ar.same_as': 'same as row {row}', 'ar.same_import': 'same as row {row} of import #{id}',
    'ar.truncated': '{n} more problems not listed', 'ar.at': 'Time', 'ar.file_name': 'File', 'ar.state': 'Result', 'ar.actor': 'By', 'ar.show': 'Report',
    'ar.state_running': 'Running', 'ar.state_live': 'Live', 'ar.state_replaced': 'Replaced', 'ar.state_failed': 'Failed', 'ar.state_cancelled': 'Cancelled', 'ar.state_deleted': 'Deleted',
    'ar.test': 'Test lookup', 'ar.search': 'Look up', 'ar.found': '{n} records found', 'ar.not_found': 'No record found', 'ar.test_note': 'Test lookups are logged too.',
    'ar.reason_parse': 'Cannot be read (e.g. a stray quote)', 'ar.reason_encoding': 'Wrong encoding', 'ar.reason_columns': 'Wrong number of columns', 'ar.reason_required': 'Required value empty',
    'ar.reason_key_missing': 'Key empty', 'ar.reason_key_short': 'Key too short', 'ar.reason_key_chars': 'Key has characters the keypad lacks',
    'ar.reason_invalid_id': 'Invalid ID number', 'ar.reason_too_long': 'Value too long', 'ar.reason_duplicate': 'Duplicate row',
    'ar.day': 'Day', 'ar.queries': 'Queries', 'ar.hits': 'Hits', 'ar.misses': 'Misses', 'ar.refused': 'Refused', 'ar.hit_rate': 'Hit rate',
    'ar.audit': 'Query log', 'ar.kiosk': 'Kiosk', 'ar.address': 'Address', 'ar.dataset': 'Dataset', 'ar.outcome': 'Outcome', 'ar.records': 'Records',
    'ar.outcome_hit': 'Hit', 'ar.outcome_miss': 'Miss', 'ar.outcome_locked': 'Locked', 'ar.outcome_slowed': 'Slowed', 'ar.all': 'All', 'ar.more': 'Older entries',
    'ar.person': 'A person looked up', 'ar.kiosks_note': 'Misses count over the last hour; hits in between do not reset them. Misses also count per address and per person looked up.',
    'ar.kiosks': 'Kiosk locks', 'ar.locked_until': 'Locked until', 'ar.locks': 'Locks', 'ar.unlock': 'Unlock', 'ar.days30': 'Last 30 days',
    'field.name': 'Name', 'field.description': 'Description', 'field.published': 'Offer at the kiosks', 'field.file': 'File', 'field.mode': 'Mode', 'field.dataset': 'Dataset',
  },
});

// Field labels of definition errors (fields[2].kind → the column's name).
export function fieldLabel(path) {
  const m = path.match(/^(fields|keys)\[(\d+)\]\.(\w+)$/);
  return m ? `${m[1] === 'fields' ? '字段' : '查询键'} ${+m[2] + 1} · ${m[3]}` : path;
}
