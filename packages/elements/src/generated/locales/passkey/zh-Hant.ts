// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `返回`,
'passkey.cancelled': `未建立密碼金鑰：要求已取消或未確認。選取「建立密碼金鑰」重試。`,
'passkey.create': `建立密碼金鑰`,
'passkey.default-name': `密碼金鑰`,
'passkey.device-name': str`${1} 上的 ${0}`,
'passkey.done': `已新增密碼金鑰`,
'passkey.exists': `這個裝置上已有你帳戶的密碼金鑰。請使用其他裝置或安全金鑰，或選擇其他方式。`,
'passkey.heading': `建立密碼金鑰`,
'passkey.intro': `使用密碼金鑰，你可以透過臉孔、指紋或螢幕鎖定登入。它儲存在你的裝置上，無法被網路釣魚竊取。`,
'passkey.limit': `你的密碼金鑰數量已達上限。請刪除一個不再使用的密碼金鑰，然後再新增。`,
'passkey.name-heading': `為密碼金鑰命名`,
'passkey.name-hint': `最多 64 個字元。`,
'passkey.name-intro': `你的密碼金鑰已準備就緒。取個名稱可協助你區分其他密碼金鑰。`,
'passkey.name-invalid': `請輸入 1 到 64 個字元的名稱。`,
'passkey.name-label': `密碼金鑰名稱`,
'passkey.not-supported': `這個裝置無法建立你的組織接受的密碼金鑰。請試試其他裝置或安全金鑰。`,
'passkey.origin': `無法在這個頁面上建立密碼金鑰。請聯絡管理員。`,
'passkey.prompt': `選取「建立密碼金鑰」後，瀏覽器或手機會請你確認。`,
'passkey.refused': `無法驗證你的密碼金鑰。選取「建立密碼金鑰」重試。`,
'passkey.save': `儲存`,
'passkey.timeout': `要求已逾時。選取「建立密碼金鑰」重試。`,
'passkey.unsupported': `這個瀏覽器無法建立密碼金鑰。請使用最新版瀏覽器，或選擇其他方式。`,
'passkey.waiting': `請依照瀏覽器顯示的步驟操作…`
};
