/**
 * R33: the kinds of complaint the officer picks from (投诉类型) [inferred from the postal service's
 * usual complaint categories]; another wording may still be typed, as units word them their own way.
 */
export const COMPLAINT_TYPES = [
  '投递延误',
  '邮件丢失',
  '邮件损毁',
  '资费争议',
  '账单差错',
  '服务态度',
  '揽收问题',
  '其他',
] as const;

/** Where a complaint comes in (渠道), the form's and the template's list. */
export const COMPLAINT_CHANNELS = ['电话', '上门', '信函', '网站', '12305', '其他'] as const;
