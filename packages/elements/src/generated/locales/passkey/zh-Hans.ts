// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `返回`,
'passkey.cancelled': `未创建通行密钥：请求已取消或未确认。选择“创建通行密钥”重试。`,
'passkey.create': `创建通行密钥`,
'passkey.default-name': `通行密钥`,
'passkey.device-name': str`${1} 上的 ${0}`,
'passkey.done': `已添加通行密钥`,
'passkey.exists': `此设备上已有你账户的通行密钥。请使用其他设备或安全密钥，或选择其他方式。`,
'passkey.heading': `创建通行密钥`,
'passkey.intro': `使用通行密钥，你可以通过面容、指纹或屏幕锁定来登录。它保存在你的设备上，无法被网络钓鱼窃取。`,
'passkey.limit': `你的通行密钥数量已达上限。请删除一个不再使用的通行密钥，然后再添加新的。`,
'passkey.name-heading': `为通行密钥命名`,
'passkey.name-hint': `最多 64 个字符。`,
'passkey.name-intro': `你的通行密钥已就绪。起个名字可以帮你区分其他通行密钥。`,
'passkey.name-invalid': `请输入 1 到 64 个字符的名称。`,
'passkey.name-label': `通行密钥名称`,
'passkey.not-supported': `此设备无法创建你的组织接受的通行密钥。请尝试其他设备或安全密钥。`,
'passkey.origin': `无法在此页面上创建通行密钥。请联系管理员。`,
'passkey.prompt': `选择“创建通行密钥”后，浏览器或手机会请你确认。`,
'passkey.refused': `无法验证你的通行密钥。选择“创建通行密钥”重试。`,
'passkey.save': `保存`,
'passkey.timeout': `请求已超时。选择“创建通行密钥”重试。`,
'passkey.unsupported': `此浏览器无法创建通行密钥。请使用最新版浏览器，或选择其他方式。`,
'passkey.waiting': `请按照浏览器显示的步骤操作…`
};
